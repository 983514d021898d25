import type { Core } from '@strapi/strapi';
import type services from './services';

export const EARNING_UID = 'plugin::settlement.worker-earning';
export const WORKER_UID = 'api::people.worker';

type Services = typeof services;

/** Typed access to this plugin's services: getService(strapi, 'ledger-port').post(...). */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('settlement').service(name) as ReturnType<Services[K]>;
}
