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

  /**
   * Asks the channel about one open payment; a paid answer goes through the notify pipeline like a
   * notification would. Shared by this follow-up and by the close of a cancelled order's payment.
   */
  async queryOpen(paymentId: number) {
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: paymentId } });
    if (!payment || payment.paymentStatus !== 'created') return { state: 'settled' as const };
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
      return { state: 'paid' as const };
    }
    return { state: 'open' as const, payment, provider, answer };
  },

  /** Closes an unpaid payment at the channel (unless it already is) and here. */
  async closeOpen(payment: { id: number; outTradeNo: string }, provider: { close(outTradeNo: string): Promise<unknown> }, answerStatus: string) {
    if (answerStatus !== 'closed' && answerStatus !== 'not_found') await provider.close(payment.outTradeNo);
    await strapi.db.query(PAYMENT_UID).updateMany({ where: { id: payment.id, paymentStatus: 'created' }, data: { paymentStatus: 'closed', closedAt: clock.now() } });
  },

  /** Asks the channel about one payment and acts on the answer; returns what it found. */
  async reconcile(paymentId: number): Promise<string> {
    const found = await this.queryOpen(paymentId);
    if (found.state !== 'open') return found.state;
    const { payment, provider, answer } = found;
    if (new Date(payment.expiresAt).getTime() <= clock.now().getTime()) {
      await this.closeOpen(payment, provider, answer.status);
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
