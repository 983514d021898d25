import type { Core } from '@strapi/strapi';
import { validateAdminList, validateCreateReview, validateFollowUp, validateHide, validateReply } from '../validation/review';
import { MODERATE_ACTION } from '../admin-routes';
import { userId } from '../../../runtime/requester';
import { adminDisplayName } from '../../../runtime/admin-name';
import type reviewAdminFactory from '../services/review-admin';

type ReviewAdminService = ReturnType<typeof reviewAdminFactory>;

const reviews = (strapi: Core.Strapi) => strapi.service('api::feedback.review');
const reviewAdmin = (strapi: Core.Strapi) => strapi.service('api::feedback.review-admin') as unknown as ReviewAdminService;

type AdminUser = { id: number; email?: string; firstname?: string; lastname?: string; username?: string };

/** How an operator is named in the records they leave (隐藏操作人, 跟进人). */
const operatorOf = (admin: AdminUser) => ({ id: admin.id, name: adminDisplayName(admin) });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const input = await validateCreateReview(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await reviews(strapi).createForMember(userId(ctx), input) };
  },

  async reply(ctx: any) {
    const { content } = await validateReply(ctx.request.body);
    ctx.body = { data: await reviews(strapi).replyAsWorker(userId(ctx), ctx.params.id, content) };
  },

  // Admin routes (src/api/feedback/admin-routes.ts): ctx.state.user is the admin user.

  async hide(ctx: any) {
    const { reason } = await validateHide(ctx.request.body);
    const admin = ctx.state.user as AdminUser;
    await reviewAdmin(strapi).assertInScope(admin, ctx.params.id, MODERATE_ACTION);
    ctx.body = { data: await reviews(strapi).hide(ctx.params.id, reason, operatorOf(admin)) };
  },

  async adminList(ctx: any) {
    ctx.body = await reviewAdmin(strapi).list(ctx.state.user, await validateAdminList(ctx.query));
  },

  async adminView(ctx: any) {
    ctx.body = { data: await reviewAdmin(strapi).view(ctx.state.user, ctx.params.id) };
  },

  async followUp(ctx: any) {
    const { note } = await validateFollowUp(ctx.request.body);
    const admin = ctx.state.user as AdminUser;
    ctx.body = { data: await reviewAdmin(strapi).followUp(admin, ctx.params.id, note, operatorOf(admin)) };
  },
});
