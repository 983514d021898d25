import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { clock, startOfZonedDay } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { lockRow } from '../../../../../runtime/row-lock';
import type { AcceptContext, AcceptPolicy } from '../../../../orders/shared/contracts/orders-dispatch';
import { timeConflict, UNFIT_REASON_LABELS, workerAcceptRight, type DispatchMode, type OfferFact, type TaskState } from '../domain';
import { getService, OFFER_UID, ordersPort } from '../utils';
import { orderTime } from './candidates';

const DAY_MS = 86_400_000;

const unavailable = (reason: keyof typeof UNFIT_REASON_LABELS, worker: string) =>
  new DomainError('WORKER_UNAVAILABLE', `服务人员${UNFIT_REASON_LABELS[reason]}`, { reason, worker });

const expired = (order: string) => new DomainError('OFFER_EXPIRED', '该订单已被接走或派单已失效', { order });

/**
 * What dispatch adds to every acceptance (a worker's accept, an operator's or the system's
 * assignment), through the orders plugin's dispatch port:
 * - offers (domain `workerAcceptRight`): a worker may take an order offered to them while the
 *   offer is open; one whose offer ended gets 409 OFFER_EXPIRED (also when they lose a grab race);
 *   while 派单/推荐/批量 is still choosing (someone else's exclusive offer, between two offers,
 *   waiting for the batch) it is 404 to them. A grab round, or an order handed to the operators
 *   (manual, escalated), is open to any eligible worker. Checked before the transaction and
 *   again inside it.
 * - the worker's schedule: accepting switched on, inside their windows, not on leave;
 * - the day's capacity, counted under a lock on the worker's row in the accepting transaction,
 *   so concurrent accepts cannot together pass `maxOrdersPerDay`.
 * Clashing bookings are left to the unique (worker, slot) rows (409 SLOT_TAKEN).
 */
export default ({ strapi }: { strapi: Core.Strapi }): { policy(): AcceptPolicy } => {
  const knex = () => strapi.db.connection as unknown as Knex;

  const time = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value)));

  /** The order's dispatch task and offers, read in the accepting transaction when given one. */
  async function dispatchState(orderId: number, trx?: Knex.Transaction) {
    const q = <T extends {}>(table: string) => (trx ? knex()<T>(table).transacting(trx) : knex()<T>(table));
    const [task, offers] = await Promise.all([
      q('dispatch_tasks').where({ order_id: orderId }).first('mode', 'task_state'),
      q('dispatch_offers').where({ order_id: orderId }).select('worker_id', 'offer_state', 'mode', 'expires_at'),
    ]);
    return {
      task: task ? { mode: task.mode as DispatchMode, taskState: task.task_state as TaskState } : null,
      offers: offers.map((o: any): OfferFact => ({ workerId: Number(o.worker_id), offerState: o.offer_state, mode: o.mode, expiresAt: time(o.expires_at) })),
    };
  }

  /** A worker takes only an order offered to them, or one open to all (grab round, handed to the operators). */
  async function checkOffers(ctx: AcceptContext, trx?: Knex.Transaction): Promise<void> {
    const { task, offers } = await dispatchState(ctx.orderId, trx);
    const right = workerAcceptRight(ctx.workerId, task, offers, clock.now().getTime());
    if (right === 'offer_ended') throw expired(ctx.orderDocumentId);
    if (right === 'not_offered') throw notFound('订单不存在');
  }

  async function checkSchedule(ctx: AcceptContext): Promise<void> {
    const [order, workers, s] = await Promise.all([
      ordersPort(strapi).order({ id: ctx.orderId }),
      getService(strapi, 'worker-directory').get([ctx.workerId], { fresh: true }),
      getService(strapi, 'dispatch-settings').current(),
    ]);
    const worker = workers.get(ctx.workerId);
    if (!order || !worker) return;
    if (!worker.acceptingOrders) throw unavailable('not_accepting', worker.documentId);
    const time = orderTime(new Date(order.scheduledAt), order.durationMinutes, s.booking.travelBufferMinutes, s.booking.slotMinutes);
    const conflict = timeConflict(worker, time, s.timezone);
    if (conflict) throw unavailable(conflict, worker.documentId);
  }

  return {
    policy: () => ({
      async before(ctx) {
        if (ctx.actor.type === 'worker') await checkOffers(ctx);
        await checkSchedule(ctx);
      },

      async within(ctx) {
        const trx = ctx.trx as Knex.Transaction;
        const [order, workers, s] = await Promise.all([
          ordersPort(strapi).order({ id: ctx.orderId }),
          getService(strapi, 'worker-directory').get([ctx.workerId]),
          getService(strapi, 'dispatch-settings').current(),
        ]);
        if (!order) return;
        await lockRow(knex(), trx, 'workers', ctx.workerId);
        const dayStart = startOfZonedDay(new Date(order.scheduledAt), s.timezone);
        const dayEnd = startOfZonedDay(new Date(dayStart.getTime() + DAY_MS + 12 * 3_600_000), s.timezone);
        const counts = await ordersPort(strapi).orderCounts([ctx.workerId], dayStart, dayEnd, trx);
        const max = workers.get(ctx.workerId)?.maxOrdersPerDay ?? s.dispatch.maxOrdersPerDay;
        if ((counts.get(ctx.workerId) ?? 0) >= max) throw unavailable('over_capacity', workers.get(ctx.workerId)?.documentId ?? String(ctx.workerId));
        // Claim the worker's open offer in this transaction: two accepts of one offer cannot both win.
        const claimed = await knex()('dispatch_offers')
          .transacting(trx)
          .where({ order_id: ctx.orderId, worker_id: ctx.workerId, offer_state: 'open' })
          .update({ offer_state: 'accepted', responded_at: clock.now() });
        // Not holding an offer: decided again on what this transaction sees, as the offers and the
        // task may have moved on since the check before it (a new exclusive offer, a batch waiting).
        if (!claimed && ctx.actor.type === 'worker') await checkOffers(ctx, trx);
      },

      async failed(error, ctx) {
        // The order went to someone else between our check and the transition.
        if (ctx.actor.type === 'worker' && (error as { code?: string })?.code === 'INVALID_TRANSITION') {
          const had = await strapi.db.query(OFFER_UID).count({ where: { orderId: ctx.orderId, workerId: ctx.workerId } });
          if (had) return expired(ctx.orderDocumentId);
        }
        return error;
      },
    }),
  };
};
