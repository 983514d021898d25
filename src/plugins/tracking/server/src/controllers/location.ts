import type { Core } from '@strapi/strapi';
import { unauthenticated } from '../../../../../runtime/errors';
import type { GetTrackingResponse, PingLocationResponse } from '../../../shared/contracts/tracking';
import { getService } from '../utils';
import { validatePing } from './validation/location';

interface Ctx {
  state: { user?: { id?: number } };
  params: Record<string, string>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

function userId(ctx: Ctx): number {
  const id = ctx.state.user?.id;
  if (!id) throw unauthenticated();
  return id;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // POST /api/tracking/location
  async ping(ctx: Ctx) {
    const me = userId(ctx);
    const input = await validatePing(ctx.request.body);
    const body: PingLocationResponse = { data: await getService(strapi, 'tracking').ping(me, input) };
    ctx.body = body;
  },

  // GET /api/orders/:id/tracking
  async findOne(ctx: Ctx) {
    const me = userId(ctx);
    const body: GetTrackingResponse = { data: await getService(strapi, 'tracking').view(ctx.params.id, { kind: 'user', id: me }) };
    ctx.body = body;
  },
});
