import type { Core } from '@strapi/strapi';
import type services from './services';

export const WORKER_UID = 'api::people.worker';
export const USER_UID = 'plugin::users-permissions.user';
export const NOTICE_QUEUE = 'workforce-notice';

type Services = typeof services;

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('workforce').service(name) as ReturnType<Services[K]>;
}
