import type { Core } from '@strapi/strapi';

/** RBAC: the 客服 console (support conversations; 城市运营 for their cities). */
export const IM_ACTIONS = [{ section: 'plugins', displayName: '客服会话（查看与回复）', uid: 'support', pluginName: 'im' }];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(IM_ACTIONS);
};
