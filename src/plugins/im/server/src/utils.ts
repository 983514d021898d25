import type { Core } from '@strapi/strapi';
import type { OrdersImPort } from '../../../orders/shared/contracts/orders-im';
import type services from './services';

export const CONVERSATION_UID = 'plugin::im.conversation';
export const MESSAGE_UID = 'plugin::im.message';
/** RBAC action of the 客服 console routes (support conversations). */
export const SUPPORT_ACTION = 'plugin::im.support';

type Services = typeof services;

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('im').service(name) as ReturnType<Services[K]>;
}

/** The orders plugin's port for chat (contract: orders/shared/contracts/orders-im.ts). */
export const ordersPort = (strapi: Core.Strapi): OrdersImPort => strapi.plugin('orders').service('im-port') as OrdersImPort;
