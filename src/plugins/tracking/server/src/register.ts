import type { Core } from '@strapi/strapi';

/** RBAC: who may see where an order's worker is (客服, 城市运营 for their cities). */
export const TRACKING_ACTIONS = [{ section: 'plugins', displayName: '查看服务人员实时位置', uid: 'read', pluginName: 'tracking' }];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(TRACKING_ACTIONS);
};
