import type { Core } from '@strapi/strapi';
import { forbidden } from '../../../../../runtime/errors';
import { getService } from '../utils';
import { userId, type ContentCtx } from '../../../../../runtime/requester';
import { validateBlock, validateRecommend } from './validation/schemas';

/** Member and worker routes of matching: 智能推荐, the worker's offers, rejecting one, blocking a worker. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function workerOf(ctx: ContentCtx) {
    const worker = await getService(strapi, 'worker-directory').byUserId(userId(ctx));
    if (!worker) throw forbidden('您还不是平台服务人员');
    return worker;
  }

  return {
    async recommend(ctx: ContentCtx) {
      const input = await validateRecommend(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'recommendations').recommend(userId(ctx), input) };
    },

    async offers(ctx: ContentCtx) {
      const worker = await workerOf(ctx);
      ctx.body = { data: await getService(strapi, 'offers').openFor(worker.id) };
    },

    async reject(ctx: ContentCtx) {
      const worker = await workerOf(ctx);
      const offer = await getService(strapi, 'offers').reject(ctx.params.id, worker.id);
      // The next worker gets it now, not when the offer would have timed out.
      await getService(strapi, 'dispatcher').advance(offer.taskId);
      ctx.body = { data: { order: offer.orderDocumentId, state: 'rejected' } };
    },

    async blocks(ctx: ContentCtx) {
      ctx.body = { data: await getService(strapi, 'blocks').list(userId(ctx)) };
    },

    async block(ctx: ContentCtx) {
      const { worker, reason } = await validateBlock(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'blocks').add(userId(ctx), worker, reason) };
    },

    async unblock(ctx: ContentCtx) {
      await getService(strapi, 'blocks').remove(userId(ctx), ctx.params.worker);
      ctx.body = { data: { worker: ctx.params.worker, blocked: false } };
    },
  };
};
