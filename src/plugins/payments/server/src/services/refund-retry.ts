import type { Core } from '@strapi/strapi';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { fenToYuan } from '../../../../../runtime/money';
import { lockRow } from '../../../../../runtime/row-lock';
import { isRetryableRefund, REFUND_STATUS_LABELS, type RefundStatus } from '../domain/payment-labels';
import { refundable } from '../domain/payment-status';
import { getService, PAYMENT_UID, REFUND_UID } from '../utils';

/**
 * Sends a refund again from 支付流水.
 * - `pending`: the channel call failed (network, channel error) and the channel may or may not
 *   have it. It goes out again under the same outRefundNo, which channels treat as the same
 *   refund, so it can never be paid twice.
 * - `failed`: the channel turned it down for good. It is reopened under a new outRefundNo (a
 *   channel answers the old number with the old failure), once, and only if the payment still
 *   has that much left to refund.
 * Completion goes through the refunds service, so ledger, payment and order move exactly as for
 * a first attempt.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const refunds = () => getService(strapi, 'refunds');

  async function reopen(refund: { id: number; paymentRef: number; amount: number; outRefundNo: string; raw: unknown }): Promise<string> {
    const outRefundNo = await getService(strapi, 'checkout').newTradeNo('RF');
    await strapi.db.transaction(async ({ trx }) => {
      await lockRow(strapi.db.connection, trx, 'payments', refund.paymentRef);
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
      const open = await strapi.db.query(REFUND_UID).findMany({
        where: { paymentRef: refund.paymentRef, refundStatus: { $in: ['pending', 'processing', 'abnormal'] } },
        select: ['amount'],
      });
      const left = refundable(payment) - open.reduce((sum: number, r: { amount: number }) => sum + r.amount, 0);
      if (refund.amount > left) {
        throw new DomainError('CONFLICT', `该笔支付仅剩 ${fenToYuan(Math.max(0, left))} 元可退，不能重试这笔 ${fenToYuan(refund.amount)} 元的退款`, {
          refundable: Math.max(0, left),
        });
      }
      const { count } = await strapi.db.query(REFUND_UID).updateMany({
        where: { id: refund.id, refundStatus: 'failed' },
        // A new number is a new refund at the channel: its identity and first send start afresh.
        data: { refundStatus: 'pending', outRefundNo, channelRefundId: null, channelReference: null, sentAt: null, raw: { retryOf: refund.outRefundNo, previous: refund.raw ?? null } },
      });
      if (count !== 1) throw new DomainError('CONFLICT', '该退款已在重试中', {});
    });
    return outRefundNo;
  }

  async function send(refundId: number, outRefundNo: string) {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
    await refunds().send(refund, payment, outRefundNo);
  }

  return {
    /** Re-sends a pending or failed refund; answers the refund as it stands afterwards. */
    async retry(refundId: number) {
      const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
      if (!refund) throw notFound('退款记录不存在');
      const status = refund.refundStatus as RefundStatus;
      if (!isRetryableRefund(status)) {
        throw new DomainError('CONFLICT', `退款状态为「${REFUND_STATUS_LABELS[status] ?? status}」，无需重试`, { status });
      }
      const outRefundNo = status === 'failed' ? await reopen(refund) : refund.outRefundNo;
      await send(refund.id, outRefundNo);
      return refunds().view(refund.id);
    },
  };
};
