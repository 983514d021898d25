import type { Core } from '@strapi/strapi';

/** RBAC actions of 结算批次: read (batches, statements; city-scoped for 城市运营) and manage (build, review, pay). */
export const PAYOUT_ACTIONS = [
  { section: 'plugins', displayName: '查看结算批次', uid: 'payouts-read', pluginName: 'settlement' },
  { section: 'plugins', displayName: '审核与支付结算', uid: 'payouts-manage', pluginName: 'settlement' },
];

export async function registerPayoutActions({ strapi }: { strapi: Core.Strapi }): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(PAYOUT_ACTIONS);
}
