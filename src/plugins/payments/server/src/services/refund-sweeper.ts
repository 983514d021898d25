import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { refundQueryAttemptAfter } from '../domain/refund-outcome';
import { getService, PAYMENT_UID, REFUND_UID } from '../utils';

export const REFUND_SWEEP_QUEUE = 'payments-refund-sweep';
export const REFUND_SEND_QUEUE = 'payments-refund-send';
const SWEEP_EVERY_MS = 60_000;
/** A refund younger than this may still be in its first, inline send. */
const GRACE_MS = 60_000;
const SEND_ATTEMPTS = 6;
const SEND_BACKOFF_MS = 5_000;

/**
 * Refunds whose row committed but whose send never reached the channel (it threw, or the process
 * died) are sent again, under their own outRefundNo (channels take a repeat of one number as the
 * same refund), with backoff. The sweep is one job per minute slot: on Redis the job id makes it
 * run on one instance only.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sweep(now: Date = clock.now()): Promise<number> {
    const due = await strapi.db.query(REFUND_UID).findMany({
      where: { refundStatus: 'pending', createdAt: { $lt: new Date(now.getTime() - GRACE_MS) } },
      select: ['id', 'outRefundNo'],
      limit: 500,
    });
    for (const refund of due) await this.enqueueRow(refund);
    // Follow-up queries live in the queue; an in-process queue forgets them on a restart. A
    // processing refund gets its chain back at the step its age says (same job ids: no doubles).
    const unconfirmed = await strapi.db.query(REFUND_UID).findMany({
      where: { refundStatus: 'processing', updatedAt: { $lt: new Date(now.getTime() - GRACE_MS) } },
      select: ['id', 'sentAt', 'createdAt'],
      orderBy: { id: 'asc' },
      limit: 500,
    });
    for (const refund of unconfirmed) {
      const since = new Date(refund.sentAt ?? refund.createdAt).getTime();
      await getService(strapi, 'refund-follow-up').schedule(refund.id, refundQueryAttemptAfter(now.getTime() - since));
    }
    return due.length;
  },

  /** Queues the send of one refund; one job per outRefundNo while it waits or runs. */
  async enqueue(refundId: number): Promise<void> {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId }, select: ['id', 'outRefundNo', 'refundStatus'] });
    if (refund?.refundStatus === 'pending') await this.enqueueRow(refund);
  },

  async enqueueRow(refund: { id: number; outRefundNo: string }): Promise<void> {
    await runtime().queue.add(REFUND_SEND_QUEUE, { refundId: refund.id }, { jobId: `refund-send-${refund.outRefundNo}`, attempts: SEND_ATTEMPTS, backoffMs: SEND_BACKOFF_MS });
  },

  /** The send job: throws while the channel cannot take it, so the queue retries with backoff. */
  async send(refundId: number): Promise<string> {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    if (!refund || refund.refundStatus !== 'pending') return refund?.refundStatus ?? 'missing';
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
    await getService(strapi, 'refunds').send(refund, payment, refund.outRefundNo, { rethrow: true });
    return 'sent';
  },

  async scheduleNext(now: Date = clock.now()): Promise<void> {
    const slot = Math.floor(now.getTime() / SWEEP_EVERY_MS) + 1;
    await runtime().queue.add(REFUND_SWEEP_QUEUE, {}, { jobId: `refund-sweep-${slot}`, delayMs: Math.max(0, slot * SWEEP_EVERY_MS - now.getTime()), attempts: 1 });
  },

  async register(): Promise<void> {
    runtime().queue.process(REFUND_SWEEP_QUEUE, async () => {
      try {
        await this.sweep();
      } finally {
        await this.scheduleNext();
      }
    });
    runtime().queue.process<{ refundId: number }>(REFUND_SEND_QUEUE, async ({ refundId }) => {
      await this.send(refundId);
    });
    await this.scheduleNext();
  },
});
