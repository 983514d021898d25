import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { transaction } from '../../../../../runtime/transaction';
import { paymentReceived, unmatchedReceipt, walletTopUp } from '../../../../settlement/server/src/domain/ledger';
import { NotificationRejected, type Channel, type NotifyReply, type VerifiedNotification } from '../providers/types';
import { getService, ledger, ordersPort, PAYMENT_UID } from '../utils';

export interface PipelineOutcome {
  reply: NotifyReply;
  /** What happened, for logs and tests. */
  result: 'paid' | 'replay' | 'rejected' | 'unknown_payment' | 'amount_mismatch' | 'merchant_mismatch' | 'refund' | 'refund_review' | 'ignored';
}

/**
 * Every channel notification goes through here, in this order, before anything changes:
 * 1. the provider verifies signature / certificate / timestamp / decryption (else 401, nothing changes);
 * 2. the payment must exist (unknown out_trade_no → 404, nothing changes);
 * 3. a transaction id already recorded is a replay: success reply, nothing changes;
 * 4. the amount must equal the payment (else PAYMENT_AMOUNT_MISMATCH: the payment is flagged for review
 *    and the money parked in the suspense account);
 * 5. one transaction: payment → paid (conditional on its status, and a unique channel+transaction
 *    index), ledger posting, order transition. A paid notification for an order that can no longer
 *    take it (closed meanwhile) still records the money and writes its refund in that transaction;
 *    the refund is sent after commit (the sweeper sends it if that send fails).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async handle(channel: Channel, rawBody: string, headers: Record<string, string | undefined>): Promise<PipelineOutcome> {
    const provider = getService(strapi, 'channels').provider(channel);
    let note: VerifiedNotification;
    try {
      note = await provider.verifyNotify(rawBody, headers);
    } catch (err) {
      const reason = err instanceof NotificationRejected ? err.reason : 'malformed';
      strapi.log.warn(`payments: rejected ${channel} notification (${reason}): ${(err as Error).message}`);
      return { reply: provider.failureReply(401, 'PAYMENT_SIGNATURE_INVALID'), result: 'rejected' };
    }
    if (note.kind === 'refund') {
      // Acknowledged either way: one that is not our refund is on record for review, and a
      // channel retrying it would not change that.
      const applied = await getService(strapi, 'refunds').applyNotification(channel, note);
      return { reply: provider.successReply(), result: applied === 'applied' ? 'refund' : 'refund_review' };
    }
    if (note.status !== 'paid') {
      // Closed or still pending at the channel: the follow-up job reconciles by querying.
      return { reply: provider.successReply(), result: 'ignored' };
    }
    return this.applyPaid(channel, note);
  },

  /** Also used by the follow-up job when an active query finds a payment paid. */
  async applyPaid(channel: Channel, note: VerifiedNotification): Promise<PipelineOutcome> {
    const provider = getService(strapi, 'channels').provider(channel);
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { outTradeNo: note.outTradeNo, channel } });
    if (!payment) {
      strapi.log.warn(`payments: ${channel} notification for unknown ${note.outTradeNo}`);
      return { reply: provider.failureReply(404, 'ORDER_NOT_EXIST'), result: 'unknown_payment' };
    }
    const txKey = `${channel}:${note.transactionId}`;
    if (payment.channelTxKey === txKey) return { reply: provider.successReply(), result: 'replay' };

    if (note.amount !== payment.amount) {
      await strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(PAYMENT_UID).updateMany({
          where: { id: payment.id, paymentStatus: { $in: ['created', 'closed'] } },
          data: {
            paymentStatus: 'review',
            reviewReason: `金额不符：应付 ${payment.amount} 分，渠道通知 ${note.amount} 分`,
            transactionId: note.transactionId,
            channelTxKey: txKey,
            rawNotification: note.raw as object,
          },
        });
        if (count === 1) {
          await ledger(strapi).post(unmatchedReceipt(note.outTradeNo, channel, note.amount, `金额不符待核查 ${note.outTradeNo}`), { city: payment.city });
        }
      });
      strapi.log.error(`payments: amount mismatch on ${note.outTradeNo}: expected ${payment.amount}, got ${note.amount}`);
      return { reply: provider.failureReply(400, 'PAYMENT_AMOUNT_MISMATCH'), result: 'amount_mismatch' };
    }

    let refundId: number | undefined;
    let order: any;
    // A deadlock reported by MariaDB re-runs the whole unit; nothing in it leaves the database.
    const changed = await transaction(strapi, async () => {
      refundId = undefined;
      const { count } = await strapi.db.query(PAYMENT_UID).updateMany({
        where: { id: payment.id, paymentStatus: { $in: ['created', 'closed'] } },
        data: { paymentStatus: 'paid', transactionId: note.transactionId, channelTxKey: txKey, paidAt: note.at ?? clock.now(), rawNotification: note.raw as object },
      });
      // Lost the race to a concurrent copy of this notification (or already settled): nothing to do.
      if (count !== 1) return false;
      if (payment.stage === 'topup') {
        await ledger(strapi).post(walletTopUp(payment.outTradeNo, channel, payment.memberId, payment.amount, `余额充值 ${payment.outTradeNo}`), { city: payment.city });
        return true;
      }
      await ledger(strapi).post(paymentReceived(payment.outTradeNo, channel, payment.amount, `订单收款 ${payment.outTradeNo}`), { city: payment.city });
      order = await strapi.db.query('plugin::orders.order').findOne({ where: { id: payment.orderRef }, select: ['documentId', 'orderNo', 'itemSnapshot', 'orderStatus'] });
      try {
        await ordersPort(strapi).recordPayment(order.documentId, { stage: payment.stage, amount: payment.amount, reference: payment.outTradeNo });
      } catch (err: any) {
        if (err?.code !== 'INVALID_TRANSITION' && err?.code !== 'PAYMENT_AMOUNT_MISMATCH') throw err;
        // The order closed (unpaid timeout) or was paid by another attempt meanwhile: keep the money
        // on record and send it back.
        // The refund is written here, with the payment, so it cannot be lost between the two.
        const reason = order.orderStatus === 'cancelled' ? '订单已关闭，自动退款' : '重复支付，自动退款';
        refundId = await getService(strapi, 'refunds').owePayment(payment.id, payment.amount, reason, { requestedBy: 'system', outsideOrder: true });
      }
      await getService(strapi, 'refunds').settleEarlyRefunds(payment.id);
      return true;
    });

    if (!changed) return { reply: provider.successReply(), result: 'replay' };
    await getService(strapi, 'follow-up').cancel(payment.outTradeNo);
    if (refundId) {
      await getService(strapi, 'refunds').sendOwed([refundId]);
    } else if (payment.stage !== 'topup') {
      await getService(strapi, 'notices').paymentSucceeded(payment.memberId, payment, { orderNo: order?.orderNo, serviceName: order?.itemSnapshot?.name });
    }
    return { reply: provider.successReply(), result: 'paid' };
  },
});
