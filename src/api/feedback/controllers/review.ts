import type { Core } from '@strapi/strapi';
import { validateCreateReview, validateHide, validateReply } from '../validation/review';
import { userId } from '../../../runtime/requester';
import { adminDisplayName } from '../../../runtime/admin-name';

const reviews = (strapi: Core.Strapi) => strapi.service('api::feedback.review');

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

  /** Admin route (src/api/feedback/admin-routes.ts): ctx.state.user is the admin user. */
  async hide(ctx: any) {
    const { reason } = await validateHide(ctx.request.body);
    const admin = ctx.state.user as { id: number; firstname?: string; lastname?: string; username?: string; email?: string };
    const name = adminDisplayName(admin);
    ctx.body = { data: await reviews(strapi).hide(ctx.params.id, reason, { id: admin.id, name }) };
  },
});
