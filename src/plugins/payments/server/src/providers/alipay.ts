import { AlipaySdk } from 'alipay-sdk';
import { zonedParts } from '../../../../../runtime/clock';
import { assertFen, fenToYuan, yuanToFen } from '../../../../../runtime/money';
import { DEFAULT_ALIPAY_GATEWAY, alipayConfigFromEnv, privateKeyToPkcs8, publicKeyToSpki, type AlipayConfig } from './alipay/config';
import { parseAlipayForm, parseAlipayTime, toVerifiedNotification } from './alipay/notification';
import {
  NotificationRejected,
  ProviderError,
  type ClientType,
  type NotifyReply,
  type PaymentProvider,
  type QueryResult,
} from './types';

export { DEFAULT_ALIPAY_GATEWAY, alipayConfigFromEnv, type AlipayConfig, type AlipayEnvConfig } from './alipay/config';

/**
 * Alipay (支付宝) OpenAPI v2 in public-key mode with RSA2 signatures, through alipay-sdk:
 * desktop page pay, mobile wap pay and app pay, refunds, query and close, verified
 * asynchronous notifications. Requests are signed with our application key; Alipay's answers
 * and notifications are verified with Alipay's public key, and an answer that fails that check
 * is an error, never a success.
 */

interface TradeProduct {
  method: string;
  productCode: string;
  /** What the client gets: a signed URL for a browser, or the order string for the app SDK. */
  hands: 'url' | 'orderString';
}

const WAP: TradeProduct = { method: 'alipay.trade.wap.pay', productCode: 'QUICK_WAP_WAY', hands: 'url' };

const PRODUCTS: Partial<Record<ClientType, TradeProduct>> = {
  page: { method: 'alipay.trade.page.pay', productCode: 'FAST_INSTANT_TRADE_PAY', hands: 'url' },
  wap: WAP,
  h5: WAP,
  app: { method: 'alipay.trade.app.pay', productCode: 'QUICK_MSECURITY_PAY', hands: 'orderString' },
};

const QUERY_STATUS: Record<string, QueryResult['status']> = {
  WAIT_BUYER_PAY: 'unpaid',
  TRADE_SUCCESS: 'paid',
  TRADE_FINISHED: 'paid',
  // Unpaid and timed out, or fully refunded: the payment record tells which.
  TRADE_CLOSED: 'closed',
};

const SUCCESS = '10000';
const TRADE_NOT_EXIST = 'ACQ.TRADE_NOT_EXIST';

