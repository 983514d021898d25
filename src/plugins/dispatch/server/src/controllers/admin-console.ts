import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import type { AdminUser } from '../services/console';
import { validateAssign, validateBoardQuery, validateDate, validateSchedule } from './validation/schemas';

interface AdminCtx {
  state: { user: AdminUser };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
}

/** Admin routes of the 调度台; RBAC is checked by the route policies, city scope by the service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const desk = () => getService(strapi, 'console');

  return {
    async board(ctx: AdminCtx) {
      const filter = await validateBoardQuery(ctx.query);
      ctx.body = { data: await desk().board(ctx.state.user, filter), meta: { now: desk().now() } };
    },

    async candidates(ctx: AdminCtx) {
      ctx.body = { data: await desk().candidates(ctx.state.user, ctx.params.id) };
    },

    async assign(ctx: AdminCtx) {
      const { worker } = await validateAssign(ctx.request.body);
      ctx.body = { data: await desk().assign(ctx.state.user, ctx.params.id, worker) };
    },

    async workers(ctx: AdminCtx) {
      const { city } = await validateBoardQuery(ctx.query);
      ctx.body = { data: await desk().workers(ctx.state.user, city) };
    },

    async timeline(ctx: AdminCtx) {
      const { date } = await validateDate(ctx.query);
      ctx.body = { data: await desk().timeline(ctx.state.user, ctx.params.id, date) };
    },

    async schedule(ctx: AdminCtx) {
      ctx.body = { data: await desk().schedule(ctx.state.user, ctx.params.id) };
    },

    async updateSchedule(ctx: AdminCtx) {
      const input = await validateSchedule(ctx.request.body);
      ctx.body = { data: await desk().updateSchedule(ctx.state.user, ctx.params.id, input) };
    },

    async resolveAlert(ctx: AdminCtx) {
      await desk().resolveAlert(ctx.state.user, Number(ctx.params.id));
      ctx.body = { data: { id: Number(ctx.params.id), resolved: true } };
    },
  };
};
