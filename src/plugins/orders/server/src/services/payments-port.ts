import type { Core } from '@strapi/strapi';
import { DomainError } from '../../../../../runtime/errors';
import { amountDueNow } from '../domain';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import { getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';

/**
 * The seam between orders and the payments plugin. Payments calls `recordPayment` from its
 * verified-notification transaction; orders calls `requestRefund` after a cancellation. Until a
 * payments plugin exposes `refunds.refundOrder`, the refund stays owed on the order
 * (`refundPending`) and on its timeline — never reported as done.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async recordPayment(orderDocumentId: string, payment: { stage: 'full' | 'deposit' | 'final'; amount: number; reference: string }) {
    const order = (await strapi.db.query(ORDER_UID).findOne({ where: { documentId: orderDocumentId } })) as OrderRow | null;
    if (!order) throw new DomainError('NOT_FOUND', '订单不存在');
    const event = payment.stage === 'final' ? 'final_pay' : 'pay';
    // Inside the payment's own transaction when there is one: the unpaid-timeout job goes only once it commits.
    return transaction(strapi, async ({ onCommit }) => {
      if (event === 'pay') {
        onCommit(() => {
          getService(strapi, 'unpaid-timeout')
            .cancelJob(order.documentId)
            .catch((err: Error) => strapi.log.warn(`orders: could not remove the unpaid timeout of ${order.orderNo}: ${err.message}`));
        });
      }
      return this.applyPayment(order, event, payment);
    });
  },

  async applyPayment(order: OrderRow, event: 'pay' | 'final_pay', payment: { stage: 'full' | 'deposit' | 'final'; amount: number; reference: string }) {
    return getService(strapi, 'transition').apply(order.id, {
      event,
      actor: { type: 'system' },
      data: { stage: payment.stage, amount: payment.amount, reference: payment.reference },
      within: async ({ row, now }) => {
        const due = amountDueNow(row);
        if (payment.amount !== due) {
          throw new DomainError('PAYMENT_AMOUNT_MISMATCH', '支付金额与订单应付金额不符', { expected: due, received: payment.amount });
        }
        // The reserved coupon is spent once the order is paid.
        await strapi.db.query('api::marketing.user-coupon').updateMany({
          where: { orderRef: row.documentId, couponStatus: 'reserved' },
          data: { couponStatus: 'used', usedAt: now },
        });
      },
      patch: (row, to, now) => ({
        paid: row.paid + payment.amount,
        ...(event === 'pay' ? { paidAt: now } : {}),
        ...(to === 'completed' ? { completedAt: now, balanceDue: 0 } : {}),
      }),
    });
  },

  /** When an unpaid order closes by itself; null once it is paid (the final payment has no deadline). */
  async unpaidDeadline(orderDocumentId: string): Promise<Date | null> {
    const row = await strapi.db.query(ORDER_UID).findOne({
      where: { documentId: orderDocumentId },
      select: ['id', 'createdAt', 'scheduledAt', 'orderStatus'],
      populate: { parent: { select: ['id'] } },
    });
    if (!row || row.orderStatus !== 'pending_payment') return null;
    const settings = await strapi.service('api::settings.platform-setting').current();
    return getService(strapi, 'unpaid-timeout').deadline(row, settings.booking.unpaidTimeoutMinutes);
  },

  /**
   * Inside the transaction that cancels or re-prices an order: its open channel orders are to
   * be closed once that commits (the payments plugin keeps the outbox and the retried job).
   */
  async closeOpenPayments(orderId: number): Promise<void> {
    const payments = strapi.plugin('payments') as Core.Plugin | undefined;
    const closer = payments?.service('channel-close') as { requestForOrder?: (orderId: number) => Promise<number> } | undefined;
    await closer?.requestForOrder?.(orderId);
  },

  /** The payments plugin reports money actually returned to the member. */
  async recordRefund(orderDocumentId: string, amount: number, reference: string): Promise<void> {
    await transaction(strapi, async ({ trx }) => {
      const found = (await strapi.db.query(ORDER_UID).findOne({ where: { documentId: orderDocumentId }, select: ['id'] })) as { id: number } | null;
      if (!found) throw new DomainError('NOT_FOUND', '订单不存在');
      // Refunds of the deposit and of the final payment may land together: totals under a row lock.
      await lockRow(strapi.db.connection, trx, 'orders', found.id);
      const order = (await strapi.db.query(ORDER_UID).findOne({ where: { id: found.id } })) as OrderRow;
      await strapi.db.query(ORDER_UID).update({
        where: { id: order.id },
        data: { refunded: order.refunded + amount, refundPending: Math.max(0, order.refundPending - amount) },
      });
      await getService(strapi, 'transition').note(order.id, {
        event: 'refund',
        status: order.orderStatus,
        actor: { type: 'system' },
        data: { amount, reference },
      });
    });
  },

  async requestRefund(order: OrderRow, amount: number, reason: string): Promise<void> {
    const payments = strapi.plugin('payments') as Core.Plugin | undefined;
    const refunds = payments?.service('refunds') as { refundOrder?: (input: unknown) => Promise<unknown> } | undefined;
    if (refunds?.refundOrder) {
      try {
        await refunds.refundOrder({ order: order.documentId, amount, reason });
        return;
      } catch (err) {
        // The cancellation stands; the refund stays owed (refundPending) for 支付流水 to retry.
        strapi.log.error(`orders: refund of ${amount} fen on ${order.orderNo} failed: ${(err as Error).message}`);
        reason = `${reason}（退款发起失败：${(err as Error).message}）`;
      }
    } else {
      strapi.log.warn(`orders: refund of ${amount} fen owed on ${order.orderNo}; no payments plugin to send it`);
    }
    await getService(strapi, 'transition').note(order.id, {
      event: 'refund_owed',
      status: order.orderStatus,
      actor: { type: 'system' },
      reason,
      data: { amount },
    });
  },
});
