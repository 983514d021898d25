import type { Core } from '@strapi/strapi';

/** RBAC: finance statements (财务, 超级管理员; 城市运营 through the same-city condition). */
export const REPORT_ACTIONS = [{ section: 'plugins', displayName: '查看财务报表', uid: 'reports', pluginName: 'settlement' }];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(REPORT_ACTIONS);
};
