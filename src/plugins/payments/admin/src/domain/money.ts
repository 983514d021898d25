/**
 * Operators type refunds in yuan; they travel in fen. Parsing goes through the runtime's
 * decimal-text parser, so "10.1" is 1010 fen and never 1009.9999.
 */
import { yuanToFen, type Fen } from '../../../../../runtime/money';

export type RefundAmountCheck =
  | { ok: true; fen: Fen }
  | { ok: false; error: 'refund.amount.required' | 'refund.amount.format' | 'refund.amount.zero' | 'refund.amount.tooMuch' };

/**
 * The refund amount typed in yuan, checked against what is left to refund:
 * "10" → 1000 fen; "10.005" → format error; "0" → zero; more than `refundable` → too much.
 */
export function checkRefundAmount(text: string, refundable: Fen): RefundAmountCheck {
  const trimmed = text.trim().replace(/^¥/, '');
  if (!trimmed) return { ok: false, error: 'refund.amount.required' };
  let fen: Fen;
  try {
    fen = yuanToFen(trimmed);
  } catch {
    return { ok: false, error: 'refund.amount.format' };
  }
  if (fen <= 0) return { ok: false, error: 'refund.amount.zero' };
  if (fen > refundable) return { ok: false, error: 'refund.amount.tooMuch' };
  return { ok: true, fen };
}
