import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../services/audit';
import { getService } from '../utils';
import { validateAudit, validateEmployment, validateList } from './validation/workforce';

interface AdminCtx {
  state: { user: AdminUser };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
}

/** 师傅审核 admin routes; RBAC by the route policies, city scope by the services. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: AdminCtx) {
    ctx.body = await getService(strapi, 'worker-admin').list(ctx.state.user, await validateList(ctx.query));
  },

  async findOne(ctx: AdminCtx) {
    ctx.body = { data: await getService(strapi, 'worker-admin').view(ctx.state.user, ctx.params.id) };
  },

  async audit(ctx: AdminCtx) {
    const { decision, reason } = await validateAudit(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'audit').act(ctx.state.user, ctx.params.id, decision, reason) };
  },

  async suspend(ctx: AdminCtx) {
    const { reason } = await validateEmployment(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'audit').act(ctx.state.user, ctx.params.id, 'suspend', reason) };
  },

  async reinstate(ctx: AdminCtx) {
    const { reason } = await validateEmployment(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'audit').act(ctx.state.user, ctx.params.id, 'reinstate', reason) };
  },
});
