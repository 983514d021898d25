/**
 * What the payments plugin offers the orders plugin for money an order owes back (server:
 * services/refunds.ts, used from orders' services/payments-port.ts). Ids are database ids.
 */
export interface OrderRefundOwed {
  orderId: number;
  /** Fen, a positive integer. */
  amount: number;
  /** Shown to the member and on 支付流水 (Chinese). */
  reason: string;
  requestedBy?: 'system' | 'member' | 'operator';
  operatorId?: number;
}

/**
 * Refund rows written (pending) in the caller's transaction, or why none were: the order's own
 * payments, less refunds still in flight, hold less than it owes.
 */
export type OwedRefunds = { ok: true; refundIds: number[] } | { ok: false; code: 'REFUND_NOT_COVERED'; owed: number; available: number };

export interface PaymentsRefundsForOrders {
  /** Call inside the transaction that decides the refund (cancellation, price drop). */
  oweForOrder(input: OrderRefundOwed): Promise<OwedRefunds>;
  /** Call once that transaction committed; inside an open one the send waits for its commit. */
  sendOwed(refundIds: number[]): Promise<void>;
}
