import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { refundQueryDelay } from '../domain/refund-outcome';
import type { Channel } from '../providers/types';
import { getService, PAYMENT_UID, REFUND_UID } from '../utils';

export const REFUND_FOLLOW_UP_QUEUE = 'payments-refund-follow-up';

/**
 * Refunds the channel took but has not confirmed (processing, or pending after a send whose answer
 * was lost) are not left waiting for a notification that may never come: the channel is asked
 * with backoff (domain/refund-outcome.ts REFUND_QUERY_DELAYS_MS) and its answer is applied by the
 * same code as a verified notification, so whichever comes second changes nothing.
 * One chain per outRefundNo: the job id names the refund and the attempt, so a second schedule
 * of the same step (another send, another instance) is the same job.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async schedule(refundId: number, attempt: number): Promise<boolean> {
    const delayMs = refundQueryDelay(attempt);
    if (delayMs === undefined) return false;
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId }, select: ['id', 'outRefundNo', 'refundStatus'] });
    if (!refund || !['pending', 'processing'].includes(refund.refundStatus)) return false;
    await runtime().queue.add(REFUND_FOLLOW_UP_QUEUE, { refundId, attempt }, { jobId: `refund-query-${refund.outRefundNo}-${attempt}`, delayMs, attempts: 3 });
    return true;
  },

  /**
   * Asks the channel about one unconfirmed refund and applies the answer. Returns the refund's
   * status afterwards, or `send` when the channel has no such refund and it was queued to be sent.
   */
  async reconcile(refundId: number): Promise<string> {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    if (!refund) return 'missing';
    const unconfirmed = refund.refundStatus === 'processing' || (refund.refundStatus === 'pending' && refund.sentAt);
    if (!unconfirmed) return refund.refundStatus;
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
    if (payment.channel === 'balance') return refund.refundStatus;
    const provider = getService(strapi, 'channels').provider(payment.channel as Channel);
    const answer = await provider.queryRefund({ outTradeNo: payment.outTradeNo, outRefundNo: refund.outRefundNo, reference: refund.channelReference ?? undefined });
    const action = await getService(strapi, 'refunds').applyChannelAnswer(refund.id, answer.status, { refundId: answer.refundId, amount: answer.amount, raw: { query: answer.raw } });
    if (action === 'send') {
      // Never reached the channel: the send job (one per outRefundNo) sends it under its identity.
      await getService(strapi, 'refund-sweeper').enqueueRow(refund);
      return 'send';
    }
    if (answer.status === 'not_found') strapi.log.warn(`payments: refund ${refund.outRefundNo} is processing here but unknown to ${payment.channel}; asking again later`);
    const after = await strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id }, select: ['refundStatus'] });
    return after.refundStatus;
  },

  register() {
    runtime().queue.process<{ refundId: number; attempt: number }>(REFUND_FOLLOW_UP_QUEUE, async ({ refundId, attempt }) => {
      const status = await this.reconcile(refundId);
      if (status !== 'pending' && status !== 'processing') return;
      const next = await this.schedule(refundId, attempt + 1);
      if (!next) strapi.log.error(`payments: refund ${refundId} is still ${status} after every follow-up query: check it in 支付流水`);
    });
  },
});
