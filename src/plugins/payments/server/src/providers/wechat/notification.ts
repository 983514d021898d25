import { Aes } from 'wechatpay-axios-plugin';
import { NotificationRejected, type VerifiedNotification } from '../types';
import type { ResolvedWechatPayConfig } from './config';
import { checkWechatSignature } from './signature';

/**
 * WeChat Pay APIv3 notifications (支付通知 / 退款结果通知): signed like a response, with the
 * business payload AEAD_AES_256_GCM-encrypted under the APIv3 key:
 *
 *   { id, create_time, event_type: "TRANSACTION.SUCCESS", resource_type: "encrypt-resource",
 *     resource: { algorithm: "AEAD_AES_256_GCM", ciphertext, nonce, associated_data, original_type } }
 */

type Json = Record<string, unknown>;

const GCM_TAG_BYTES = 16;

const isObject = (value: unknown): value is Json => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function parseObject(text: string, what: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotificationRejected('malformed', `${what} is not JSON`);
  }
  if (!isObject(value)) throw new NotificationRejected('malformed', `${what} is not a JSON object`);
  return value;
}

function requireString(source: Json, field: string, what: string): string {
  const value = source[field];
  if (typeof value !== 'string' || value === '') throw new NotificationRejected('malformed', `${what}.${field} is missing`);
  return value;
}

function requireFen(source: unknown, field: string, what: string): number {
  const value = isObject(source) ? source[field] : undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new NotificationRejected('malformed', `${what}.amount.${field} is not an amount in fen`);
  }
  return value;
}

function optionalDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function decryptResource(resource: unknown, apiV3Key: string): Json {
  if (!isObject(resource)) throw new NotificationRejected('malformed', 'notification has no resource');
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new NotificationRejected('malformed', `unsupported resource algorithm ${String(resource.algorithm)}`);
  }
  const ciphertext = requireString(resource, 'ciphertext', 'resource');
  const nonce = requireString(resource, 'nonce', 'resource');
  const associatedData = typeof resource.associated_data === 'string' ? resource.associated_data : '';
  // The library would accept a 4-byte tag from a ciphertext shorter than 16 bytes; a real
  // resource always carries the full 16-byte tag after a non-empty payload.
  if (Buffer.from(ciphertext, 'base64').length <= GCM_TAG_BYTES) {
    throw new NotificationRejected('decrypt', 'resource ciphertext is shorter than its authentication tag');
  }
  let plaintext: string;
  try {
    plaintext = Aes.AesGcm.decrypt(ciphertext, apiV3Key, nonce, associatedData);
  } catch (error) {
    throw new NotificationRejected('decrypt', `resource does not decrypt with the APIv3 key: ${(error as Error).message}`);
  }
  return parseObject(plaintext, 'decrypted resource');
}

const TRADE_STATUS: Record<string, VerifiedNotification['status']> = {
  SUCCESS: 'paid',
  CLOSED: 'closed',
  REVOKED: 'closed',
  NOTPAY: 'pending',
  USERPAYING: 'pending',
  PAYERROR: 'pending',
};

const REFUND_STATUS: Record<string, VerifiedNotification['status']> = {
  SUCCESS: 'refund_success',
  ABNORMAL: 'refund_abnormal',
  CLOSED: 'refund_closed',
};

function paymentNotification(payload: Json): VerifiedNotification {
  const state = requireString(payload, 'trade_state', 'transaction');
  const status = TRADE_STATUS[state];
  if (!status) throw new NotificationRejected('malformed', `unknown trade_state ${state}`);
  return {
    kind: 'payment',
    outTradeNo: requireString(payload, 'out_trade_no', 'transaction'),
    transactionId: requireString(payload, 'transaction_id', 'transaction'),
    // What the order was for; payer_total (less any WeChat coupon) stays in raw for reconciliation.
    amount: requireFen(payload.amount, 'total', 'transaction'),
    status,
    merchantId: requireString(payload, 'mchid', 'transaction'),
    appId: requireString(payload, 'appid', 'transaction'),
    at: optionalDate(payload.success_time),
    raw: payload,
  };
}

function refundNotification(payload: Json): VerifiedNotification {
  const state = requireString(payload, 'refund_status', 'refund');
  const status = REFUND_STATUS[state];
  if (!status) throw new NotificationRejected('malformed', `unknown refund_status ${state}`);
  return {
    kind: 'refund',
    outTradeNo: requireString(payload, 'out_trade_no', 'refund'),
    transactionId: requireString(payload, 'transaction_id', 'refund'),
    amount: requireFen(payload.amount, 'total', 'refund'),
    status,
    merchantId: requireString(payload, 'mchid', 'refund'),
    outRefundNo: requireString(payload, 'out_refund_no', 'refund'),
    refundId: requireString(payload, 'refund_id', 'refund'),
    refundAmount: requireFen(payload.amount, 'refund', 'refund'),
    currency: typeof (payload.amount as Json | undefined)?.currency === 'string' ? String((payload.amount as Json).currency) : undefined,
    at: optionalDate(payload.success_time),
    raw: payload,
  };
}

const lowerCaseKeys = (headers: Record<string, string | undefined>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));

export function verifyWechatNotification(
  config: ResolvedWechatPayConfig,
  rawBody: string,
  headers: Record<string, string | undefined>,
): VerifiedNotification {
  const h = lowerCaseKeys(headers);
  const check = checkWechatSignature(
    {
      timestamp: h['wechatpay-timestamp'],
      nonce: h['wechatpay-nonce'],
      signature: h['wechatpay-signature'],
      serial: h['wechatpay-serial'],
      body: rawBody,
    },
    config.verifiers,
    config.now(),
    config.timestampWindowSeconds,
  );
  if (!check.ok) throw new NotificationRejected(check.reason, check.message);

  const envelope = parseObject(rawBody, 'notification');
  const eventType = requireString(envelope, 'event_type', 'notification');
  const payload = decryptResource(envelope.resource, config.apiV3Key);

  let notification: VerifiedNotification;
  if (eventType.startsWith('TRANSACTION.')) notification = paymentNotification(payload);
  else if (eventType.startsWith('REFUND.')) notification = refundNotification(payload);
  else throw new NotificationRejected('malformed', `unsupported event_type ${eventType}`);

  // Signed by WeChat, but for another merchant or app than ours: not a payment we created.
  if (notification.merchantId !== config.mchid) {
    throw new NotificationRejected('merchant', `notification is for mchid ${notification.merchantId}`);
  }
  if (notification.appId !== undefined && !config.appids.has(notification.appId)) {
    throw new NotificationRejected('merchant', `notification is for appid ${notification.appId}`);
  }
  return notification;
}
