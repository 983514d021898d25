import type { Core } from '@strapi/strapi';
import { notFound } from '../../../../../runtime/errors';
import { getService } from '../utils';
import { userId, type ContentCtx } from '../../../../../runtime/requester';
import { validateSchedule, validateWorkerSelf } from './validation/schemas';

/** GET|PUT /api/me/worker and GET|PUT /api/me/schedule: the worker's own profile and schedule. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function ownWorkerId(ctx: ContentCtx): Promise<number> {
    const row = await getService(strapi, 'worker-self').findOwn(userId(ctx));
    if (!row) throw notFound('您还不是平台服务人员');
    return row.id;
  }

  return {
    async find(ctx: ContentCtx) {
      ctx.body = { data: await getService(strapi, 'worker-self').view(userId(ctx)) };
    },

    async update(ctx: ContentCtx) {
      const input = await validateWorkerSelf(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'worker-self').update(userId(ctx), input) };
    },

    async findSchedule(ctx: ContentCtx) {
      ctx.body = { data: await getService(strapi, 'schedule').view(await ownWorkerId(ctx)) };
    },

    async updateSchedule(ctx: ContentCtx) {
      const input = await validateSchedule(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'schedule').update(await ownWorkerId(ctx), input) };
    },
  };
};
