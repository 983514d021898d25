import type { Core } from '@strapi/strapi';

/**
 * Admin routes of 客户反馈. Strapi mounts every route of an API (src/api/*) on the Content API,
 * so these are registered on the admin API here, behind our own RBAC actions.
 */
export const FEEDBACK_ACTIONS = [
  { section: 'settings', category: '客户反馈', subCategory: '服务评价', displayName: '隐藏评价', uid: 'feedback.moderate' },
  // Separate from hiding: following a bad review up is everyday 客服 and 城市运营 work, hiding
  // one changes a worker's rating.
  { section: 'settings', category: '客户反馈', subCategory: '服务评价', displayName: '查看与跟进差评', uid: 'feedback.reviews-follow-up' },
];
export const MODERATE_ACTION = 'api::feedback.moderate';
export const REVIEWS_FOLLOW_UP_ACTION = 'api::feedback.reviews-follow-up';

export async function registerFeedbackActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(FEEDBACK_ACTIONS);
}

const guarded = (...actions: string[]) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }] });

type Handler = (ctx: unknown) => Promise<void>;

export function registerFeedbackAdminRoutes(strapi: Core.Strapi): void {
  const reviews = strapi.controller('api::feedback.review') as unknown as Record<'hide' | 'adminList' | 'adminView' | 'followUp', Handler>;
  strapi.server.routes({
    type: 'admin',
    prefix: '/feedback',
    routes: [
      { method: 'GET', path: '/reviews', handler: (ctx: unknown) => reviews.adminList(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'GET', path: '/reviews/:id', handler: (ctx: unknown) => reviews.adminView(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'POST', path: '/reviews/:id/follow-up', handler: (ctx: unknown) => reviews.followUp(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'POST', path: '/reviews/:id/hide', handler: (ctx: unknown) => reviews.hide(ctx), config: guarded(MODERATE_ACTION) },
    ],
  } as any);
}
