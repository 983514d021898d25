import type { Core } from '@strapi/strapi';

/** RBAC actions for 订单监控: read (list, detail) and manage (cancel, reassign, assign). */
export const ORDER_ACTIONS = [
  { section: 'plugins', displayName: '查看订单', uid: 'read', pluginName: 'orders' },
  { section: 'plugins', displayName: '处理订单（取消、改派、指派）', uid: 'manage', pluginName: 'orders' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ORDER_ACTIONS);
};
