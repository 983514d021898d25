/**
 * Where a refund the order owes (cancellation, price drop) comes from. Pure: the refunds service
 * reads the rows under the payments' locks and writes what this decides in the same transaction.
 *
 * - Only the order's own payments count: a payment whose money the order never took (a late
 *   or duplicate payment, recognised by a refund of it written outside the order) is being
 *   returned on its own and must not be refunded a second time on the order's account.
 * - Refunds asked for but not finished (pending, processing) are already taken: allocating
 *   over them would ask the channel for more than the payment holds, and the second refund
 *   would be turned down after the order was told it is on its way.
 * - Newest payment first, so a final payment goes back before the deposit.
 */
import type { RefundStatus } from './payment-labels';
import { refundable, type PaymentStatus } from './payment-status';

export interface AllocatablePayment {
  id: number;
  orderRef: number | null;
  amount: number;
  refundedAmount: number;
  paymentStatus: PaymentStatus;
  paidAt?: string | Date | null;
}

export interface ExistingRefund {
  paymentRef: number;
  /** null: money sent back outside the order (late or duplicate payment). */
  orderRef: number | null;
  amount: number;
  refundStatus: RefundStatus;
}

export type RefundAllocation =
  | { ok: true; parts: Array<{ paymentId: number; amount: number }> }
  | { ok: false; code: 'REFUND_NOT_COVERED'; owed: number; available: number };

// An abnormal refund still holds its money: WeChat has it, an operator decides where it goes.
const IN_FLIGHT: ReadonlySet<RefundStatus> = new Set(['pending', 'processing', 'abnormal']);

/** Fen each of the order's own payments can still give back, in the order they are used. */
export function remainingRefundable(orderId: number, payments: readonly AllocatablePayment[], refunds: readonly ExistingRefund[]): Array<{ paymentId: number; left: number }> {
  const returnedOutside = new Set(refunds.filter((r) => r.orderRef === null).map((r) => r.paymentRef));
  const inFlight = new Map<number, number>();
  for (const r of refunds) if (IN_FLIGHT.has(r.refundStatus)) inFlight.set(r.paymentRef, (inFlight.get(r.paymentRef) ?? 0) + r.amount);
  return payments
    .filter((p) => p.orderRef === orderId && !returnedOutside.has(p.id))
    .sort((a, b) => new Date(b.paidAt ?? 0).getTime() - new Date(a.paidAt ?? 0).getTime() || b.id - a.id)
    .map((p) => ({ paymentId: p.id, left: Math.max(0, refundable(p) - (inFlight.get(p.id) ?? 0)) }));
}

/** Splits `owed` fen over the order's payments; all of it, or a failure saying how much there is. */
export function allocateOrderRefund(
  owed: number,
  input: { orderId: number; payments: readonly AllocatablePayment[]; refunds: readonly ExistingRefund[] },
): RefundAllocation {
  if (!Number.isInteger(owed) || owed <= 0) throw new RangeError(`refund owed must be a positive integer of fen, got ${owed}`);
  const sources = remainingRefundable(input.orderId, input.payments, input.refunds);
  const available = sources.reduce((sum, s) => sum + s.left, 0);
  if (available < owed) return { ok: false, code: 'REFUND_NOT_COVERED', owed, available };
  const parts: Array<{ paymentId: number; amount: number }> = [];
  let left = owed;
  for (const s of sources) {
    if (left === 0) break;
    const take = Math.min(left, s.left);
    if (take > 0) {
      parts.push({ paymentId: s.paymentId, amount: take });
      left -= take;
    }
  }
  return { ok: true, parts };
}
