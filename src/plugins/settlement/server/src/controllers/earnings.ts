import type { Core } from '@strapi/strapi';
import { unauthenticated } from '../../../../../runtime/errors';
import { getService } from '../utils';
import { validateEarningsQuery } from './validation/earnings';

interface ContentCtx {
  state: { user?: { id?: number } };
  query: Record<string, unknown>;
  body: unknown;
}

/** GET /api/me/earnings: the signed-in worker's own earnings (the route is granted to workers only). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: ContentCtx) {
    const userId = ctx.state.user?.id;
    if (!userId) throw unauthenticated();
    const page = await validateEarningsQuery(ctx.query);
    ctx.body = await getService(strapi, 'earnings').forUser(userId, page);
  },
});
