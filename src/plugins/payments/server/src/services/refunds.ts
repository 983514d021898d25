import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { fenToYuan } from '../../../../../runtime/money';
import { lockRow } from '../../../../../runtime/row-lock';
import { refundPaid } from '../../../../settlement/server/src/domain/ledger';
import { allocateRefund, refundable, statusAfterRefund } from '../domain/payment-status';
import type { Channel, VerifiedNotification } from '../providers/types';
import { getService, ledger, ordersPort, PAYMENT_UID, REFUND_UID } from '../utils';

export interface RefundMeta {
  requestedBy: 'system' | 'member' | 'operator';
  operatorId?: number;
  /** Money the order never counted as paid (a late or second payment sent back): the order's totals stay as they are. */
  outsideOrder?: boolean;
}

/**
 * Money back through the channel it came from. A refund row is written first (so a crash
 * leaves a record), the channel is called outside the transaction, and success — immediate or
 * by notification — posts the ledger, updates the payment and tells the order, in one transaction.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Called by the orders plugin (payments-port.requestRefund) after a cancellation or a cheaper change. */
  async refundOrder(input: { order: string; amount: number; reason: string; requestedBy?: RefundMeta['requestedBy']; operatorId?: number }) {
    const order = await strapi.db.query('plugin::orders.order').findOne({ where: { documentId: input.order }, select: ['id'] });
    if (!order) throw notFound('订单不存在');
    const payments = await strapi.db.query(PAYMENT_UID).findMany({
      where: { orderRef: order.id, paymentStatus: { $in: ['paid', 'partially_refunded'] } },
    });
    const plan = allocateRefund(input.amount, payments);
    if (!plan) throw new DomainError('CONFLICT', '可退金额不足', { amount: input.amount });
    const results = [];
    for (const [paymentId, amount] of plan) {
      results.push(await this.refundPayment(paymentId, amount, input.reason, { requestedBy: input.requestedBy ?? 'system', operatorId: input.operatorId }));
    }
    return results;
  },

  async refundPayment(paymentId: number, amount: number, reason: string, meta: RefundMeta) {
    const outRefundNo = await getService(strapi, 'checkout').newTradeNo('RF');
    const { payment, refund } = await strapi.db.transaction(async ({ trx }) => {
      await lockRow(strapi.db.connection, trx, 'payments', paymentId);
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: paymentId } });
      if (!payment) throw notFound('支付记录不存在');
      // Refunds already asked for but not finished count against what is left.
      const open = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentId, refundStatus: { $in: ['pending', 'processing'] } }, select: ['amount'] });
      const left = refundable(payment) - open.reduce((s: number, r: { amount: number }) => s + r.amount, 0);
      if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
        throw new DomainError('VALIDATION_FAILED', `退款金额须在 0.01 至 ${fenToYuan(Math.max(0, left))} 元之间`, { field: 'amount', refundable: left });
      }
      const refund = await strapi.db.query(REFUND_UID).create({
        data: { outRefundNo, payment: paymentId, paymentRef: paymentId, orderRef: meta.outsideOrder ? null : payment.orderRef, amount, reason, refundStatus: 'pending', requestedBy: meta.requestedBy, operatorId: meta.operatorId ?? null },
      });
      return { payment, refund };
    });

    await this.send(refund, payment, outRefundNo);
    return this.view(refund.id);
  },

  /**
   * Hands a pending refund to where the money came from, under `outRefundNo` (a retry after the
   * channel turned one down needs a new number). A channel that cannot be reached leaves the
   * refund pending for a retry from 支付流水; it is never reported as refunded.
   */
  async send(refund: { id: number; amount: number; reason: string }, payment: any, outRefundNo: string, options: { rethrow?: boolean } = {}) {
    if (payment.channel === 'balance') {
      await this.complete(refund.id, `BALR${outRefundNo}`, { wallet: true });
      return;
    }
    const provider = getService(strapi, 'channels').provider(payment.channel as Channel);
    try {
      const result = await provider.refund({
        outTradeNo: payment.outTradeNo,
        transactionId: payment.transactionId,
        outRefundNo,
        amount: refund.amount,
        total: payment.amount,
        reason: refund.reason,
        notifyUrl: getService(strapi, 'urls').notifyUrl(payment.channel),
      });
      if (result.status === 'success') await this.complete(refund.id, result.refundId ?? outRefundNo, result.raw);
      else if (result.status === 'processing') {
        // The channel's notification may have overtaken its answer and settled the refund already.
        await strapi.db.query(REFUND_UID).updateMany({
          where: { id: refund.id, refundStatus: 'pending' },
          data: { refundStatus: 'processing', channelRefundId: result.refundId ?? null, raw: result.raw as object },
        });
      } else await this.fail(refund.id, result.raw);
    } catch (err) {
      strapi.log.error(`payments: refund ${outRefundNo} could not be sent: ${(err as Error).message}`);
      await strapi.db.query(REFUND_UID).updateMany({ where: { id: refund.id, refundStatus: 'pending' }, data: { raw: { error: (err as Error).message } } });
      // The refund sweeper's job retries with backoff; a request path keeps the refund pending.
      if (options.rethrow) throw err;
    }
  },

  /** Marks a refund done: ledger, payment totals and the order, once. */
  async complete(refundId: number, channelRefundId: string, raw: unknown) {
    let done: any;
    await strapi.db.transaction(async ({ trx }) => {
      const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
      const { count } = await strapi.db.query(REFUND_UID).updateMany({
        where: { id: refundId, refundStatus: { $in: ['pending', 'processing'] } },
        data: { refundStatus: 'success', channelRefundId, completedAt: clock.now(), raw: raw as object },
      });
      if (count !== 1) return;
      // Two refunds of one payment can complete at once (two notifications): serialise the totals.
      await lockRow(strapi.db.connection, trx, 'payments', refund.paymentRef);
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
      const refundedAmount = payment.refundedAmount + refund.amount;
      await strapi.db.query(PAYMENT_UID).update({
        where: { id: payment.id },
        data: { refundedAmount, paymentStatus: statusAfterRefund(payment.amount, refundedAmount) },
      });
      await ledger(strapi).post(refundPaid(refund.outRefundNo, payment.channel, payment.memberId, refund.amount, `退款 ${refund.outRefundNo}：${refund.reason}`), {
        city: payment.city,
      });
      if (refund.orderRef) {
        const order = await strapi.db.query('plugin::orders.order').findOne({ where: { id: refund.orderRef }, select: ['documentId'] });
        await ordersPort(strapi).recordRefund(order.documentId, refund.amount, refund.outRefundNo);
      }
      done = { memberId: payment.memberId, amount: refund.amount, outRefundNo: refund.outRefundNo };
    });
    if (done) {
      try {
        await strapi.service('api::notify.notifier').send(done.memberId, 'refund_success', { amount: fenToYuan(done.amount), orderNo: done.outRefundNo });
      } catch (err) {
        strapi.log.warn(`payments: refund notice failed: ${(err as Error).message}`);
      }
    }
  },

  async fail(refundId: number, raw: unknown) {
    await strapi.db.query(REFUND_UID).updateMany({ where: { id: refundId, refundStatus: { $in: ['pending', 'processing'] } }, data: { refundStatus: 'failed', raw: raw as object } });
  },

  /** A refund notification from a channel. */
  async applyNotification(channel: Channel, note: VerifiedNotification) {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { outRefundNo: note.outRefundNo ?? '' }, populate: { payment: { select: ['paymentStatus', 'channel'] } } });
    if (!refund || refund.payment?.channel !== channel) {
      strapi.log.warn(`payments: ${channel} refund notification for unknown ${note.outRefundNo}`);
      return;
    }
    if (note.status === 'refund_success') {
      const paymentSettled = ['paid', 'partially_refunded', 'refunded'].includes(refund.payment.paymentStatus);
      if (!paymentSettled) {
        // Refund news before the payment's own notification: remember it; settled once paid.
        await strapi.db.query(REFUND_UID).update({ where: { id: refund.id }, data: { refundStatus: 'processing', raw: { early: note.raw, refundId: note.refundId } } });
        return;
      }
      await this.complete(refund.id, note.refundId ?? refund.outRefundNo, note.raw);
    } else if (note.status === 'refund_failed' || note.status === 'refund_closed') {
      await this.fail(refund.id, note.raw);
    }
  },

  /** Completes refunds whose success arrived before the payment was recorded as paid. */
  async settleEarlyRefunds(paymentId: number) {
    const early = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentId, refundStatus: 'processing' } });
    for (const refund of early) {
      if (refund.raw?.early) await this.complete(refund.id, refund.raw.refundId ?? refund.outRefundNo, refund.raw.early);
    }
  },

  async view(refundId: number) {
    const r = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    return { documentId: r.documentId, outRefundNo: r.outRefundNo, amount: r.amount, reason: r.reason, status: r.refundStatus, completedAt: r.completedAt ?? null };
  },
});
