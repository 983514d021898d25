import type { Core } from '@strapi/strapi';
import { DomainError, notFound, unauthenticated } from '../../../../../runtime/errors';
import { isOrderStatus, parsePosition, type OrderStatus } from '../domain';
import { getService } from '../utils';
import {
  validateCreate,
  validateEvidence,
  validateList,
  validateModify,
  validateQuote,
  validateReason,
  validateStep,
} from './validation/order';

type Ctx = any;

function requester(ctx: Ctx) {
  const user = ctx.state.user;
  if (!user?.id) throw unauthenticated();
  return { userId: user.id as number, isWorker: user.role?.type === 'worker' };
}

const PROGRESS = ['depart', 'arrive', 'start', 'pause', 'resume', 'complete', 'release'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => getService(strapi, 'order-query');

  async function respond(ctx: Ctx, orderId: number, status = 200) {
    ctx.status = status;
    ctx.body = { data: await query().view(orderId, requester(ctx)) };
  }

  const progressHandlers = Object.fromEntries(
    PROGRESS.map((event) => [
      event,
      async (ctx: Ctx) => {
        const me = requester(ctx);
        const body = (await validateStep(ctx.request.body)) as { reason?: string; lat?: number; lng?: number };
        const position = event === 'arrive' ? parsePosition(body) : null;
        const row = await getService(strapi, 'worker-actions').progress(ctx.params.id, me.userId, event, body.reason, { position });
        await respond(ctx, row.id);
      },
    ]),
  );

  return {
    async quote(ctx: Ctx) {
      const me = requester(ctx);
      const input = (await validateQuote(ctx.request.body)) as any;
      const { quote } = await getService(strapi, 'quote').price(me.userId, input);
      ctx.body = { data: quote };
    },

    async create(ctx: Ctx) {
      const me = requester(ctx);
      const input = (await validateCreate(ctx.request.body)) as any;
      const key = ctx.request.header['idempotency-key'];
      if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,80}$/.test(String(key))) {
        throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key 须为 8–80 位字母、数字或 _.:-', { field: 'Idempotency-Key' });
      }
      const { order, created } = await getService(strapi, 'place-order').place(me.userId, { ...input, idempotencyKey: key ?? null });
      await respond(ctx, order.id, created ? 201 : 200);
    },

    async find(ctx: Ctx) {
      const me = requester(ctx);
      const q = (await validateList(ctx.query)) as { status?: string; as?: 'member' | 'worker'; pagination?: { page?: string; pageSize?: string } };
      const status = q.status?.split(',');
      if (status && !status.every(isOrderStatus)) throw new DomainError('VALIDATION_FAILED', '订单状态不正确', { field: 'status' });
      const result = await query().list(me, {
        status: status as OrderStatus[] | undefined,
        as: q.as,
        page: Number(q.pagination?.page ?? 1),
        pageSize: Number(q.pagination?.pageSize ?? 20),
      });
      ctx.body = { data: result.data, meta: { pagination: result.pagination } };
    },

    async findOne(ctx: Ctx) {
      ctx.body = { data: await query().detail(requester(ctx), ctx.params.id) };
    },

    async update(ctx: Ctx) {
      const me = requester(ctx);
      const change = (await validateModify(ctx.request.body)) as any;
      const row = await getService(strapi, 'modification').modify(me.userId, ctx.params.id, change);
      await respond(ctx, row.id);
    },

    async cancel(ctx: Ctx) {
      const me = requester(ctx);
      const { reason } = (await validateReason(ctx.request.body)) as { reason: string };
      const row = await query().participantRow(me, ctx.params.id);
      // Only the member cancels here; a worker hands an order back with /release.
      if (row.memberId !== me.userId) throw new DomainError('FORBIDDEN', '只有下单会员可以取消订单');
      const cancelled = await getService(strapi, 'cancellation').cancel(row.id, { actor: { type: 'member', id: me.userId }, reason });
      await respond(ctx, cancelled.id);
    },

    /** POST /api/orders/:id/confirm — 确认完成 by the order's member; repeating it answers 200 with the same order. */
    async confirm(ctx: Ctx) {
      const me = requester(ctx);
      const row = await query().participantRow(me, ctx.params.id);
      // The worker of the order is a participant but not the one to confirm: as for anyone else's order, not found.
      if (row.memberId !== me.userId) throw notFound('订单不存在');
      await getService(strapi, 'confirmation').confirm(row.id, 'member', me.userId);
      await respond(ctx, row.id);
    },

    async accept(ctx: Ctx) {
      const me = requester(ctx);
      const worker = await getService(strapi, 'eligibility').workerForUser(me.userId);
      const row = await getService(strapi, 'worker-actions').accept(ctx.params.id, worker.id, { type: 'worker', id: me.userId });
      await respond(ctx, row.id);
    },

    /** POST /api/orders/:id/evidence — before/after photos and a note by the order's worker. */
    async evidence(ctx: Ctx) {
      const me = requester(ctx);
      const input = (await validateEvidence(ctx.request.body)) as { kind: 'before' | 'after'; photos: number[]; note?: string | null };
      const orderId = await getService(strapi, 'evidence').add(ctx.params.id, me.userId, input);
      await respond(ctx, orderId, 201);
    },

    ...progressHandlers,
  };
};
