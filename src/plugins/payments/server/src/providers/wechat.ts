import { Formatter } from 'wechatpay-axios-plugin';
import { assertFen } from '../../../../../runtime/money';
import {
  ProviderError,
  type CreatePaymentInput,
  type CreatePaymentResult,
  type NotifyReply,
  type PaymentProvider,
  type QueryResult,
  type RefundInput,
  type RefundQueryResult,
  type RefundResult,
} from './types';
import { createWechatPayRequest, type WechatPayRequest } from './wechat/api-client';
import { expiringPlatformCertificates, resolveWechatPayConfig, wechatConfigFromEnv, type ResolvedWechatPayConfig, type WechatPayConfig } from './wechat/config';
import { verifyWechatNotification } from './wechat/notification';
import { signLines, toBeijingRfc3339, unixSeconds } from './wechat/signature';

export { wechatConfigFromEnv, type WechatPayConfig, type WechatPayEnvConfig, type WechatPayPlatformKey } from './wechat/config';

/**
 * WeChat Pay APIv3 for direct merchants (普通商户): JSAPI (mini-program / 公众号), App, H5 and
 * Native QR payments, refunds, order query and close, verified notifications.
 */

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function requireText(data: Json | undefined, field: string, what: string): string {
  const value = text(data?.[field]);
  if (!value) throw new ProviderError('wechat', `${what} answer has no ${field}`, { code: 'RESPONSE_MALFORMED', body: data });
  return value;
}

const pathSegment = (value: string): string => encodeURIComponent(value);

const QUERY_STATUS: Record<string, QueryResult['status']> = {
  SUCCESS: 'paid',
  REFUND: 'refunded',
  NOTPAY: 'unpaid',
  USERPAYING: 'unpaid',
  // A failed attempt leaves the order unpaid; the unpaid-timeout closes it like any other.
  PAYERROR: 'unpaid',
  CLOSED: 'closed',
  REVOKED: 'closed',
};

const REFUND_STATUS: Record<string, RefundResult['status']> = {
  SUCCESS: 'success',
  PROCESSING: 'processing',
  // ABNORMAL: the money could not go back (e.g. the card was cancelled) — needs an operator.
  ABNORMAL: 'abnormal',
  CLOSED: 'failed',
};

const REFUND_QUERY_STATUS: Record<string, RefundQueryResult['status']> = {
  SUCCESS: 'success',
  PROCESSING: 'processing',
  ABNORMAL: 'abnormal',
  CLOSED: 'closed',
};

function refundAnswer(data: Json | undefined, what: string): RefundQueryResult {
  const state = requireText(data, 'status', what);
  const status = REFUND_QUERY_STATUS[state];
  if (!status) throw new ProviderError('wechat', `unknown refund status ${state}`, { code: 'RESPONSE_MALFORMED', body: data });
  const amount = data?.amount as Json | undefined;
  const successTime = text(data?.success_time);
  return {
    status,
    amount: typeof amount?.refund === 'number' ? amount.refund : undefined,
    refundId: text(data?.refund_id),
    at: successTime ? new Date(successTime) : undefined,
    raw: data,
  };
}

const unsupported = (clientType: string): ProviderError =>
  new ProviderError('wechat', `WeChat Pay has no ${clientType} payment`, { code: 'CLIENT_TYPE_UNSUPPORTED' });

const ENDPOINT: Record<string, string> = {
  jsapi: '/v3/pay/transactions/jsapi',
  app: '/v3/pay/transactions/app',
  h5: '/v3/pay/transactions/h5',
  native: '/v3/pay/transactions/native',
};

/** The appid a payment goes under: the one the payer named (if bound to us), else the client type's. */
function appidFor(config: ResolvedWechatPayConfig, input: CreatePaymentInput): string {
  if (input.appid !== undefined) {
    if (!config.appids.has(input.appid)) {
      throw new ProviderError('wechat', `appid ${input.appid} is not bound to this merchant`, { code: 'APPID_NOT_CONFIGURED' });
    }
    return input.appid;
  }
  return input.clientType === 'app' ? config.appAppid : config.appid;
}

