import type { KeyObject } from 'crypto';
import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { PlatformVerifier } from './config';

/**
 * WeChat Pay APIv3 signatures (签名生成 / 签名验证): SHA256withRSA over lines joined and ended by
 * "\n". Requests are signed with the merchant key; responses and notifications are verified
 * with the platform certificate or WeChat Pay public key named by Wechatpay-Serial.
 */

/** WeChat sometimes sends deliberately wrong signatures to check merchants verify them (签名探测). */
export const SIGNATURE_PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

export const unixSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** `Authorization` for one request; `url` is the path plus query string, exactly as sent. */
export function authorizationHeader(input: {
  mchid: string;
  serial: string;
  privateKey: KeyObject;
  method: string;
  url: string;
  timestamp: number;
  nonce: string;
  body: string;
}): string {
  const message = Formatter.request(input.method, input.url, input.timestamp, input.nonce, input.body);
  const signature = Rsa.sign(message, input.privateKey);
  return Formatter.authorization(input.mchid, input.nonce, signature, input.timestamp, input.serial);
}

/** Base64 SHA256withRSA over `lines`, each followed by "\n": the client-side paySign / sign. */
export const signLines = (privateKey: KeyObject, ...lines: string[]): string =>
  Rsa.sign(Formatter.joinedByLineFeed(...lines), privateKey);

export interface SignedMessage {
  timestamp?: string;
  nonce?: string;
  signature?: string;
  serial?: string;
  body: string;
}

export type SignatureCheck =
  | { ok: true; serial: string }
  | { ok: false; reason: 'malformed' | 'serial' | 'timestamp' | 'signature'; message: string };

/**
 * Checks Wechatpay-Serial / Timestamp / Nonce / Signature over `${timestamp}\n${nonce}\n${body}\n`.
 * Order matters only for the reason reported: serial, then timestamp window, then signature.
 */
export function checkWechatSignature(
  message: SignedMessage,
  verifiers: Map<string, PlatformVerifier>,
  now: Date,
  windowSeconds: number,
): SignatureCheck {
  const { timestamp, nonce, signature, serial, body } = message;
  if (!timestamp || !nonce || !signature || !serial) {
    return { ok: false, reason: 'malformed', message: 'missing Wechatpay-Timestamp/Nonce/Signature/Serial' };
  }
  const verifier = verifiers.get(serial.trim().toUpperCase());
  if (!verifier) return { ok: false, reason: 'serial', message: `unknown Wechatpay-Serial ${serial}` };
  if (verifier.validTo && now > verifier.validTo) {
    return { ok: false, reason: 'serial', message: `platform certificate ${serial} expired at ${verifier.validTo.toISOString()}` };
  }
  const { key } = verifier;
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'timestamp', message: 'Wechatpay-Timestamp is not a number' };
  const skew = Math.abs(unixSeconds(now) - Number(timestamp));
  if (skew > windowSeconds) {
    return { ok: false, reason: 'timestamp', message: `Wechatpay-Timestamp is ${skew}s away from now` };
  }
  if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) {
    return { ok: false, reason: 'signature', message: 'signature probe (WECHATPAY/SIGNTEST)' };
  }
  let valid = false;
  try {
    valid = Rsa.verify(Formatter.response(timestamp, nonce, body), signature, key);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, serial } : { ok: false, reason: 'signature', message: 'Wechatpay-Signature does not verify' };
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** RFC 3339 in Beijing time as WeChat Pay writes it: 2026-03-01T16:30:15+08:00. */
export function toBeijingRfc3339(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
