/**
 * What the settlement plugin offers other plugins for their money movements (server:
 * services/ledger-port.ts, `strapi.plugin('settlement').service('ledger-port')`). Callers name
 * the business event and its facts; settlement owns the accounts, the lines and the rules
 * (commission, marketing cost, fee split), so no plugin imports settlement's domain. Amounts
 * are integer fen, ids database ids unless named documentId. Every posting is idempotent by
 * its event: posting the same event twice books it once.
 */

/** A member paid an order (or topped up a wallet) through a channel or from the wallet. */
export interface PaymentReceivedPosting {
  event: 'payment_received';
  outTradeNo: string;
  channel: string;
  memberId: number;
  amount: number;
  purpose: 'order' | 'topup';
  memo: string;
  city?: string | null;
}

/** Money went back to the member through the paying channel (or to the wallet). */
export interface RefundPaidPosting {
  event: 'refund_paid';
  outRefundNo: string;
  channel: string;
  memberId: number;
  amount: number;
  memo: string;
  city?: string | null;
}

/** The platform kept a cancellation fee out of the prepayment. */
export interface FeeKeptPosting {
  event: 'fee_kept';
  orderNo: string;
  amount: number;
  memo: string;
  city?: string | null;
}

/**
 * An order's cancellation fee (already kept, see fee_kept) is shared with the worker who had
 * accepted it, by the platform's policy (平台参数 → 取消费师傅分成).
 */
export interface CancellationFeeSharedPosting {
  event: 'cancellation_fee_shared';
  order: { id: number; documentId: string; orderNo: string; city: string | null; cancelledAt: string };
  workerId: number;
  fee: number;
}

/** An order was completed: the prepayment becomes worker payable and commission. */
export interface OrderCompletedPosting {
  event: 'order_completed';
  order: {
    id: number;
    documentId: string;
    orderNo: string;
    city: string | null;
    categorySlug: string | null;
    /** The service item's skills (database ids): the worker's level for them sets the rate. */
    skillIds: number[];
    completedAt: string;
    /**
     * 确认完成 (orders issue 12): null while the member may still confirm — the earning stays
     * pending and out of batches until an `order_confirmed` posting. Absent counts as confirmed.
     */
    confirmedAt?: string | null;
  };
  /** api::people.worker id. */
  workerId: number;
  /** paid − refunded − refunds still owed: what the ledger holds for the order. */
  prepaymentHeld: number;
  couponDiscount: number;
  pointsDeduction: number;
}

/**
 * A completed order was confirmed (by its member, the system or 客服): its service earning may
 * now be settled. Books no journal lines; idempotent (`created` is true only the first time).
 */
export interface OrderConfirmedPosting {
  event: 'order_confirmed';
  order: { id: number; documentId: string; orderNo: string };
  confirmedAt: string;
}

export type SettlementPosting =
  | PaymentReceivedPosting
  | RefundPaidPosting
  | FeeKeptPosting
  | CancellationFeeSharedPosting
  | OrderCompletedPosting
  | OrderConfirmedPosting;

export interface PostedEntry {
  /** The journal entry's idempotency key; null when the event moved no money (nothing to book). */
  ref: string | null;
  /** false when this event was booked before (a repeated delivery). */
  created: boolean;
}

export interface SettlementLedgerPort {
  /** Call inside the transaction that decides the business change, so both commit or neither. */
  post(posting: SettlementPosting): Promise<PostedEntry>;
}

// GET /api/me/earnings (the signed-in worker's own; a member gets 403)
export interface EarningEntry {
  /** The order's documentId. */
  order: string;
  orderNo: string;
  kind: 'service' | 'cancellation';
  gross: number;
  commission: number;
  net: number;
  status: 'pending' | 'settleable' | 'settled';
  statusLabel: string;
  earnedAt: string;
  settleableAt: string;
  settledAt?: string;
}
export interface MyEarningsResponse {
  data: { pending: number; settleable: number; settled: number; entries: EarningEntry[] };
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}
