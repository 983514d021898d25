import crypto from 'crypto';
import { assertFen, type Fen } from '../../../../../runtime/money';
import { createCertificateTrust, UntrustedCertificate } from './unionpay/certificates';
import { DEFAULT_UNIONPAY_GATEWAY, unionpayConfigFromEnv, unionpayEndpoints, type UnionPayConfig } from './unionpay/config';
import { autoSubmitForm, parseGatewayAnswer, parseNotifyBody, signatureVerifies, signFields, unionpayTime, type UnionPayFields } from './unionpay/message';
import {
  NotificationRejected,
  ProviderError,
  type NotifyReply,
  type PaymentProvider,
  type QueryResult,
  type VerifiedNotification,
} from './types';

export { DEFAULT_UNIONPAY_GATEWAY, unionpayConfigFromEnv, unionpayEndpoints, type UnionPayConfig, type UnionPayEnvConfig } from './unionpay/config';

/**
 * UnionPay 全渠道 (online gateway, bank debit and credit cards), protocol 5.1.0 with RSA
 * certificate signatures: the browser gateway (PC 07 / mobile wap 08) through an auto-submitting
 * form, the app control through a `tn`, refunds (退货), status queries and back notifications.
 *
 * UnionPay identifies an order by orderId + txnTime, so create() returns the txnTime it used
 * (as channelOrderId and in params) and query() needs it back. UnionPay has no close for a
 * consume: an unpaid order simply lapses at payTimeout, so close() has nothing to do.
 */

export interface UnionPayProvider extends PaymentProvider {
  /** `txnTime`: the one create() returned for this order (channelOrderId / params.txnTime). */
  query(outTradeNo: string, txnTime?: string): Promise<QueryResult>;
}

const VERSION = '5.1.0';
const SIGN_METHOD_RSA = '01';
const CONSUME = '01';
const REFUND = '04';
const REVOKE = '31';
const SUCCESS_CODES = new Set(['00', 'A6']); // A6: 有缺陷的成功, money taken
const IN_DOUBT_CODES = new Set(['03', '04', '05']); // timeout / processing: ask again later
const NOT_FOUND = '34';
const ORDER_ID = /^[0-9A-Za-z]{8,40}$/;

function fenField(fields: UnionPayFields, name: string): Fen {
  const value = fields[name];
  if (!value || !/^\d{1,12}$/.test(value)) throw new NotificationRejected('malformed', `unionpay notification ${name} is not an amount in fen: ${value}`);
  return Number(value);
}

