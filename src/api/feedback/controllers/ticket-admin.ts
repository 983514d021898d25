import type { Core } from '@strapi/strapi';
import type { TicketAdmin } from '../services/ticket-admin';
import type ticketAdmin from '../services/ticket-admin';
import { validateAdminTicketList, validateAssignTicket, validateCloseTicket, validateReplyTicket } from '../validation/ticket';

interface AdminCtx {
  state: { user: TicketAdmin };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
}

/** 客户反馈 admin routes (../admin-routes.ts): RBAC by the route policies, city scope by the service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::feedback.ticket-admin') as unknown as ReturnType<typeof ticketAdmin>;
  return {
    async list(ctx: AdminCtx) {
      ctx.body = await service().list(ctx.state.user, await validateAdminTicketList(ctx.query));
    },

    async findOne(ctx: AdminCtx) {
      ctx.body = { data: await service().view(ctx.state.user, ctx.params.id) };
    },

    async assign(ctx: AdminCtx) {
      const { assignee } = await validateAssignTicket(ctx.request.body);
      ctx.body = { data: await service().assign(ctx.state.user, ctx.params.id, assignee) };
    },

    async reply(ctx: AdminCtx) {
      const input = await validateReplyTicket(ctx.request.body);
      ctx.body = { data: await service().reply(ctx.state.user, ctx.params.id, input) };
    },

    async close(ctx: AdminCtx) {
      const { resolution } = await validateCloseTicket(ctx.request.body);
      ctx.body = { data: await service().close(ctx.state.user, ctx.params.id, resolution) };
    },
  };
};
