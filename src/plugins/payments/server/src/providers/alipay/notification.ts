import { yuanToFen, type Fen } from '../../../../../../runtime/money';
import { NotificationRejected, type VerifiedNotification } from '../types';

/**
 * Alipay's asynchronous notification (异步通知): an `application/x-www-form-urlencoded` POST signed
 * over every field but `sign` and `sign_type`, sorted by name, as `k=v&…` with the decoded values.
 * One notify_url receives payments, closes and refunds alike; refunds are the ones that carry
 * `out_biz_no` (our out_request_no) with `refund_fee` and `gmt_refund`.
 */

export type AlipayFields = Record<string, string>;

/**
 * The form fields exactly as sent. Values may hold '%', '+' or Chinese: they are decoded once
 * here and must never be decoded again (alipay-sdk's checkNotifySign does, and throws URIError on
 * "100%"; checkNotifySignV2 does not). A field sent twice makes the body ambiguous: rejected.
 */
export function parseAlipayForm(rawBody: string): AlipayFields {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawBody)) {
    if (fields.has(key)) throw new NotificationRejected('malformed', `alipay notification repeats ${key}`);
    fields.set(key, value);
  }
  return Object.fromEntries(fields);
}

const PAYMENT_STATUS: Record<string, VerifiedNotification['status']> = {
  TRADE_SUCCESS: 'paid',
  // Sent when a paid trade can no longer be refunded (or for products without refunds): still paid.
  TRADE_FINISHED: 'paid',
  WAIT_BUYER_PAY: 'pending',
  TRADE_CLOSED: 'closed',
};

/** Alipay's "yyyy-MM-dd HH:mm:ss[.SSS]" in Beijing time. */
export function parseAlipayTime(value: string | undefined): Date | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,3})?$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const at = new Date(`${match[1]}T${match[2]}${match[3] ?? ''}+08:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function amountField(fields: AlipayFields, name: string): Fen {
  try {
    return yuanToFen(fields[name]);
  } catch {
    throw new NotificationRejected('malformed', `alipay notification ${name} is not an amount: ${fields[name]}`);
  }
}

function required(fields: AlipayFields, name: string): string {
  const value = fields[name];
  if (!value) throw new NotificationRejected('malformed', `alipay notification lacks ${name}`);
  return value;
}

/** Maps signature-checked fields to what the payments pipeline understands. */
export function toVerifiedNotification(fields: AlipayFields): VerifiedNotification {
  const outTradeNo = required(fields, 'out_trade_no');
  const transactionId = required(fields, 'trade_no');
  const tradeStatus = required(fields, 'trade_status');
  required(fields, 'total_amount');
  const amount = amountField(fields, 'total_amount');
  const base = { outTradeNo, transactionId, amount, appId: fields.app_id, merchantId: fields.seller_id, raw: fields };

  if (fields.out_biz_no) {
    // Partial refunds arrive with TRADE_SUCCESS, a full refund closes the trade (TRADE_CLOSED);
    // either way Alipay only notifies refunds that went through. refund_fee is the amount
    // Alipay reports as refunded on the trade.
    return {
      ...base,
      kind: 'refund',
      status: 'refund_success',
      outRefundNo: fields.out_biz_no,
      refundAmount: fields.refund_fee ? amountField(fields, 'refund_fee') : undefined,
      at: parseAlipayTime(fields.gmt_refund),
    };
  }

  const status = PAYMENT_STATUS[tradeStatus];
  if (!status) throw new NotificationRejected('malformed', `alipay notification has unknown trade_status ${tradeStatus}`);
  const at = status === 'paid' ? parseAlipayTime(fields.gmt_payment) : status === 'closed' ? parseAlipayTime(fields.gmt_close) : undefined;
  return { ...base, kind: 'payment', status, at };
}
