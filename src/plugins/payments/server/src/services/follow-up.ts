import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import type { Channel } from '../providers/types';
import { getService, PAYMENT_UID } from '../utils';

export const FOLLOW_UP_QUEUE = 'payments-follow-up';
const QUERY_AFTER_MS = 5 * 60_000;

/**
 * Payments without a notification are not left hanging: five minutes after creation, and again
 * at expiry, the channel is queried; a paid answer goes through the same pipeline as a
 * notification, an unpaid one past expiry closes the payment at the channel and here.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async schedule(payment: { id: number; outTradeNo: string; expiresAt: string | Date }) {
    const now = clock.now().getTime();
    const expiry = new Date(payment.expiresAt).getTime();
    await runtime().queue.add(FOLLOW_UP_QUEUE, { paymentId: payment.id }, { jobId: `query-${payment.outTradeNo}`, delayMs: QUERY_AFTER_MS });
    await runtime().queue.add(FOLLOW_UP_QUEUE, { paymentId: payment.id }, { jobId: `expire-${payment.outTradeNo}`, delayMs: Math.max(0, expiry - now + 60_000) });
  },

  async cancel(outTradeNo: string) {
    await runtime().queue.remove(FOLLOW_UP_QUEUE, `query-${outTradeNo}`);
    await runtime().queue.remove(FOLLOW_UP_QUEUE, `expire-${outTradeNo}`);
  },

  /** Asks the channel about one payment and acts on the answer; returns what it found. */
  async reconcile(paymentId: number): Promise<string> {
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: paymentId } });
    if (!payment || payment.paymentStatus !== 'created') return 'settled';
    const provider = getService(strapi, 'channels').provider(payment.channel as Channel);
    const answer = await provider.query(payment.outTradeNo, (payment.params as { txnTime?: string } | null)?.txnTime);
    if (answer.status === 'paid' && answer.transactionId && answer.amount !== undefined) {
      await getService(strapi, 'notify-pipeline').applyPaid(payment.channel, {
        kind: 'payment',
        outTradeNo: payment.outTradeNo,
        transactionId: answer.transactionId,
        amount: answer.amount,
        status: 'paid',
        at: answer.at,
        raw: { query: answer.raw },
      });
      return 'paid';
    }
    if (new Date(payment.expiresAt).getTime() <= clock.now().getTime()) {
      if (answer.status !== 'closed' && answer.status !== 'not_found') await provider.close(payment.outTradeNo);
      await strapi.db.query(PAYMENT_UID).updateMany({ where: { id: payment.id, paymentStatus: 'created' }, data: { paymentStatus: 'closed', closedAt: clock.now() } });
      return 'closed';
    }
    return answer.status;
  },

  register() {
    runtime().queue.process<{ paymentId: number }>(FOLLOW_UP_QUEUE, async ({ paymentId }) => {
      await this.reconcile(paymentId);
    });
  },
});
