import { Formatter } from 'wechatpay-axios-plugin';
import { ProviderError } from '../types';
import type { ResolvedWechatPayConfig } from './config';
import { authorizationHeader, checkWechatSignature, unixSeconds } from './signature';

export interface WechatPayResponse {
  status: number;
  /** Parsed JSON body; undefined for 204 No Content. */
  data: Record<string, unknown> | undefined;
}

export type WechatPayRequest = (method: 'GET' | 'POST', path: string, body?: Record<string, unknown>) => Promise<WechatPayResponse>;

const header = (headers: Headers, name: string): string | undefined => headers.get(name) ?? undefined;

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signed calls to WeChat Pay APIv3 with Node's fetch. A 2xx answer counts only once its
 * signature verifies (WeChat: "没有携带签名的成功应答，应认为是伪造或被篡改的应答"); an error answer
 * becomes a ProviderError carrying WeChat's `code` — and if it is signed, the signature must hold too.
 */
export function createWechatPayRequest(config: ResolvedWechatPayConfig): WechatPayRequest {
  return async (method, path, body) => {
    const url = new URL(`${config.apiBase}${path}`);
    const payload = body === undefined ? '' : JSON.stringify(body);
    const nonce = Formatter.nonce(32);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'shangmen-payments (wechatpay-apiv3)',
      Authorization: authorizationHeader({
        mchid: config.mchid,
        serial: config.serial,
        privateKey: config.privateKey,
        method,
        url: `${url.pathname}${url.search}`,
        timestamp: unixSeconds(config.now()),
        nonce,
        body: payload,
      }),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // While a merchant moves to the public key scheme, WeChat signs a response with the public
    // key only when the request names it.
    if (config.publicKeyId) headers['Wechatpay-Serial'] = config.publicKeyId;

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : payload,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ProviderError('wechat', `WeChat Pay ${method} ${url.pathname} failed: ${(error as Error).message}`, {
        code: 'NETWORK_ERROR',
        cause: (error as Error).message,
      });
    }

    const requestId = header(response.headers, 'Request-ID');
    const signed = {
      timestamp: header(response.headers, 'Wechatpay-Timestamp'),
      nonce: header(response.headers, 'Wechatpay-Nonce'),
      signature: header(response.headers, 'Wechatpay-Signature'),
      serial: header(response.headers, 'Wechatpay-Serial'),
      body: text,
    };
    const isSuccess = response.status >= 200 && response.status < 300;
    if (isSuccess || signed.signature) {
      const check = checkWechatSignature(signed, config.verifiers, config.now(), config.timestampWindowSeconds);
      if (!check.ok) {
        throw new ProviderError('wechat', `WeChat Pay response to ${method} ${url.pathname} rejected: ${check.message}`, {
          code: 'RESPONSE_SIGNATURE_INVALID',
          reason: check.reason,
          status: response.status,
          requestId,
        });
      }
    }

    const data = text === '' ? undefined : parseJson(text);
    if (!isSuccess) {
      const code = typeof data?.code === 'string' ? data.code : `HTTP_${response.status}`;
      const message = typeof data?.message === 'string' ? data.message : text.slice(0, 200);
      throw new ProviderError('wechat', `WeChat Pay ${code}: ${message}`, { code, status: response.status, requestId, body: data });
    }
    if (text !== '' && data === undefined) {
      throw new ProviderError('wechat', `WeChat Pay answered ${method} ${url.pathname} with a body that is not a JSON object`, {
        code: 'RESPONSE_MALFORMED',
        status: response.status,
        requestId,
      });
    }
    return { status: response.status, data };
  };
}
