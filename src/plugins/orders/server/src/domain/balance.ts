import type { Fen } from '../../../../../runtime/money';
import type { OrderStatus } from './order-status';

/**
 * An order's money position. `paid` only ever grows (every payment received) and `refunded`
 * with it (every refund completed); `refundPending` is owed back but not yet sent. What the
 * platform holds for the order is therefore paid − refunded − refundPending, and every later
 * decision (a price change, the final payment, a cancellation) starts from that, never from
 * `paid` alone: an order partly refunded once must not be refunded the same money twice.
 */
export interface MoneyPosition {
  total: Fen;
  paid: Fen;
  refunded: Fen;
  refundPending: Fen;
}

export const amountHeld = (o: Omit<MoneyPosition, 'total'>): Fen => o.paid - o.refunded - o.refundPending;

/** What the member still owes against the current price (never negative). */
export const amountOutstanding = (o: MoneyPosition): Fen => Math.max(0, o.total - amountHeld(o));

/** A new price against the money held: what becomes due, or what goes back. */
export function priceChange(o: Omit<MoneyPosition, 'total'>, newTotal: Fen): { balanceDue: Fen; refund: Fen } {
  const held = amountHeld(o);
  return { balanceDue: Math.max(0, newTotal - held), refund: Math.max(0, held - newTotal) };
}

/** What the member has to pay right now: the deposit or the full price first, then the balance. */
export function amountDueNow(o: MoneyPosition & { orderStatus: OrderStatus; paymentMode: 'full' | 'deposit'; deposit: Fen }): Fen {
  if (o.orderStatus === 'pending_payment') return Math.max(0, (o.paymentMode === 'deposit' ? o.deposit : o.total) - amountHeld(o));
  if (o.orderStatus === 'pending_final_payment') return amountOutstanding(o);
  return 0;
}
