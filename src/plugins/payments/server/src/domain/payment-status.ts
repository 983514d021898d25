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
