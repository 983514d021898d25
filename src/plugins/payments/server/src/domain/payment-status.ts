/**
 * Payment status after money moves back: refunded once everything paid went back, partially
 * refunded before that. Pure so the rule is tested once.
 */
export type PaymentStatus = 'created' | 'paid' | 'closed' | 'refunded' | 'partially_refunded' | 'review';

export function statusAfterRefund(amount: number, refundedAmount: number): PaymentStatus {
  if (refundedAmount <= 0) return 'paid';
  return refundedAmount >= amount ? 'refunded' : 'partially_refunded';
}

/** Fen still refundable on a payment. */
export const refundable = (p: { amount: number; refundedAmount: number; paymentStatus: PaymentStatus }) =>
  p.paymentStatus === 'paid' || p.paymentStatus === 'partially_refunded' ? p.amount - p.refundedAmount : 0;

/**
 * Splits a refund over an order's payments, newest first (a final payment is refunded before
 * the deposit). Returns [paymentId, amount] pairs summing to `amount`, or null if not enough.
 */
export function allocateRefund(
  amount: number,
  payments: ReadonlyArray<{ id: number; amount: number; refundedAmount: number; paymentStatus: PaymentStatus; paidAt?: string | Date | null }>,
): Array<[number, number]> | null {
  const sorted = [...payments].sort((a, b) => new Date(b.paidAt ?? 0).getTime() - new Date(a.paidAt ?? 0).getTime() || b.id - a.id);
  const out: Array<[number, number]> = [];
  let left = amount;
  for (const p of sorted) {
    if (left === 0) break;
    const take = Math.min(left, refundable(p));
    if (take > 0) {
      out.push([p.id, take]);
      left -= take;
    }
  }
  return left === 0 ? out : null;
}
