import type { Core } from '@strapi/strapi';
import type services from './services';

export const PAYMENT_UID = 'plugin::payments.payment';
export const REFUND_UID = 'plugin::payments.refund';
export const CHANNEL_NOTICE_UID = 'plugin::payments.channel-notice';

type Services = typeof services;

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('payments').service(name) as ReturnType<Services[K]>;
}

/** The ledger of the settlement plugin. */
export const ledger = (strapi: Core.Strapi) => strapi.plugin('settlement').service('ledger');

/** The orders plugin's side of the payment seam. */
export const ordersPort = (strapi: Core.Strapi) => strapi.plugin('orders').service('payments-port');
