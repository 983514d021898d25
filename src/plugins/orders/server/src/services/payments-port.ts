import type { Core } from '@strapi/strapi';
import { DomainError } from '../../../../../runtime/errors';
import { amountDueNow } from '../domain';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import { getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';
import type { PaymentsRefundsForOrders } from '../../../../payments/shared/contracts/payments-orders';
import { fenToYuan } from '../../../../../runtime/money';
import { clock } from '../../../../../runtime/clock';

const paymentsRefunds = (strapi: Core.Strapi) =>
  (strapi.plugin('payments') as Core.Plugin | undefined)?.service('refunds') as PaymentsRefundsForOrders | undefined;

/**
 * The seam between orders and the payments plugin. Payments calls `recordPayment` from its
 * verified-notification transaction; orders calls `oweRefund` inside the transaction that
 * cancels or re-prices an order and `sendRefunds` after it commits.
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
    await transaction(strapi, async ({ trx, onCommit }) => {
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
      // Points and anything else that follows the money hear of it once it is on record.
      const message = { order: order.documentId, orderNo: order.orderNo, memberId: order.memberId, amount, reference, at: clock.now().toISOString() };
      onCommit(() => void getService(strapi, 'notify').refunded(message));
    });
  },

  /**
   * Inside the transaction that cancels or re-prices a paid order: the refund rows are written
   * by the payments plugin in this same transaction (pending, over the order's own payments).
   * When they cannot be (no payments plugin, or its payments hold less than is owed) the
   * decision still stands and the refund stays owed on the order (`refundPending`) with a
   * `refund_owed` event for 支付流水; it is never reported as done. Returns the refunds to send
   * once the transaction committed.
   */
  async oweRefund(order: Pick<OrderRow, 'id' | 'orderNo' | 'orderStatus'>, amount: number, reason: string): Promise<number[]> {
    const refunds = paymentsRefunds(strapi);
    let why = reason;
    let data: Record<string, unknown> = { amount };
    if (refunds) {
      const owed = await refunds.oweForOrder({ orderId: order.id, amount, reason });
      if (owed.ok) return owed.refundIds;
      strapi.log.error(`orders: refund of ${amount} fen on ${order.orderNo} not covered by its payments (${owed.available} fen left to refund)`);
      why = `${reason}（可退金额不足：尚可退 ${fenToYuan(owed.available)} 元，待人工处理）`;
      data = { amount, code: owed.code, available: owed.available };
    } else {
      strapi.log.warn(`orders: refund of ${amount} fen owed on ${order.orderNo}; no payments plugin to send it`);
    }
    await getService(strapi, 'transition').note(order.id, { event: 'refund_owed', status: order.orderStatus, actor: { type: 'system' }, reason: why, data });
    return [];
  },

  /** After the deciding transaction committed: the refunds it wrote go to their channels. */
  async sendRefunds(refundIds: number[]): Promise<void> {
    if (refundIds.length === 0) return;
    try {
      await paymentsRefunds(strapi)?.sendOwed(refundIds);
    } catch (err) {
      // The refunds are on record; the payments sweeper sends them.
      strapi.log.error(`orders: refunds ${refundIds.join(',')} not sent yet: ${(err as Error).message}`);
    }
  },
});
