import crypto from 'crypto';
import { DEFAULT_TIMEOUT_MS, exchangeJson, isRecord } from './http';
import { SmsProviderError, type HttpProviderDeps, type SmsProvider } from './types';

/**
 * Aliyun Dysmsapi SendSms (2017-05-25) over the RPC protocol with signature version 1.0
 * (HMAC-SHA1): https://help.aliyun.com/document_detail/101343.html
 */
export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  /** Default sign name when the message template has none. */
  signName?: string;
  endpoint: string;
  regionId?: string;
}

/**
 * RFC 3986 encoding as Aliyun wants it: only A–Z a–z 0–9 - _ . ~ stay literal, a space is %20.
 * encodeURIComponent also leaves ! ' ( ) * alone, so those are escaped by hand.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parameters sorted by name (byte order), each name and value percent-encoded, joined by &. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

/** "GET&%2F&" + the encoded canonical query. */
export function aliyunStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with the secret plus "&". */
export function aliyunSignature(params: Readonly<Record<string, string>>, accessKeySecret: string, method = 'GET'): string {
  return crypto.createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** "2017-07-12T02:42:19Z" — Aliyun rejects milliseconds. */
export const aliyunTimestamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createAliyunSmsProvider(config: AliyunSmsConfig, deps: HttpProviderDeps = {}): SmsProvider {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? (() => new Date());
  const nonce = deps.nonce ?? (() => crypto.randomUUID());
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    name: 'aliyun',
    async send(message) {
      const signName = message.signName || config.signName;
      if (!signName) throw new SmsProviderError('aliyun', 'no sign name (ALIYUN_SMS_SIGN_NAME or the template signName)');
      if (!message.providerTemplateId) {
        throw new SmsProviderError('aliyun', `template "${message.templateCode}" has no providerTemplateId (SMS_xxx)`);
      }
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: config.regionId ?? 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: nonce(),
        SignatureVersion: '1.0',
        Timestamp: aliyunTimestamp(now()),
        Version: '2017-05-25',
        PhoneNumbers: message.phone,
        SignName: signName,
        TemplateCode: message.providerTemplateId,
        TemplateParam: JSON.stringify(message.vars),
      };
      // POST keeps the phone number and the signature out of proxy access logs.
      const body = `${canonicalQuery(params)}&Signature=${percentEncode(aliyunSignature(params, config.accessKeySecret, 'POST'))}`;
      const url = new URL('/', config.endpoint).toString();
      const reply = await exchangeJson(
        'aliyun',
        fetchImpl,
        url,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
        timeoutMs,
      );
      const answer = isRecord(reply.body) ? reply.body : {};
      if (reply.status === 200 && answer.Code === 'OK' && typeof answer.BizId === 'string') {
        return { messageId: answer.BizId };
      }
      const code = typeof answer.Code === 'string' ? answer.Code : undefined;
      const detail = typeof answer.Message === 'string' ? answer.Message : 'unexpected answer';
      throw new SmsProviderError('aliyun', `${code ?? `HTTP ${reply.status}`}: ${detail}`, {
        providerCode: code,
        httpStatus: reply.status,
      });
    },
  };
}
