import type { Core } from '@strapi/strapi';
import { unauthenticated } from '../../../../../runtime/errors';
import { getService } from '../utils';
import { validateApply } from './validation/workforce';

interface ContentCtx {
  state: { user?: { id?: number } };
  request: { body?: unknown };
  body: unknown;
  status: number;
}

/** POST /api/workers/apply */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(ctx: ContentCtx) {
    const userId = ctx.state.user?.id;
    if (!userId) throw unauthenticated();
    const input = await validateApply(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'application').apply(userId, input) };
  },
});
