import type { Fen } from '../../../../../runtime/money';

/**
 * One interface for every way a member can pay. Providers speak their channel's real protocol
 * (signing, verification, decryption) and nothing else: no database, no order logic. The
 * payments services own state, idempotency and the ledger.
 */
export type Channel = 'wechat' | 'alipay' | 'unionpay' | 'balance' | 'sandbox';

/** How the client will pay: decides which channel API is called and what `params` carries. */
export type ClientType =
  | 'jsapi' // WeChat mini-program / 公众号 (needs openid)
  | 'app' // native app SDK (WeChat, Alipay, UnionPay)
  | 'h5' // mobile browser outside WeChat (WeChat H5, Alipay wap)
  | 'native' // QR code to scan (WeChat Native)
  | 'page' // desktop web page (Alipay page, UnionPay gateway)
  | 'wap'; // Alipay wap / UnionPay wap

export interface CreatePaymentInput {
  outTradeNo: string;
  amount: Fen;
  description: string;
  clientType: ClientType;
  /** WeChat JSAPI payer. */
  openid?: string;
  /**
   * WeChat: the mini-program or 公众号 the payer's openid belongs to (an openid is per appid).
   * Must be one bound to the merchant; absent means the configured default for the client type.
   */
  appid?: string;
  clientIp?: string;
  notifyUrl: string;
  returnUrl?: string;
  expiresAt: Date;
}

export interface CreatePaymentResult {
  /** Exactly what the client SDK needs (wx.requestPayment params, an Alipay form/URL, a QR code URL…). */
  params: Record<string, unknown>;
  /** The channel's own id for the prepay order, when it returns one (prepay_id…). */
  channelOrderId?: string;
}

export type NotificationKind = 'payment' | 'refund';

export interface VerifiedNotification {
  kind: NotificationKind;
  outTradeNo: string;
  /** The channel's transaction id (WeChat transaction_id, Alipay trade_no, UnionPay queryId). */
  transactionId: string;
  /** payment: what was paid; refund: the order's total as the channel reports it, if it does. */
  amount: Fen;
  status: 'paid' | 'closed' | 'pending' | 'refund_success' | 'refund_failed' | 'refund_closed' | 'refund_abnormal';
  /** The merchant / app id the notification is for, to compare with our configuration. */
  merchantId?: string;
  appId?: string;
  outRefundNo?: string;
  refundId?: string;
  refundAmount?: Fen;
  /** ISO 4217 code when the channel names one (refunds are checked against CNY). */
  currency?: string;
  at?: Date;
  /** The decrypted / parsed payload, stored with the payment for audits. */
  raw: unknown;
}

export interface NotifyReply {
  status: number;
  contentType: string;
  body: string;
}

export interface RefundInput {
  outTradeNo: string;
  transactionId?: string;
  outRefundNo: string;
  amount: Fen;
  total: Fen;
  reason: string;
  notifyUrl: string;
  /**
   * What the channel needs besides outRefundNo to find this refund again, as refundReference()
   * handed it out before the first send (UnionPay: its txnTime). A resend passes the same one.
   */
  reference?: string;
}

export interface RefundResult {
  refundId?: string;
  status: 'processing' | 'success' | 'failed' | 'abnormal';
  raw: unknown;
}

export interface RefundQueryInput {
  outTradeNo: string;
  outRefundNo: string;
  /** The refund's own reference (RefundInput.reference), for channels that need one. */
  reference?: string;
}

/**
 * A refund as the channel knows it. `abnormal`: WeChat took the refund but could not pay it back
 * (card closed, account frozen); an operator must act. `not_found`: the channel has no such
 * refund, so sending it (again) cannot pay twice.
 */
export type RefundQueryStatus = 'processing' | 'success' | 'failed' | 'abnormal' | 'closed' | 'not_found';

export interface RefundQueryResult {
  status: RefundQueryStatus;
  amount?: Fen;
  refundId?: string;
  at?: Date;
  raw: unknown;
}

export interface QueryResult {
  status: 'paid' | 'unpaid' | 'closed' | 'refunded' | 'not_found';
  transactionId?: string;
  amount?: Fen;
  at?: Date;
  raw: unknown;
}

export interface PaymentProvider {
  channel: Channel;
  create(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  /**
   * Verifies a notification exactly as received (raw body bytes and headers). Throws
   * NotificationRejected (signature, certificate serial, timestamp window, decryption) — the
   * caller then answers 401 PAYMENT_SIGNATURE_INVALID and changes nothing.
   */
  verifyNotify(rawBody: string, headers: Record<string, string | undefined>): Promise<VerifiedNotification>;
  /** The reply the channel expects when we accepted (or already had) the notification. */
  successReply(): NotifyReply;
  /** The reply for a rejected notification (the channel will retry). */
  failureReply(status: number, message: string): NotifyReply;
  refund(input: RefundInput): Promise<RefundResult>;
  /** `reference`: what create() handed back when a channel finds orders by more than outTradeNo (UnionPay: txnTime). */
  query(outTradeNo: string, reference?: string): Promise<QueryResult>;
  close(outTradeNo: string): Promise<void>;
  queryRefund(input: RefundQueryInput): Promise<RefundQueryResult>;
  /**
   * Channels whose refunds are not found by outRefundNo alone (UnionPay) hand out, before the
   * first send, the rest of the identity; it is stored with the refund and reused by every resend.
   */
  refundReference?(): string;
  /** WeChat only: asks WeChat to pay an ABNORMAL refund to a bank card instead. */
  applyAbnormalRefund?(input: { refundId: string; outRefundNo: string; type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD' }): Promise<RefundQueryResult>;
  /** Configuration that works today but will not for long (a certificate about to expire), for the boot log. */
  configurationWarnings?(now: Date): string[];
}

/** A notification that failed verification; `reason` is logged, never shown to the caller. */
export class NotificationRejected extends Error {
  constructor(readonly reason: 'signature' | 'serial' | 'timestamp' | 'decrypt' | 'malformed' | 'merchant', message: string) {
    super(message);
    this.name = 'NotificationRejected';
  }
}

/**
 * ProviderError codes that mean the request itself cannot be paid this way (the member's app
 * must change something), as opposed to a channel that failed: 400, not 502.
 */
export const REQUEST_ERROR_CODES = ['OPENID_REQUIRED', 'CLIENT_IP_REQUIRED', 'CLIENT_TYPE_UNSUPPORTED', 'APPID_NOT_CONFIGURED'] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** The channel answered with an error or could not be reached; never treated as success. */
export class ProviderError extends Error {
  constructor(
    readonly channel: Channel,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
