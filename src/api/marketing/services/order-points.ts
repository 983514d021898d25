import type { Core } from '@strapi/strapi';
import { runtime } from '../../../runtime';
import { clock } from '../../../runtime/clock';
import { lockRow } from '../../../runtime/row-lock';
import { transaction } from '../../../runtime/transaction';
import {
  ORDER_REFUND_CHANNEL,
  type OrderRefundMessage,
  type OrderStatusMessage,
  type OrdersLoyaltyPort,
} from '../../../plugins/orders/shared/contracts/orders-loyalty';
import { pointsForSpend, pointsToTakeBack } from '../domain/points';
import type pointsService from './points';

export const ORDER_POINTS_QUEUE = 'points-order';
export const ORDER_POINTS_SWEEP_QUEUE = 'points-order-sweep';
const SWEEP_EVERY_MS = 10 * 60_000;
/** Completed orders this far back are checked; older ones were checked by earlier sweeps. */
const SWEEP_LOOKBACK_MS = 7 * 24 * 3_600_000;
/** Younger completions are still on their message's way. */
const SWEEP_GRACE_MS = 5 * 60_000;

type Job = { order: string; trigger: 'completed' } | { order: string; trigger: 'refund'; reference: string };

/** Idempotency keys: one completion entry per order, one reversal per refund. */
export const completionRef = (order: string) => `order_completed:${order}`;
export const refundRef = (order: string, reference: string) => `order_refund:${order}:${reference}`;
const refundPrefix = (order: string) => `order_refund:${order}:`;

const ordersPort = (strapi: Core.Strapi) => strapi.plugin('orders')?.service('loyalty-port') as OrdersLoyaltyPort | undefined;

/**
 * Points for spend (settings points.earnPerYuan on what was actually paid), earned when an order
 * completes and taken back when its money is refunded. Orders publishes both after commit; each
 * becomes a queued job (retried), and each ledger entry carries a unique ref, so a message or job
 * delivered twice posts once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const points = () => strapi.service('api::marketing.points') as unknown as ReturnType<typeof pointsService>;
  const settings = () => strapi.service('api::settings.platform-setting').current();

  return {
    async earnForCompletion(orderDocumentId: string): Promise<void> {
      const basis = await ordersPort(strapi)?.pointsBasis(orderDocumentId);
      if (!basis || basis.status !== 'completed') return;
      const earned = pointsForSpend(basis.paid - basis.refunded, (await settings()).points.earnPerYuan);
      if (earned <= 0) return;
      await transaction(strapi, ({ trx }) =>
        points().post(trx, basis.memberId, { delta: earned, reason: 'order_completed', ref: completionRef(basis.documentId), note: `订单完成 ${basis.orderNo}` }),
      );
    },

    async reverseForRefund(orderDocumentId: string, reference: string): Promise<void> {
      const basis = await ordersPort(strapi)?.pointsBasis(orderDocumentId);
      if (!basis) return;
      const { earnPerYuan } = (await settings()).points;
      await transaction(strapi, async ({ trx }) => {
        // Read the order's entries under the member's lock so two refunds cannot both take back the same points.
        await lockRow(strapi.db.connection, trx, 'up_users', basis.memberId);
        const ref = refundRef(basis.documentId, reference);
        const existing = await points().byRefs([completionRef(basis.documentId)], [refundPrefix(basis.documentId)]);
        const completion = existing.find((e) => e.reason === 'order_completed');
        if (!completion || existing.some((e) => e.ref === ref)) return;
        const takenBack = -existing.filter((e) => e !== completion).reduce((sum, e) => sum + e.delta, 0);
        const amount = pointsToTakeBack({
          earned: completion.delta,
          takenBack,
          netPaidFen: basis.paid - basis.refunded,
          earnPerYuan,
          balance: await points().balance(basis.memberId),
        });
        if (amount <= 0) return;
        await points().post(trx, basis.memberId, { delta: -amount, reason: 'order_refund', ref, note: `订单退款扣回 ${basis.orderNo}` });
      });
    },

    async run(job: Job): Promise<void> {
      if (job.trigger === 'completed') await this.earnForCompletion(job.order);
      else await this.reverseForRefund(job.order, job.reference);
    },

    async enqueue(job: Job): Promise<void> {
      const jobId = job.trigger === 'completed' ? `completed-${job.order}` : `refund-${job.order}-${job.reference}`;
      await runtime().queue.add(ORDER_POINTS_QUEUE, job, { jobId, attempts: 5, backoffMs: 2_000 });
    },

    /**
     * The messages are not stored, so one lost with a crash is found here: recent completions with
     * no completion entry are queued again, and refunded ones are re-checked (the take-back counts
     * what was already taken back, so a second look takes nothing more). Returns how many jobs.
     */
    async sweep(now: Date = clock.now()): Promise<number> {
      const port = ordersPort(strapi);
      if (!port) return 0;
      const orders = await port.completedBetween(new Date(now.getTime() - SWEEP_LOOKBACK_MS), new Date(now.getTime() - SWEEP_GRACE_MS), 500);
      if (!orders.length) return 0;
      const earned = new Set((await points().byRefs(orders.map((o) => completionRef(o.documentId)))).map((e) => e.ref));
      let queued = 0;
      for (const order of orders) {
        if (!earned.has(completionRef(order.documentId))) {
          await this.enqueue({ order: order.documentId, trigger: 'completed' });
          queued += 1;
        } else if (order.refunded > 0) {
          // Keyed by the refunded total: each new refund level is looked at once.
          await this.enqueue({ order: order.documentId, trigger: 'refund', reference: `refunded-${order.refunded}` });
          queued += 1;
        }
      }
      return queued;
    },

    async scheduleSweep(now: Date = clock.now()): Promise<void> {
      const slot = Math.floor(now.getTime() / SWEEP_EVERY_MS) + 1;
      await runtime().queue.add(ORDER_POINTS_SWEEP_QUEUE, {}, { jobId: `points-sweep-${slot}`, delayMs: Math.max(0, slot * SWEEP_EVERY_MS - now.getTime()), attempts: 1 });
    },

    /** Consumers on every instance; the queue's job id lets one of them act on a message. */
    async register(): Promise<void> {
      runtime().queue.process<Job>(ORDER_POINTS_QUEUE, (job) => this.run(job));
      runtime().queue.process(ORDER_POINTS_SWEEP_QUEUE, async () => {
        try {
          await this.sweep();
        } finally {
          await this.scheduleSweep();
        }
      });
      await this.scheduleSweep();
      const queueIt = (job: Job) => this.enqueue(job).catch((err: Error) => strapi.log.error(`points: could not queue ${job.trigger} of ${job.order}: ${err.message}`));
      await runtime().pubsub.subscribe<OrderStatusMessage>('orders.status', (message) => {
        if (message.status === 'completed') void queueIt({ order: message.order, trigger: 'completed' });
      });
      await runtime().pubsub.subscribe<OrderRefundMessage>(ORDER_REFUND_CHANNEL, (message) => {
        void queueIt({ order: message.order, trigger: 'refund', reference: message.reference });
      });
    },
  };
};