type AlipayAnswer = Record<string, unknown> & { code?: string; msg?: string; sub_code?: string; sub_msg?: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, the format of `timestamp` and `time_expire`. */
export function alipayTime(at: Date): string {
  const p = zonedParts(at, 'Asia/Shanghai');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function createAlipayProvider(config: AlipayConfig): PaymentProvider {
  const sdk = new AlipaySdk({
    appId: config.appId,
    privateKey: privateKeyToPkcs8(config.privateKey),
    keyType: 'PKCS8',
    alipayPublicKey: publicKeyToSpki(config.alipayPublicKey),
    gateway: config.gateway ?? DEFAULT_ALIPAY_GATEWAY,
    signType: 'RSA2',
    // Keep Alipay's own field names: `raw` is stored for audits and compared with Alipay's docs.
    camelcase: false,
    timeout: config.timeoutMs ?? 10_000,
  });
  // The SDK would stamp requests with the host's local time; Alipay expects Beijing time, and ours comes from the clock.
  const timestamp = () => alipayTime(config.now());
  const reply = (status: number, body: string): NotifyReply => ({ status, contentType: 'text/plain', body });

  /** One OpenAPI call. Transport errors and answers whose signature does not verify throw. */
  async function exec(method: string, bizContent: Record<string, string>): Promise<AlipayAnswer> {
    try {
      return (await sdk.exec(method, { bizContent, timestamp: timestamp() }, { validateSign: true })) as AlipayAnswer;
    } catch (err) {
      const cause = err as Error & { responseDataRaw?: string };
      throw new ProviderError('alipay', `${method} failed: ${cause.message}`, { method, response: cause.responseDataRaw });
    }
  }

  const rejected = (method: string, answer: AlipayAnswer) =>
    new ProviderError('alipay', `${method}: ${answer.sub_code ?? answer.code} ${answer.sub_msg ?? answer.msg ?? ''}`.trim(), {
      method,
      code: answer.code,
      msg: answer.msg,
      subCode: answer.sub_code,
      subMsg: answer.sub_msg,
    });

  return {
    channel: 'alipay',

    async create(input) {
      const product = PRODUCTS[input.clientType];
      if (!product) throw new ProviderError('alipay', `Alipay has no ${input.clientType} payment`, { code: 'CLIENT_TYPE_UNSUPPORTED', clientType: input.clientType });
      assertFen(input.amount);
      if (input.amount <= 0) throw new ProviderError('alipay', 'Alipay cannot take a payment of 0', { amount: input.amount });
      const bizContent: Record<string, string> = {
        out_trade_no: input.outTradeNo,
        total_amount: fenToYuan(input.amount),
        subject: input.description.slice(0, 256),
        product_code: product.productCode,
        time_expire: alipayTime(input.expiresAt),
      };
      // Wap pay sends the member here when they leave the cashier without paying.
      if (product === WAP && input.returnUrl) bizContent.quit_url = input.returnUrl;

      const request: Record<string, unknown> = { bizContent, notifyUrl: input.notifyUrl, timestamp: timestamp() };
      if (product.hands === 'orderString') return { params: { orderString: sdk.sdkExecute(product.method, request) } };
      if (input.returnUrl) request.returnUrl = input.returnUrl;
      return { params: { url: sdk.pageExecute(product.method, 'GET', request) } };
    },

    async verifyNotify(rawBody) {
      const fields = parseAlipayForm(rawBody);
      if (!fields.sign) throw new NotificationRejected('signature', 'alipay notification is not signed');
      // We only speak RSA2; an RSA (SHA-1) signature is not accepted even if it verifies.
      if (fields.sign_type && fields.sign_type !== 'RSA2') {
        throw new NotificationRejected('signature', `alipay notification signed with ${fields.sign_type}`);
      }
      if (!sdk.checkNotifySignV2(fields)) throw new NotificationRejected('signature', 'alipay notification signature does not verify');
      if (fields.app_id !== config.appId) {
        throw new NotificationRejected('merchant', `alipay notification is for app ${fields.app_id}, not ${config.appId}`);
      }
      if (config.sellerId && fields.seller_id !== config.sellerId) {
        throw new NotificationRejected('merchant', `alipay notification is for seller ${fields.seller_id}, not ${config.sellerId}`);
      }
      return toVerifiedNotification(fields);
    },

    // Alipay retries (8 times over 25 hours) until the body is exactly "success".
    successReply: () => reply(200, 'success'),
    failureReply: (status) => reply(status, 'fail'),

    // Refund notifications go to the payment's notify_url; input.notifyUrl has no place in this API.
    async refund(input) {
      assertFen(input.amount);
      const answer = await exec('alipay.trade.refund', {
        out_trade_no: input.outTradeNo,
        refund_amount: fenToYuan(input.amount),
        out_request_no: input.outRefundNo,
        refund_reason: input.reason.slice(0, 256),
      });
      if (answer.code !== SUCCESS) throw rejected('alipay.trade.refund', answer);
      // fund_change N answers a repeated out_request_no too: the money may already have moved,
      // so it is "processing" until a notification (or an operator) settles it.
      return { status: answer.fund_change === 'Y' ? 'success' : 'processing', raw: answer };
    },

    async query(outTradeNo) {
      const answer = await exec('alipay.trade.query', { out_trade_no: outTradeNo });
      if (answer.code !== SUCCESS) {
        // Alipay creates page/wap trades only once the member opens the cashier.
        if (answer.sub_code === TRADE_NOT_EXIST) return { status: 'not_found', raw: answer };
        throw rejected('alipay.trade.query', answer);
      }
      const tradeStatus = text(answer.trade_status);
      const status = tradeStatus ? QUERY_STATUS[tradeStatus] : undefined;
      if (!status) throw new ProviderError('alipay', `alipay.trade.query answered trade_status ${tradeStatus}`, { answer });
      const totalAmount = text(answer.total_amount);
      return {
        status,
        transactionId: text(answer.trade_no),
        amount: totalAmount ? yuanToFen(totalAmount) : undefined,
        at: parseAlipayTime(text(answer.send_pay_date)),
        raw: answer,
      };
    },

    async queryRefund(input) {
      const answer = await exec('alipay.trade.fastpay.refund.query', { out_trade_no: input.outTradeNo, out_request_no: input.outRefundNo });
      if (answer.code !== SUCCESS) {
        if (answer.sub_code === TRADE_NOT_EXIST) return { status: 'not_found', raw: answer };
        throw rejected('alipay.trade.fastpay.refund.query', answer);
      }
      // Alipay answers 10000 with no out_request_no when it has no such refund; a refund it has
      // reports REFUND_SUCCESS (an empty refund_status also means success, as Alipay documents).
      if (text(answer.out_request_no) !== input.outRefundNo) return { status: 'not_found', raw: answer };
      const refundStatus = text(answer.refund_status);
      if (refundStatus && refundStatus !== 'REFUND_SUCCESS') throw new ProviderError('alipay', `alipay.trade.fastpay.refund.query answered refund_status ${refundStatus}`, { answer });
      const refundAmount = text(answer.refund_amount);
      return {
        status: 'success',
        amount: refundAmount ? yuanToFen(refundAmount) : undefined,
        refundId: text(answer.trade_no),
        at: parseAlipayTime(text(answer.gmt_refund_pay)),
        raw: answer,
      };
    },

    async close(outTradeNo) {
      const answer = await exec('alipay.trade.close', { out_trade_no: outTradeNo });
      // Never opened at Alipay: nothing to close there, and the signed URL dies at time_expire.
      if (answer.code === SUCCESS || answer.sub_code === TRADE_NOT_EXIST) return;
      throw rejected('alipay.trade.close', answer);
    },
  };
}

/** For the channel registry: the provider when ALIPAY_* is configured. */
export function alipayFromEnv(env: NodeJS.ProcessEnv, now: () => Date): PaymentProvider | undefined {
  const config = alipayConfigFromEnv(env);
  return config && createAlipayProvider({ ...config, now });
}