export function createUnionPayProvider(config: UnionPayConfig): UnionPayProvider {
  const privateKey = crypto.createPrivateKey(config.signCert.privateKey);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('UnionPay signing key must be an RSA key (signMethod 01)');
  const endpoints = { ...unionpayEndpoints(DEFAULT_UNIONPAY_GATEWAY), ...definedUrls(config) };
  const trust = createCertificateTrust(config.verifyCerts, { validateCnName: config.validateCnName ?? true, now: config.now });
  const fetchImpl = config.fetch ?? fetch;
  const reply = (status: number, body: string): NotifyReply => ({ status, contentType: 'text/plain', body });

  const common = () => ({
    version: VERSION,
    encoding: 'UTF-8',
    signMethod: SIGN_METHOD_RSA,
    certId: config.signCert.certId,
    merId: config.merId,
    accessType: '0',
  });

  /** Why a message signed by "UnionPay" is not to be believed, or undefined when it is. */
  function distrust(fields: UnionPayFields): string | undefined {
    if (!fields.signature) return 'not signed';
    if (fields.version !== VERSION || fields.signMethod !== SIGN_METHOD_RSA) return `version ${fields.version} signMethod ${fields.signMethod} is not 5.1.0/01`;
    let keys: crypto.KeyObject[];
    try {
      keys = trust.keysFor(fields.signPubKeyCert);
    } catch (err) {
      if (err instanceof UntrustedCertificate) return err.message;
      throw err;
    }
    return keys.some((key) => signatureVerifies(fields, key)) ? undefined : 'signature does not verify';
  }

  /** Posts signed fields to a back-end endpoint and returns UnionPay's verified answer. */
  async function post(url: string, fields: UnionPayFields, what: string): Promise<UnionPayFields> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams(fields).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      text = await response.text();
    } catch (err) {
      throw new ProviderError('unionpay', `${what}: gateway unreachable: ${(err as Error).message}`, { url });
    }
    if (!response.ok) throw new ProviderError('unionpay', `${what}: gateway answered HTTP ${response.status}`, { url, status: response.status, body: text.slice(0, 500) });
    let answer: UnionPayFields;
    try {
      answer = parseGatewayAnswer(text);
    } catch (err) {
      throw new ProviderError('unionpay', `${what}: unreadable answer: ${(err as Error).message}`, { url, body: text.slice(0, 500) });
    }
    const problem = distrust(answer);
    // The unverified code is kept for the logs only; nothing here acts on it.
    if (problem) throw new ProviderError('unionpay', `${what}: answer not trusted: ${problem}`, { url, respCode: answer.respCode, respMsg: answer.respMsg });
    return answer;
  }

  const refused = (what: string, answer: UnionPayFields) =>
    new ProviderError('unionpay', `${what}: ${answer.respCode} ${answer.respMsg ?? ''}`.trim(), { respCode: answer.respCode, respMsg: answer.respMsg, raw: answer });

  function checkOrderId(value: string, field: string) {
    if (!ORDER_ID.test(value)) throw new ProviderError('unionpay', `${field} must be 8–40 letters and digits for UnionPay: ${value}`, { [field]: value });
  }

  return {
    channel: 'unionpay',

    async create(input) {
      checkOrderId(input.outTradeNo, 'outTradeNo');
      assertFen(input.amount);
      if (input.amount <= 0) throw new ProviderError('unionpay', 'UnionPay cannot take a payment of 0', { amount: input.amount });
      const browser = input.clientType === 'page' || input.clientType === 'wap' || input.clientType === 'h5';
      if (!browser && input.clientType !== 'app') {
        throw new ProviderError('unionpay', `UnionPay has no ${input.clientType} payment`, { code: 'CLIENT_TYPE_UNSUPPORTED', clientType: input.clientType });
      }
      const now = config.now();
      if (input.expiresAt <= now) throw new ProviderError('unionpay', 'the payment has already expired', { expiresAt: input.expiresAt.toISOString() });
      const txnTime = unionpayTime(now);
      const fields = signFields(
        {
          ...common(),
          txnType: CONSUME,
          txnSubType: '01',
          bizType: '000201',
          channelType: input.clientType === 'page' ? '07' : '08',
          orderId: input.outTradeNo,
          txnTime,
          txnAmt: String(input.amount),
          currencyCode: '156',
          frontUrl: browser ? input.returnUrl : undefined,
          backUrl: input.notifyUrl,
          payTimeout: unionpayTime(input.expiresAt),
        },
        privateKey,
      );

      if (browser) {
        const action = endpoints.frontTransUrl;
        return { params: { form: autoSubmitForm(action, fields), action, fields, txnTime }, channelOrderId: txnTime };
      }
      const answer = await post(endpoints.appTransUrl, fields, 'consume');
      if (answer.respCode !== '00' || !answer.tn) throw refused('consume', answer);
      return { params: { tn: answer.tn, txnTime }, channelOrderId: txnTime };
    },

    async verifyNotify(rawBody) {
      let fields: UnionPayFields;
      try {
        fields = parseNotifyBody(rawBody);
      } catch (err) {
        throw new NotificationRejected('malformed', `unionpay notification: ${(err as Error).message}`);
      }
      const problem = distrust(fields);
      if (problem) throw new NotificationRejected('signature', `unionpay notification: ${problem}`);
      if (fields.merId !== config.merId) throw new NotificationRejected('merchant', `unionpay notification is for merchant ${fields.merId}, not ${config.merId}`);
      if (!fields.orderId || !fields.respCode) throw new NotificationRejected('malformed', 'unionpay notification lacks orderId or respCode');
      const succeeded = SUCCESS_CODES.has(fields.respCode);
      if (succeeded && !fields.queryId) throw new NotificationRejected('malformed', 'unionpay notification lacks queryId');
      const amount = fenField(fields, 'txnAmt');

      if (fields.txnType === CONSUME) {
        return {
          kind: 'payment',
          outTradeNo: fields.orderId,
          transactionId: fields.queryId ?? '',
          amount,
          // A failed attempt leaves the order payable until payTimeout.
          status: succeeded ? 'paid' : 'pending',
          merchantId: fields.merId,
          raw: fields,
        };
      }
      if (fields.txnType === REFUND || fields.txnType === REVOKE) {
        const note: VerifiedNotification = {
          kind: 'refund',
          // A refund names only the consume's queryId; our refund() echoes the order in reqReserved.
          // A refund made elsewhere (merchant portal) has none: find it by outRefundNo.
          outTradeNo: fields.reqReserved ?? '',
          transactionId: fields.origQryId ?? '',
          // UnionPay does not report the order total on a refund; this is the refunded amount.
          amount,
          status: succeeded ? 'refund_success' : 'refund_failed',
          merchantId: fields.merId,
          outRefundNo: fields.orderId,
          refundId: fields.queryId,
          refundAmount: amount,
          // ISO 4217 numeric: 156 is CNY.
          currency: fields.currencyCode ? (fields.currencyCode === '156' ? 'CNY' : fields.currencyCode) : undefined,
          raw: fields,
        };
        return note;
      }
      throw new NotificationRejected('malformed', `unionpay notification has txnType ${fields.txnType}`);
    },

    // UnionPay takes HTTP 200 (or 302) as delivered and retries anything else.
    successReply: () => reply(200, 'ok'),
    failureReply: (status) => reply(status, 'fail'),

    async refund(input) {
      checkOrderId(input.outRefundNo, 'outRefundNo');
      assertFen(input.amount);
      if (!input.transactionId) throw new ProviderError('unionpay', 'a UnionPay refund needs the queryId of the payment (transactionId)', { outTradeNo: input.outTradeNo });
      const fields = signFields(
        {
          ...common(),
          txnType: REFUND,
          txnSubType: '00',
          bizType: '000201',
          channelType: '07',
          orderId: input.outRefundNo,
          origQryId: input.transactionId,
          // The stored txnTime of a resend: orderId + txnTime is the refund's identity at UnionPay.
          txnTime: input.reference ?? unionpayTime(config.now()),
          txnAmt: String(input.amount),
          currencyCode: '156',
          backUrl: input.notifyUrl,
          reqReserved: input.outTradeNo,
        },
        privateKey,
      );
      const answer = await post(endpoints.backTransUrl, fields, 'refund');
      // 00 means accepted: the result comes by notification. 03/04/05: unknown yet.
      if (answer.respCode === '00' || IN_DOUBT_CODES.has(answer.respCode)) {
        return { status: 'processing', refundId: answer.queryId || undefined, raw: answer };
      }
      throw refused('refund', answer);
    },

    async query(outTradeNo: string, txnTime?: string) {
      if (!txnTime) throw new ProviderError('unionpay', 'UnionPay finds an order by orderId and txnTime: pass the txnTime create() returned', { outTradeNo });
      const fields = signFields({ ...common(), txnType: '00', txnSubType: '00', bizType: '000000', orderId: outTradeNo, txnTime }, privateKey);
      const answer = await post(endpoints.queryTransUrl, fields, 'query');
      if (answer.respCode === NOT_FOUND) return { status: 'not_found', raw: answer };
      if (answer.respCode !== '00') throw refused('query', answer);
      // respCode is about the query itself; origRespCode is the consume's outcome.
      if (!SUCCESS_CODES.has(answer.origRespCode)) return { status: 'unpaid', raw: answer };
      const txnAmt = answer.txnAmt;
      return {
        status: 'paid',
        transactionId: answer.queryId,
        amount: txnAmt && /^\d{1,12}$/.test(txnAmt) ? Number(txnAmt) : undefined,
        raw: answer,
      };
    },

    refundReference: () => unionpayTime(config.now()),

    // A refund (退货) is a transaction of its own: found by its orderId and txnTime, like a consume.
    async queryRefund(input) {
      if (!input.reference) throw new ProviderError('unionpay', 'UnionPay finds a refund by orderId and txnTime: pass the txnTime it was sent with', { outRefundNo: input.outRefundNo });
      const fields = signFields({ ...common(), txnType: '00', txnSubType: '00', bizType: '000000', orderId: input.outRefundNo, txnTime: input.reference }, privateKey);
      const answer = await post(endpoints.queryTransUrl, fields, 'refund query');
      if (answer.respCode === NOT_FOUND) return { status: 'not_found', raw: answer };
      if (answer.respCode !== '00') throw refused('refund query', answer);
      const txnAmt = answer.txnAmt;
      const amount = txnAmt && /^\d{1,12}$/.test(txnAmt) ? Number(txnAmt) : undefined;
      const status = SUCCESS_CODES.has(answer.origRespCode) ? 'success' : IN_DOUBT_CODES.has(answer.origRespCode) ? 'processing' : 'failed';
      return { status, amount, refundId: answer.queryId || undefined, raw: answer };
    },

    async close() {
      // No close for a consume in 全渠道: the order lapses at payTimeout (set from expiresAt).
    },
  };
}

function definedUrls(config: UnionPayConfig) {
  const urls: Partial<Record<'frontTransUrl' | 'backTransUrl' | 'appTransUrl' | 'queryTransUrl', string>> = {};
  for (const key of ['frontTransUrl', 'backTransUrl', 'appTransUrl', 'queryTransUrl'] as const) if (config[key]) urls[key] = config[key];
  return urls;
}

/** For the channel registry: the provider when UNIONPAY_* is configured. */
export function unionpayFromEnv(env: NodeJS.ProcessEnv, now: () => Date): PaymentProvider | undefined {
  const config = unionpayConfigFromEnv(env);
  return config && createUnionPayProvider({ ...config, now });
}
