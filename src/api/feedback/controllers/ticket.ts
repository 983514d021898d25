import type { Core } from '@strapi/strapi';
import { validateCreateTicket, validateNoBody, validateReplyTicket, validateTicketList } from '../validation/ticket';
import { userId } from '../../../runtime/requester';

const tickets = (strapi: Core.Strapi) => strapi.service('api::feedback.ticket');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const input = await validateCreateTicket(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await tickets(strapi).createForMember(userId(ctx), input) };
  },

  async find(ctx: any) {
    const { page, pageSize } = await validateTicketList(ctx.query);
    ctx.body = await tickets(strapi).listForMember(userId(ctx), page, pageSize);
  },

  async findOne(ctx: any) {
    ctx.body = { data: await tickets(strapi).viewForMember(userId(ctx), ctx.params.id) };
  },

  async reply(ctx: any) {
    const input = await validateReplyTicket(ctx.request.body);
    ctx.body = { data: await tickets(strapi).replyForMember(userId(ctx), ctx.params.id, input) };
  },

  async close(ctx: any) {
    await validateNoBody(ctx.request.body);
    ctx.body = { data: await tickets(strapi).closeForMember(userId(ctx), ctx.params.id) };
  },
});
