import type { Core } from '@strapi/strapi';

/**
 * Admin routes of 客户反馈. Strapi mounts every route of an API (src/api/*) on the Content API,
 * so these are registered on the admin API here, behind our own RBAC action.
 */
export const FEEDBACK_ACTIONS = [
  { section: 'settings', category: '客户反馈', subCategory: '服务评价', displayName: '隐藏评价', uid: 'feedback.moderate' },
];
export const MODERATE_ACTION = 'api::feedback.moderate';

export async function registerFeedbackActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(FEEDBACK_ACTIONS);
}

export function registerFeedbackAdminRoutes(strapi: Core.Strapi): void {
  const controller = strapi.controller('api::feedback.review') as unknown as { hide(ctx: unknown): Promise<void> };
  strapi.server.routes({
    type: 'admin',
    prefix: '/feedback',
    routes: [
      {
        method: 'POST',
        path: '/reviews/:id/hide',
        handler: (ctx: unknown) => controller.hide(ctx),
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [MODERATE_ACTION] } }] },
      },
    ],
  } as any);
}
