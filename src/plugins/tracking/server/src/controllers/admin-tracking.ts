import type { Core } from '@strapi/strapi';
import { unauthenticated } from '../../../../../runtime/errors';
import type { GetTrackingResponse } from '../../../shared/contracts/tracking';
import { getService } from '../utils';

interface AdminCtx {
  state: { user?: { id?: number; email?: string; roles?: Array<{ id?: number; code: string; name: string }> } };
  params: Record<string, string>;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // GET /tracking/orders/:id — city-scoped: a 城市运营 gets 404 outside their cities.
  async findOne(ctx: AdminCtx) {
    const user = ctx.state.user;
    if (!user?.id) throw unauthenticated();
    const body: GetTrackingResponse = {
      data: await getService(strapi, 'tracking').view(ctx.params.id, { kind: 'admin', user: { id: user.id, email: user.email, roles: user.roles } }),
    };
    ctx.body = body;
  },
});