function orderBody(config: ResolvedWechatPayConfig, input: CreatePaymentInput, appid: string): Json {
  const amount = assertFen(input.amount);
  if (amount < 1) throw new RangeError('a WeChat Pay order must be at least 1 fen');
  const body: Json = {
    appid,
    mchid: config.mchid,
    description: input.description,
    out_trade_no: input.outTradeNo,
    time_expire: toBeijingRfc3339(input.expiresAt),
    notify_url: input.notifyUrl,
    amount: { total: amount, currency: 'CNY' },
  };
  if (input.clientType === 'jsapi') {
    if (!input.openid) throw new ProviderError('wechat', 'a JSAPI payment needs the payer openid', { code: 'OPENID_REQUIRED' });
    body.payer = { openid: input.openid };
  }
  if (input.clientType === 'h5') {
    if (!input.clientIp) throw new ProviderError('wechat', 'an H5 payment needs the payer IP', { code: 'CLIENT_IP_REQUIRED' });
    body.scene_info = { payer_client_ip: input.clientIp, h5_info: { type: 'Wap' } };
  } else if (input.clientIp) {
    body.scene_info = { payer_client_ip: input.clientIp };
  }
  return body;
}

/** What the client SDK needs to start paying, signed with the merchant key where WeChat asks. */
function clientParams(config: ResolvedWechatPayConfig, input: CreatePaymentInput, appid: string, data: Json | undefined): CreatePaymentResult {
  const timestamp = String(unixSeconds(config.now()));
  const nonce = Formatter.nonce(32);
  switch (input.clientType) {
    case 'jsapi': {
      const prepayId = requireText(data, 'prepay_id', 'JSAPI order');
      const pkg = `prepay_id=${prepayId}`;
      return {
        channelOrderId: prepayId,
        params: {
          appId: appid,
          timeStamp: timestamp,
          nonceStr: nonce,
          package: pkg,
          signType: 'RSA',
          paySign: signLines(config.privateKey, appid, timestamp, nonce, pkg),
        },
      };
    }
    case 'app': {
      const prepayId = requireText(data, 'prepay_id', 'App order');
      return {
        channelOrderId: prepayId,
        params: {
          appid: appid,
          partnerid: config.mchid,
          prepayid: prepayId,
          package: 'Sign=WXPay',
          noncestr: nonce,
          timestamp,
          sign: signLines(config.privateKey, appid, timestamp, nonce, prepayId),
        },
      };
    }
    case 'h5':
      return { params: { h5_url: requireText(data, 'h5_url', 'H5 order') } };
    case 'native':
      return { params: { code_url: requireText(data, 'code_url', 'Native order') } };
    default:
      throw unsupported(input.clientType);
  }
}

/** WeChat Pay rotates platform certificates with overlap; a month is enough to add the next one. */
const CERTIFICATE_WARNING_DAYS = 30;

