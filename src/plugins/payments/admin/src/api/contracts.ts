/**
 * Shapes of the payments plugin's admin routes as 支付流水 reads them (server: routes/index.ts,
 * controllers/admin-payment.ts, services/admin-payments.ts). Money in fen, times ISO 8601.
 */
import type { Channel, PaymentStage, PaymentStatus, RefundStatus } from '../domain/labels';

/** GET /payments/payments?q=&channel=&status=&from=&to=&page=&pageSize= → { data: PaymentSummary[], meta: { pagination } } */
export interface PaymentSummary {
  documentId: string;
  outTradeNo: string;
  transactionId: string | null;
  channel: Channel;
  stage: PaymentStage;
  amount: number;
  status: PaymentStatus;
  refundedAmount: number;
  paidAt: string | null;
  createdAt: string;
  city: string | null;
  memberId: number;
  reviewReason: string | null;
  order: { documentId: string; orderNo: string; status: string; statusLabel: string } | null;
}

export interface RefundRecord {
  documentId: string;
  outRefundNo: string;
  amount: number;
  reason: string;
  status: RefundStatus;
  channelRefundId: string | null;
  requestedBy: string;
  operator: { id: number; name: string | null } | null;
  createdAt: string;
  completedAt: string | null;
  /** Why the channel did not take it (pending / failed only). */
  lastError: string | null;
}

/** GET /payments/payments/:id → { data: PaymentDetail } */
export interface PaymentDetail extends PaymentSummary {
  clientType: string | null;
  expiresAt: string | null;
  closedAt: string | null;
  /** Fen that may still be refunded (refunds in flight already deducted). */
  refundable: number;
  member: { id: number; nickname: string | null; phone: string | null } | null;
  refunds: RefundRecord[];
  rawNotification: unknown;
}

/**
 * POST /payments/payments/:id/refunds { amount (fen), reason } → 201 { data: RefundOutcome }
 * POST /payments/refunds/:id/retry → 200 { data: RefundOutcome }
 */
export interface RefundOutcome {
  refund: RefundRecord | null;
  payment: PaymentDetail;
}
