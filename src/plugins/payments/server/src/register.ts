import type { Core } from '@strapi/strapi';

/** RBAC actions for 支付流水: read (list, detail) and refund (operator refunds and their retries). */
export const PAYMENT_ACTIONS = [
  { section: 'plugins', displayName: '查看支付流水', uid: 'read', pluginName: 'payments' },
  { section: 'plugins', displayName: '发起退款', uid: 'refund', pluginName: 'payments' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PAYMENT_ACTIONS);
};
