/**
 * Test doubles for WeChat Pay APIv3, built from keys made here: a merchant key pair, a
 * self-signed platform certificate (openssl), a "微信支付公钥" key pair, and notifications
 * and API answers signed and encrypted exactly as WeChat Pay does.
 */
import { execFileSync } from 'child_process';
import { createCipheriv, createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

export const MCHID = '1900000109';
export const APPID = 'wxd678efh567hg6787';
export const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD2B7AC2C1';
export const PLATFORM_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F6B2F1';
export const PUBLIC_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';
export const API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
export const NOW = new Date('2026-03-01T08:30:15.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  publicKey: KeyObject;
}

export interface WechatKeys {
  dir: string;
  merchant: KeyPair;
  /** Platform key pair behind the self-signed certificate with serial PLATFORM_SERIAL. */
  platform: KeyPair & { certificatePem: string };
  /** The public key scheme: WeChat signs with this pair under PUBLIC_KEY_ID. */
  publicKeyMode: KeyPair;
  /** Someone else's key, for forgeries. */
  attacker: KeyPair;
  files: { merchantKey: string; platformCert: string; publicKey: string };
  cleanup(): void;
}

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKey,
  };
}

/** Node cannot issue X.509 certificates, openssl (Debian) can. */
export function makeWechatKeys(): WechatKeys {
  const dir = mkdtempSync(join(tmpdir(), 'wechatpay-test-'));
  const keyFile = join(dir, 'platform_key.pem');
  const certFile = join(dir, 'wechatpay_cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '3650',
      '-subj', '/C=CN/O=Tenpay.com/OU=Tenpay.com CA Center/CN=Tenpay.com Root CA', '-set_serial', `0x${PLATFORM_SERIAL}`],
    { stdio: 'pipe' },
  );
  const platformPrivatePem = readFileSync(keyFile, 'utf8');
  const platformPublic = createPublicKey(platformPrivatePem);
  const merchant = keyPair();
  const publicKeyMode = keyPair();
  const files = { merchantKey: join(dir, 'apiclient_key.pem'), platformCert: certFile, publicKey: join(dir, 'pub_key.pem') };
  writeFileSync(files.merchantKey, merchant.privateKeyPem);
  writeFileSync(files.publicKey, publicKeyMode.publicKeyPem);
  return {
    dir,
    merchant,
    platform: {
      privateKeyPem: platformPrivatePem,
      publicKeyPem: platformPublic.export({ type: 'spki', format: 'pem' }).toString(),
      publicKey: platformPublic,
      certificatePem: readFileSync(certFile, 'utf8'),
    },
    publicKeyMode,
    attacker: keyPair(),
    files,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const rsaSign = (message: string, privateKeyPem: string): string =>
  createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');

export const rsaVerify = (message: string, signature: string, publicKey: KeyObject): boolean =>
  createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64');

export const nonceString = (length = 32): string => randomBytes(length).toString('hex').slice(0, length);

/** AEAD_AES_256_GCM as WeChat Pay encrypts a notification resource: base64(ciphertext ‖ 16-byte tag). */
export function encryptResource(plaintext: string, key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export type SignedHeaders = {
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Serial': string;
  'Wechatpay-Signature-Type': string;
};

export function signedHeaders(
  body: string,
  options: { privateKeyPem: string; serial: string; timestamp?: number; nonce?: string },
): SignedHeaders {
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  const nonce = options.nonce ?? nonceString();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(`${timestamp}\n${nonce}\n${body}\n`, options.privateKeyPem),
    'Wechatpay-Serial': options.serial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

export const paidTransaction = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  mchid: MCHID,
  appid: APPID,
  out_trade_no: 'SM2026030100001',
  transaction_id: '4200002100202603011234567890',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  attach: '',
  success_time: '2026-03-01T16:30:10+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 9900, payer_total: 9800, currency: 'CNY', payer_currency: 'CNY' },
  ...overrides,
});

export const refundResult = (refundStatus: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  mchid: MCHID,
  out_trade_no: 'SM2026030100001',
  transaction_id: '4200002100202603011234567890',
  out_refund_no: 'RF2026030100001',
  refund_id: '50300908092018010222332222222',
  refund_status: refundStatus,
  ...(refundStatus === 'SUCCESS' ? { success_time: '2026-03-01T17:00:00+08:00' } : {}),
  user_received_account: '支付用户零钱',
  amount: { total: 9900, refund: 3000, payer_total: 9800, payer_refund: 2970 },
  ...overrides,
});

