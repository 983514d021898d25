/**
 * Test doubles for Alipay (RSA2, public-key mode), built from keys made here: "Alipay" has one
 * key pair (we hold its public key), our application another (Alipay holds its public key), and
 * a stranger a third, for forgeries. Notifications and gateway answers are signed exactly as
 * Alipay signs them.
 */
import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';

export const APP_ID = '2021000000000001';
export const SELLER_ID = '2088000000000001';

export const rsaPair = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

export interface AlipayKeys {
  /** Alipay's own pair: it signs notifications and gateway answers. */
  alipay: crypto.KeyPairKeyObjectResult;
  /** Our application's pair: we sign requests, Alipay verifies them. */
  app: crypto.KeyPairKeyObjectResult;
  stranger: crypto.KeyPairKeyObjectResult;
}

export const makeAlipayKeys = (): AlipayKeys => ({ alipay: rsaPair(), app: rsaPair(), stranger: rsaPair() });

export const pem = (key: crypto.KeyObject, type: 'pkcs1' | 'pkcs8' | 'spki') => String(key.export({ type, format: 'pem' } as never));

/** The string Alipay signs: every field but sign and sign_type, sorted, `k=v&…`, values decoded. */
export const signedContent = (fields: Record<string, string>, skip: string[]) =>
  Object.keys(fields)
    .filter((key) => !skip.includes(key))
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');

/** True when our application key signed these request parameters (all but `sign`, sorted). */
export const signedByApp = (keys: Pick<AlipayKeys, 'app'>, params: Record<string, string>) =>
  crypto.verify('RSA-SHA256', Buffer.from(signedContent(params, ['sign']), 'utf8'), keys.app.publicKey, Buffer.from(params.sign ?? '', 'base64'));

export interface NotificationOptions {
  /** Sign with this key instead of Alipay's. */
  key?: crypto.KeyObject;
  signType?: 'RSA2' | 'RSA';
  /** Change the posted fields after signing. */
  after?: (fields: Record<string, string>) => void;
}

/** A notification body exactly as Alipay posts it (form-encoded, signed with Alipay's key). */
export function alipayNotification(keys: Pick<AlipayKeys, 'alipay'>, fields: Record<string, string>, opts: NotificationOptions = {}): string {
  const signType = opts.signType ?? 'RSA2';
  const content = signedContent(fields, ['sign', 'sign_type']);
  const sign = crypto.sign(signType === 'RSA2' ? 'RSA-SHA256' : 'RSA-SHA1', Buffer.from(content, 'utf8'), opts.key ?? keys.alipay.privateKey).toString('base64');
  const posted = { ...fields, sign, sign_type: signType };
  opts.after?.(posted);
  return new URLSearchParams(posted).toString();
}

/** The fields of a TRADE_SUCCESS notification for 123.45 yuan, as Alipay sends them. */
export const paidFields = (extra: Record<string, string> = {}): Record<string, string> => ({
  gmt_create: '2026-03-01 10:00:05',
  charset: 'utf-8',
  gmt_payment: '2026-03-01 10:00:30',
  notify_time: '2026-03-01 10:00:31',
  subject: '家庭保洁 2小时',
  buyer_id: '2088102116773037',
  invoice_amount: '123.45',
  version: '1.0',
  notify_id: '2026030100222100031000000001',
  fund_bill_list: '[{"amount":"123.45","fundChannel":"ALIPAYACCOUNT"}]',
  notify_type: 'trade_status_sync',
  out_trade_no: 'PY2026030110000012345678',
  total_amount: '123.45',
  trade_status: 'TRADE_SUCCESS',
  trade_no: '2026030122001400000000000001',
  auth_app_id: APP_ID,
  receipt_amount: '123.45',
  point_amount: '0.00',
  buyer_pay_amount: '123.45',
  app_id: APP_ID,
  seller_id: SELLER_ID,
  ...extra,
});

export interface GatewayAnswer {
  /** The `<method>_response` node. */
  node: Record<string, unknown>;
  /** Who signs the answer: Alipay (default), a stranger, or nobody. */
  sign?: 'alipay' | 'stranger' | 'none';
  status?: number;
}

export interface GatewayRequest {
  params: Record<string, string>;
  signedByApp: boolean;
  biz: Record<string, string>;
}

/** Stands in for openapi.alipay.com/gateway.do: checks our signature, answers signed as Alipay. */
export async function startAlipayGateway(keys: AlipayKeys) {
  const requests: GatewayRequest[] = [];
  let answer: (method: string, request: GatewayRequest) => GatewayAnswer = () => ({ node: { code: '10000', msg: 'Success' } });
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const params = { ...Object.fromEntries(url.searchParams), ...Object.fromEntries(new URLSearchParams(body)) };
      const request: GatewayRequest = { params, signedByApp: signedByApp(keys, params), biz: JSON.parse(params.biz_content ?? '{}') };
      requests.push(request);
      const reply = answer(params.method, request);
      const node = JSON.stringify(reply.node);
      const key = reply.sign === 'stranger' ? keys.stranger.privateKey : keys.alipay.privateKey;
      const sign = crypto.sign('RSA-SHA256', Buffer.from(node, 'utf8'), key).toString('base64');
      const responseKey = `${String(params.method).replace(/\./g, '_')}_response`;
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/html;charset=utf-8' });
      res.end(reply.sign === 'none' ? `{"${responseKey}":${node}}` : `{"${responseKey}":${node},"sign":"${sign}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    gateway: `http://127.0.0.1:${port}/gateway.do`,
    requests,
    answer(next: (method: string, request: GatewayRequest) => GatewayAnswer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
