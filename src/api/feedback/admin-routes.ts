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
  { section: 'settings', category: '客户反馈', subCategory: '投诉建议', displayName: '查看投诉建议', uid: 'feedback.tickets-read' },
  { section: 'settings', category: '客户反馈', subCategory: '投诉建议', displayName: '处理投诉建议', uid: 'feedback.tickets-manage' },
];
export const MODERATE_ACTION = 'api::feedback.moderate';
export const REVIEWS_FOLLOW_UP_ACTION = 'api::feedback.reviews-follow-up';
export const TICKETS_READ = 'api::feedback.tickets-read';
export const TICKETS_MANAGE = 'api::feedback.tickets-manage';

export async function registerFeedbackActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(FEEDBACK_ACTIONS);
}

type Handler = (ctx: unknown) => Promise<void>;

const guarded = (action: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }] });

export function registerFeedbackAdminRoutes(strapi: Core.Strapi): void {
  const reviews = strapi.controller('api::feedback.review') as unknown as Record<'hide' | 'adminList' | 'adminView' | 'followUp', Handler>;
  const tickets = strapi.controller('api::feedback.ticket-admin') as unknown as Record<'list' | 'findOne' | 'assign' | 'reply' | 'close', Handler>;
  strapi.server.routes({
    type: 'admin',
    prefix: '/feedback',
    routes: [
      { method: 'GET', path: '/reviews', handler: (ctx: unknown) => reviews.adminList(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'GET', path: '/reviews/:id', handler: (ctx: unknown) => reviews.adminView(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'POST', path: '/reviews/:id/follow-up', handler: (ctx: unknown) => reviews.followUp(ctx), config: guarded(REVIEWS_FOLLOW_UP_ACTION) },
      { method: 'POST', path: '/reviews/:id/hide', handler: (ctx: unknown) => reviews.hide(ctx), config: guarded(MODERATE_ACTION) },
      { method: 'GET', path: '/tickets', handler: (ctx: unknown) => tickets.list(ctx), config: guarded(TICKETS_READ) },
      { method: 'GET', path: '/tickets/:id', handler: (ctx: unknown) => tickets.findOne(ctx), config: guarded(TICKETS_READ) },
      { method: 'POST', path: '/tickets/:id/assign', handler: (ctx: unknown) => tickets.assign(ctx), config: guarded(TICKETS_MANAGE) },
      { method: 'POST', path: '/tickets/:id/reply', handler: (ctx: unknown) => tickets.reply(ctx), config: guarded(TICKETS_MANAGE) },
      { method: 'POST', path: '/tickets/:id/close', handler: (ctx: unknown) => tickets.close(ctx), config: guarded(TICKETS_MANAGE) },
    ],
  } as any);
}
