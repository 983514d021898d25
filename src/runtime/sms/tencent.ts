import crypto from 'crypto';
import { DEFAULT_TIMEOUT_MS, exchangeJson, isRecord } from './http';
import { SmsProviderError, toE164, type HttpProviderDeps, type SmsProvider } from './types';

/**
 * Tencent Cloud SMS SendSms (API 2021-01-11) signed with TC3-HMAC-SHA256:
 * https://cloud.tencent.com/document/api/382/52072
 */
export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  /** Default sign name when the message template has none. */
  signName?: string;
  region: string;
  endpoint: string;
}

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  service: string;
  /** Unix seconds; the credential date is its UTC day. */
  timestamp: number;
  method?: string;
  path?: string;
  query?: string;
  /** Headers to sign, e.g. content-type and host. */
  headers: Readonly<Record<string, string>>;
  payload: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
}

const sha256Hex = (data: string): string => crypto.createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: crypto.BinaryLike, data: string): Buffer => crypto.createHmac('sha256', key).update(data, 'utf8').digest();

/** Header names and values lower-cased and trimmed, sorted by name, one "name:value\n" each. */
export function tc3Sign(request: Tc3Request): Tc3Signature {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    (request.method ?? 'POST').toUpperCase(),
    request.path ?? '/',
    request.query ?? '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n');

  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${request.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(request.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');

  const secretDate = hmac(`TC3${request.secretKey}`, date);
  const secretService = hmac(secretDate, request.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = crypto.createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');

  return {
    canonicalRequest,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

const CONTENT_TYPE = 'application/json; charset=utf-8';
const ACTION = 'SendSms';
const VERSION = '2021-01-11';

export function createTencentSmsProvider(config: TencentSmsConfig, deps: HttpProviderDeps = {}): SmsProvider {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? (() => new Date());
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = new URL(config.endpoint);

  return {
    name: 'tencent',
    async send(message) {
      const signName = message.signName || config.signName;
      if (!signName) throw new SmsProviderError('tencent', 'no sign name (TENCENT_SMS_SIGN_NAME or the template signName)');
      if (!message.providerTemplateId) {
        throw new SmsProviderError('tencent', `template "${message.templateCode}" has no providerTemplateId`);
      }
      const payload = JSON.stringify({
        PhoneNumberSet: [toE164(message.phone)],
        SmsSdkAppId: config.sdkAppId,
        SignName: signName,
        TemplateId: message.providerTemplateId,
        // Tencent templates are positional ({1}, {2}…): vars arrive in the template's order.
        TemplateParamSet: Object.values(message.vars),
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const signed = tc3Sign({
        secretId: config.secretId,
        secretKey: config.secretKey,
        service: 'sms',
        timestamp,
        headers: { 'content-type': CONTENT_TYPE, host: endpoint.host, 'x-tc-action': ACTION },
        payload,
      });
      const reply = await exchangeJson(
        'tencent',
        fetchImpl,
        new URL('/', endpoint).toString(),
        {
          method: 'POST',
          headers: {
            authorization: signed.authorization,
            'content-type': CONTENT_TYPE,
            'x-tc-action': ACTION,
            'x-tc-version': VERSION,
            'x-tc-timestamp': String(timestamp),
            'x-tc-region': config.region,
          },
          body: payload,
        },
        timeoutMs,
      );

      const response = isRecord(reply.body) && isRecord(reply.body.Response) ? reply.body.Response : undefined;
      if (!response) throw new SmsProviderError('tencent', `HTTP ${reply.status} without a Response object`, { httpStatus: reply.status });
      if (isRecord(response.Error)) {
        const code = String(response.Error.Code ?? 'Unknown');
        throw new SmsProviderError('tencent', `${code}: ${String(response.Error.Message ?? '')}`, {
          providerCode: code,
          httpStatus: reply.status,
        });
      }
      const status = Array.isArray(response.SendStatusSet) && isRecord(response.SendStatusSet[0]) ? response.SendStatusSet[0] : undefined;
      // The call can succeed while the one message fails (e.g. LimitExceeded.PhoneNumberDailyLimit).
      if (!status || status.Code !== 'Ok') {
        const code = status ? String(status.Code) : undefined;
        throw new SmsProviderError('tencent', `${code ?? 'no SendStatusSet'}: ${status ? String(status.Message ?? '') : ''}`, {
          providerCode: code,
          httpStatus: reply.status,
        });
      }
      return { messageId: String(status.SerialNo ?? response.RequestId ?? '') };
    },
  };
}
