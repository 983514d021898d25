import type { Core } from '@strapi/strapi';
import type { PostedEntry, SettlementLedgerPort } from '../../../../settlement/shared/contracts/settlement-ledger';
import { ORDER_UID } from '../utils';

const ledgerPort = (strapi: Core.Strapi) =>
  (strapi.plugin('settlement') as Core.Plugin | undefined)?.service('ledger-port') as SettlementLedgerPort | undefined;

const POPULATE = { worker: { select: ['id'] }, city: { select: ['adcode'] }, category: { select: ['slug'] } };

const iso = (value: string | Date | null | undefined, fallback: Date) => new Date(value ?? fallback).toISOString();

/**
 * The seam between orders and the settlement plugin (contract:
 * settlement/shared/contracts/settlement-ledger.ts). Called inside the transaction that
 * completes or cancels the order, so the books move with the status or not at all; settlement
 * books each event once, however often it is told.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The order just became `completed`: its prepayment is recognised as worker payable and commission. */
  async orderCompleted(orderId: number, now: Date): Promise<PostedEntry | null> {
    const port = ledgerPort(strapi);
    if (!port) return null;
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, populate: POPULATE });
    if (!row?.worker?.id) {
      // The state machine only completes accepted orders; a completed order without a worker is a bug to see.
      strapi.log.error(`orders: completed order ${row?.orderNo ?? orderId} has no worker; revenue not recognised`);
      return null;
    }
    return port.post({
      event: 'order_completed',
      order: {
        id: row.id,
        documentId: row.documentId,
        orderNo: row.orderNo,
        city: row.city?.adcode ?? row.addressSnapshot?.city ?? null,
        categorySlug: row.category?.slug ?? row.itemSnapshot?.categorySlug ?? null,
        skillIds: row.itemSnapshot?.skillIds ?? [],
        completedAt: iso(row.completedAt, now),
        // Written with the completion (transition.ts) when the platform confirms at once.
        confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
      },
      workerId: row.worker.id,
      // Refunds still owed stay in the prepayments until the channel returns them.
      prepaymentHeld: Math.max(0, row.paid - row.refunded - row.refundPending),
      couponDiscount: row.discount ?? 0,
      pointsDeduction: row.pointsDeduction ?? 0,
    });
  },

  /** The completed order was confirmed (确认完成): its earning may be settled. In the confirming transaction. */
  async orderConfirmed(orderId: number, confirmedAt: Date): Promise<PostedEntry | null> {
    const port = ledgerPort(strapi);
    if (!port) return null;
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, select: ['id', 'documentId', 'orderNo'] });
    if (!row) return null;
    return port.post({ event: 'order_confirmed', order: { id: row.id, documentId: row.documentId, orderNo: row.orderNo }, confirmedAt: confirmedAt.toISOString() });
  },

  /** A fee was kept on cancelling an order a worker had accepted: the worker's share per policy. */
  async cancellationFeeKept(orderId: number, fee: number, cancelledAt: Date): Promise<PostedEntry | null> {
    const port = ledgerPort(strapi);
    if (!port || fee <= 0) return null;
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, populate: POPULATE });
    if (!row?.worker?.id) return null;
    return port.post({
      event: 'cancellation_fee_shared',
      order: { id: row.id, documentId: row.documentId, orderNo: row.orderNo, city: row.city?.adcode ?? null, cancelledAt: cancelledAt.toISOString() },
      workerId: row.worker.id,
      fee,
    });
  },
});
