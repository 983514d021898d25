import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { amountHeld, cancellationFee, type OrderActor, type OrderStatus } from '../domain';
import { getService, ORDER_UID } from '../utils';
import { cancellationFeeKept } from '../../../../settlement/server/src/domain/ledger';
import type { OrderRow } from './order-view';

export interface CancelRequest {
  actor: { type: OrderActor; id?: number };
  reason: string;
  /** Operators may cancel without a fee (e.g. the platform's fault). */
  waiveFee?: boolean;
  /** Cancel only from these statuses, as read inside the cancelling transaction. */
  onlyFrom?: OrderStatus[];
}

/**
 * Cancelling: free before acceptance, a fee from the policy after; slots, coupon and points go
 * back in the same transaction as the status change, and so is the refund of the rest (its rows
 * written by the payments plugin); the refund is sent once that commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async cancel(orderId: number, request: CancelRequest): Promise<OrderRow> {
    const settings = await strapi.service('api::settings.platform-setting').current();
    let outcome = { fee: 0, refund: 0 };
    let refundIds: number[] = [];
    const cancelled = await getService(strapi, 'transition').apply(orderId, {
      event: 'cancel',
      actor: request.actor,
      reason: request.reason,
      onlyFrom: request.onlyFrom,
      within: async ({ trx, row, to, now }) => {
        outcome = cancellationFee(
          { status: row.orderStatus, scheduledAt: row.scheduledAt, now: clock.now(), paid: amountHeld(row), total: row.total },
          request.waiveFee ? [] : settings.cancellationPolicy,
        );
        // The refund is written with the cancellation: both commit, or neither (a deadlock retry re-decides it).
        refundIds = outcome.refund > 0 ? await getService(strapi, 'payments-port').oweRefund({ ...row, orderStatus: to }, outcome.refund, `订单取消：${request.reason}`) : [];
        await getService(strapi, 'eligibility').releaseSlots(trx, row.id);
        await getService(strapi, 'payments-port').closeOpenPayments(row.id);
        await this.returnBenefits(trx, row);
        if (outcome.fee > 0) {
          // The fee stops being the member's prepayment and becomes platform income.
          await strapi.plugin('settlement')?.service('ledger').post(cancellationFeeKept(row.orderNo, outcome.fee, `取消费 ${row.orderNo}`));
          // The accepting worker's share of it, by policy (平台参数 → 取消费师傅分成).
          await getService(strapi, 'settlement-port').cancellationFeeKept(row.id, outcome.fee, now);
        }
      },
      patch: (row, _to, now) => ({
        cancellationFee: outcome.fee,
        refundPending: row.refundPending + outcome.refund,
        cancelledAt: now,
        cancelReason: request.reason,
        cancelledBy: request.actor.type,
      }),
    });
    await getService(strapi, 'payments-port').sendRefunds(refundIds);
    return (await strapi.db.query(ORDER_UID).findOne({ where: { id: cancelled.id } })) as OrderRow;
  },

  /** Coupon back to the member and points refunded; both idempotent. */
  async returnBenefits(trx: any, row: OrderRow): Promise<void> {
    await strapi.db.query('api::marketing.user-coupon').updateMany({
      where: { orderRef: row.documentId, couponStatus: { $in: ['reserved', 'used'] } },
      data: { couponStatus: 'available', orderRef: null, usedAt: null },
    });
    if (row.pointsUsed > 0) {
      await strapi.service('api::marketing.points').post(trx, row.memberId, {
        delta: row.pointsUsed,
        reason: 'deduction_refund',
        ref: `order:${row.documentId}:points-refund`,
        note: row.orderNo,
      });
    }
  },

  /**
   * Unpaid orders past their deadline; also used by the boot-time sweep. The decision is made on
   * the row read inside the cancelling transaction and its update is conditional on
   * `pending_payment`: a payment that commits first wins and this does nothing.
   */
  async closeUnpaid(orderId: number): Promise<boolean> {
    try {
      await this.cancel(orderId, { actor: { type: 'system' }, reason: '超时未支付，订单已自动关闭', onlyFrom: ['pending_payment'] });
      return true;
    } catch (err: any) {
      // Paid, cancelled or gone in the meantime: nothing to close.
      if (err?.code === 'INVALID_TRANSITION' || err?.code === 'NOT_FOUND') return false;
      throw err;
    }
  },
});
