/**
 * Whether a channel's refund notification is about the refund we asked for. A notification
 * that passed the signature check can still name another trade, another amount or another
 * currency (a refund made in the merchant portal, a reused number, a channel bug); completing
 * our refund on it would book money that did not move as it says. Pure, so every channel's
 * rule is tested in one place.
 */
export type RefundNoticeMismatch = 'trade' | 'amount' | 'currency';

export interface NoticeFacts {
  outTradeNo?: string;
  transactionId?: string;
  refundAmount?: number;
  currency?: string;
}

export interface OurRefund {
  amount: number;
  payment: { outTradeNo: string; transactionId?: string | null; amount: number };
}

export function checkRefundNotice(
  channel: string,
  ours: OurRefund,
  note: NoticeFacts,
): { ok: true } | { ok: false; mismatch: RefundNoticeMismatch; detail: string } {
  if (note.outTradeNo && note.outTradeNo !== ours.payment.outTradeNo) {
    return { ok: false, mismatch: 'trade', detail: `notification trade ${note.outTradeNo}, refund belongs to ${ours.payment.outTradeNo}` };
  }
  if (note.transactionId && ours.payment.transactionId && note.transactionId !== ours.payment.transactionId) {
    return { ok: false, mismatch: 'trade', detail: `notification transaction ${note.transactionId}, payment has ${ours.payment.transactionId}` };
  }
  if (note.currency && note.currency !== 'CNY') {
    return { ok: false, mismatch: 'currency', detail: `notification currency ${note.currency}` };
  }
  if (note.refundAmount !== undefined) {
    // Alipay's refund_fee is what the trade has had refunded so far, this refund included.
    const fits = channel === 'alipay' ? note.refundAmount >= ours.amount && note.refundAmount <= ours.payment.amount : note.refundAmount === ours.amount;
    if (!fits) return { ok: false, mismatch: 'amount', detail: `notification refund ${note.refundAmount} fen, ours ${ours.amount} fen` };
  }
  return { ok: true };
}
