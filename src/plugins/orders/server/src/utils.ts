import type { Core } from '@strapi/strapi';
import type services from './services';

export const ORDER_UID = 'plugin::orders.order';
export const EVENT_UID = 'plugin::orders.order-event';
export const SLOT_UID = 'plugin::orders.worker-slot';

type Services = typeof services;

/** Typed access to this plugin's services: getService(strapi, 'transition').apply(...). */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('orders').service(name) as ReturnType<Services[K]>;
}