export function createWechatPayProvider(options: WechatPayConfig): PaymentProvider {
  const config = resolveWechatPayConfig(options);
  const request: WechatPayRequest = createWechatPayRequest(config);

  return {
    channel: 'wechat',

    async create(input) {
      const endpoint = ENDPOINT[input.clientType];
      if (!endpoint) throw unsupported(input.clientType);
      const appid = appidFor(config, input);
      const { data } = await request('POST', endpoint, orderBody(config, input, appid));
      return clientParams(config, input, appid, data);
    },

    async verifyNotify(rawBody, headers) {
      return verifyWechatNotification(config, rawBody, headers);
    },

    successReply(): NotifyReply {
      // 接收成功：HTTP 200 或 204，无需返回应答报文。
      return { status: 204, contentType: 'text/plain; charset=utf-8', body: '' };
    },

    failureReply(status, message): NotifyReply {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        // WeChat reads any 2xx as "received": a failure must never look like one.
        throw new RangeError(`a WeChat Pay failure reply needs a 4xx/5xx status, got ${status}`);
      }
      return {
        status,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ code: 'FAIL', message: [...message].slice(0, 64).join('') }),
      };
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      const body: Json = {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        notify_url: input.notifyUrl,
        amount: { refund: assertFen(input.amount, 'refund'), total: assertFen(input.total, 'total'), currency: 'CNY' },
      };
      if (input.reason) body.reason = [...input.reason].slice(0, 80).join('');
      const { data } = await request('POST', '/v3/refund/domestic/refunds', body);
      const state = requireText(data, 'status', 'Refund');
      const status = REFUND_STATUS[state];
      if (!status) throw new ProviderError('wechat', `unknown refund status ${state}`, { code: 'RESPONSE_MALFORMED', body: data });
      return { refundId: text(data?.refund_id), status, raw: data };
    },

    async query(outTradeNo): Promise<QueryResult> {
      let data: Json | undefined;
      try {
        ({ data } = await request('GET', `/v3/pay/transactions/out-trade-no/${pathSegment(outTradeNo)}?mchid=${pathSegment(config.mchid)}`));
      } catch (error) {
        if (error instanceof ProviderError && error.details.code === 'ORDER_NOT_EXIST') return { status: 'not_found', raw: error.details.body };
        throw error;
      }
      const state = requireText(data, 'trade_state', 'Order query');
      const status = QUERY_STATUS[state];
      if (!status) throw new ProviderError('wechat', `unknown trade_state ${state}`, { code: 'RESPONSE_MALFORMED', body: data });
      const amount = data?.amount as Json | undefined;
      const successTime = text(data?.success_time);
      return {
        status,
        transactionId: text(data?.transaction_id),
        amount: typeof amount?.total === 'number' ? amount.total : undefined,
        at: successTime ? new Date(successTime) : undefined,
        raw: data,
      };
    },

    async close(outTradeNo) {
      await request('POST', `/v3/pay/transactions/out-trade-no/${pathSegment(outTradeNo)}/close`, { mchid: config.mchid });
    },

    async queryRefund(input) {
      let data: Json | undefined;
      try {
        ({ data } = await request('GET', `/v3/refund/domestic/refunds/${pathSegment(input.outRefundNo)}`));
      } catch (error) {
        if (error instanceof ProviderError && error.details.code === 'RESOURCE_NOT_EXISTS') return { status: 'not_found', raw: error.details.body };
        throw error;
      }
      return refundAnswer(data, 'Refund query');
    },

    // 异常退款: WeChat pays the refund to the member's bank card, or to the merchant's for an offline hand-over.
    async applyAbnormalRefund(input) {
      const { data } = await request('POST', `/v3/refund/domestic/refunds/${pathSegment(input.refundId)}/apply-abnormal-refund`, {
        out_refund_no: input.outRefundNo,
        type: input.type,
      });
      return refundAnswer(data, 'Abnormal refund');
    },

    configurationWarnings(now) {
      return expiringPlatformCertificates(config, now, CERTIFICATE_WARNING_DAYS).map(({ serial, validTo }) =>
        validTo < now
          ? `微信支付平台证书 ${serial} 已于 ${validTo.toISOString()} 过期，用它签名的通知将被拒绝：请下载新平台证书（GET /v3/certificates）或改用微信支付公钥`
          : `微信支付平台证书 ${serial} 将于 ${validTo.toISOString()} 过期：请把新平台证书追加到 WECHATPAY_PLATFORM_CERT（新旧证书可同时配置）`,
      );
    },
  };
}

/** For the channel registry: the provider when WECHATPAY_* is configured. */
export function wechatPayFromEnv(env: NodeJS.ProcessEnv, now: () => Date): PaymentProvider | undefined {
  const config = wechatConfigFromEnv(env);
  return config && createWechatPayProvider({ ...config, now });
}
