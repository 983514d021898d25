import crypto from 'crypto';
import { zonedParts } from '../../../../../../runtime/clock';

/**
 * UnionPay 全渠道 5.1.0 messages with signMethod 01: flat string fields, signed as
 * base64(SHA256withRSA(hex(SHA-256(k1=v1&k2=v2…)))) over every field but `signature`, sorted by
 * name (UnionPay SDK: SDKUtil.signByCertInfo / validate, SecureUtil.sha256X16). The lowercase
 * hex digest, not the raw string, is what the RSA signature covers.
 */

export type UnionPayFields = Record<string, string>;

export function signingString(fields: UnionPayFields): string {
  return Object.keys(fields)
    .filter((key) => key !== 'signature')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
}

const digestHex = (fields: UnionPayFields) => crypto.createHash('sha256').update(signingString(fields), 'utf8').digest('hex');

/** The fields with blanks dropped (as the SDK's filterBlank) and `signature` added. */
export function signFields(fields: Record<string, string | undefined>, privateKey: crypto.KeyObject): UnionPayFields {
  const present: UnionPayFields = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value.trim() !== '') present[key] = value;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(digestHex(present), 'utf8'), privateKey).toString('base64');
  return { ...present, signature };
}

export function signatureVerifies(fields: UnionPayFields, publicKey: crypto.KeyObject): boolean {
  if (!fields.signature) return false;
  return crypto.verify('RSA-SHA256', Buffer.from(digestHex(fields), 'utf8'), publicKey, Buffer.from(fields.signature, 'base64'));
}

/** A back notification: a form-encoded POST. A field sent twice makes it ambiguous. */
export function parseNotifyBody(rawBody: string): UnionPayFields {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawBody)) {
    if (fields.has(key)) throw new Error(`field ${key} appears twice`);
    fields.set(key, value);
  }
  return Object.fromEntries(fields);
}

/**
 * A synchronous gateway answer: `k=v&…` that is NOT URL-encoded (the signature and the PEM
 * certificate arrive raw), where a value in {…} or […] may itself contain '&' and '='
 * (UnionPay SDK: SDKUtil.parseQString).
 */
export function parseGatewayAnswer(text: string): UnionPayFields {
  let body = text.trim();
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const fields = new Map<string, string>();
  const put = (key: string, value: string) => {
    if (!key) throw new Error('answer has a field without a name');
    if (fields.has(key)) throw new Error(`answer repeats ${key}`);
    fields.set(key, value);
  };
  let key = '';
  let current = '';
  let inKey = true;
  let closer = '';
  for (const char of body) {
    if (inKey) {
      if (char === '=') {
        key = current;
        current = '';
        inKey = false;
      } else {
        current += char;
      }
      continue;
    }
    if (closer) {
      if (char === closer) closer = '';
    } else if (char === '{') {
      closer = '}';
    } else if (char === '[') {
      closer = ']';
    }
    if (char === '&' && !closer) {
      put(key, current);
      current = '';
      inKey = true;
    } else {
      current += char;
    }
  }
  if (body) inKey ? put(current, '') : put(key, current);
  return Object.fromEntries(fields);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyyMMddHHmmss in Beijing time (txnTime, payTimeout). */
export function unionpayTime(at: Date): string {
  const p = zonedParts(at, 'Asia/Shanghai');
  return `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page that posts the signed fields to UnionPay's front gateway as soon as the browser loads it. */
export function autoSubmitForm(action: string, fields: UnionPayFields): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}"/>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="UTF-8"><title>银联支付</title></head>',
    '<body>',
    `<form id="unionpay_form" action="${escapeHtml(action)}" method="post" accept-charset="UTF-8">`,
    inputs,
    '<noscript><button type="submit">前往银联支付</button></noscript>',
    '</form>',
    '<script>document.getElementById("unionpay_form").submit();</script>',
    '</body></html>',
  ].join('\n');
}
