import type { Core } from '@strapi/strapi';
import type { GetTrackingResponse, PingLocationResponse } from '../../../shared/contracts/tracking';
import { getService } from '../utils';
import { validatePing } from './validation/location';
import { userId, type ContentCtx as Ctx } from '../../../../../runtime/requester';

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