export interface NotificationOptions {
  eventType?: string;
  /** The decrypted resource. */
  payload?: Record<string, unknown>;
  apiV3Key?: string;
  associatedData?: string;
  signingKeyPem?: string;
  serial?: string;
  timestamp?: number;
  /** Change the encrypted resource before the envelope is signed. */
  tamperCiphertext?: (ciphertext: string, nonce: string, associatedData: string) => string;
}

/** A notification body and headers exactly as WeChat Pay POSTs them to notify_url. */
export function buildNotification(keys: WechatKeys, options: NotificationOptions = {}) {
  const eventType = options.eventType ?? 'TRANSACTION.SUCCESS';
  const isRefund = eventType.startsWith('REFUND.');
  const payload = options.payload ?? (isRefund ? refundResult('SUCCESS') : paidTransaction());
  const nonce = nonceString(12);
  const associatedData = options.associatedData ?? (isRefund ? 'refund' : 'transaction');
  let ciphertext = encryptResource(JSON.stringify(payload), options.apiV3Key ?? API_V3_KEY, nonce, associatedData);
  if (options.tamperCiphertext) ciphertext = options.tamperCiphertext(ciphertext, nonce, associatedData);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2026-03-01T16:30:12+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: isRefund ? '退款成功' : '支付成功',
    resource: { original_type: isRefund ? 'refund' : 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce },
  });
  const headers: Record<string, string> = {
    ...signedHeaders(body, {
      privateKeyPem: options.signingKeyPem ?? keys.platform.privateKeyPem,
      serial: options.serial ?? PLATFORM_SERIAL,
      timestamp: options.timestamp,
    }),
  };
  return { body, headers };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The Authorization header's fields, and whether its signature verifies with the merchant public key. */
  authorization: Record<string, string>;
  signatureValid: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** Sign with this key/serial (default: the platform certificate); `false` leaves the answer unsigned. */
  sign?: false | { privateKeyPem: string; serial: string; timestamp?: number };
  /** Replace the signature after signing (a forged answer). */
  forgeSignature?: boolean;
}

const AUTHORIZATION = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;

export function parseAuthorization(value: string | undefined): Record<string, string> {
  const match = AUTHORIZATION.exec(value ?? '');
  if (!match) return {};
  return Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, val]) => [key, val]));
}

/**
 * A local WeChat Pay: checks each request's Authorization against the merchant public key as
 * WeChat does (401 SIGN_ERROR otherwise), answers what the test says, signed like WeChat.
 */
export async function startWechatPayServer(keys: WechatKeys, answer: (request: ReceivedRequest) => Answer) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const authorization = parseAuthorization(req.headers.authorization);
      const message = `${req.method}\n${req.url}\n${authorization.timestamp}\n${authorization.nonce_str}\n${body}\n`;
      const signatureValid =
        authorization.mchid === MCHID &&
        authorization.serial_no === MERCHANT_SERIAL &&
        Boolean(authorization.signature) &&
        rsaVerify(message, authorization.signature, keys.merchant.publicKey);
      const request: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, authorization, signatureValid };
      received.push(request);
      const reply: Answer = signatureValid
        ? answer(request)
        : { status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' }, sign: false };
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      const headers: Record<string, string> = { 'Request-ID': '08F2E999C90610A4011889CD8C5820C8EC0428C936-0' };
      if (text) headers['Content-Type'] = 'application/json; charset=utf-8';
      if (reply.sign !== false) {
        Object.assign(headers, signedHeaders(text, reply.sign ?? { privateKeyPem: keys.platform.privateKeyPem, serial: PLATFORM_SERIAL }));
        if (reply.forgeSignature) headers['Wechatpay-Signature'] = rsaSign(`${NOW_SECONDS}\nforged\n${text}\n`, keys.attacker.privateKeyPem);
      }
      res.writeHead(reply.status, headers);
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
