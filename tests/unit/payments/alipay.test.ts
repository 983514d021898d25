import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { alipayConfigFromEnv, alipayTime, createAlipayProvider, type AlipayConfig } from '../../../src/plugins/payments/server/src/providers/alipay';
import { NotificationRejected, ProviderError, type CreatePaymentInput, type PaymentProvider } from '../../../src/plugins/payments/server/src/providers/types';
import { alipayNotification, APP_ID, makeAlipayKeys, paidFields, pem, SELLER_ID, signedContent, startAlipayGateway, type NotificationOptions } from './alipay-fixtures';

/**
 * Alipay speaks to us in two ways: notifications it signs with its own key (we hold its public
 * key) and answers from its gateway, also signed by it. Both are played here with locally made
 * keys: "Alipay" has one key pair, our application another.
 */
const keys = makeAlipayKeys();
const { alipay: alipayKeys, app: appKeys, stranger: strangerKeys } = keys;

const NOW = new Date('2026-03-01T02:00:00Z'); // 10:00 in Beijing

function provider(overrides: Partial<AlipayConfig> = {}): PaymentProvider {
  return createAlipayProvider({
    appId: APP_ID,
    privateKey: pem(appKeys.privateKey, 'pkcs1'),
    alipayPublicKey: pem(alipayKeys.publicKey, 'spki'),
    sellerId: SELLER_ID,
    gateway: 'http://127.0.0.1:9/gateway.do',
    now: () => NOW,
    ...overrides,
  });
}

/** A notification body exactly as Alipay posts it (form-encoded, signed with Alipay's key). */
const notification = (fields: Record<string, string>, opts: NotificationOptions = {}) => alipayNotification(keys, fields, opts);

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('Alipay notifications', () => {
  const alipay = provider();

  it('should accept a payment notification signed by Alipay and report it paid, in fen', async () => {
    const note = await alipay.verifyNotify(notification(paidFields()), {});
    expect(note).toMatchObject({
      kind: 'payment',
      status: 'paid',
      outTradeNo: 'PY2026030110000012345678',
      transactionId: '2026030122001400000000000001',
      amount: 12345,
      appId: APP_ID,
      merchantId: SELLER_ID,
    });
    expect(note.at?.toISOString()).toBe('2026-03-01T02:00:30.000Z');
    expect((note.raw as Record<string, string>).fund_bill_list).toBe('[{"amount":"123.45","fundChannel":"ALIPAYACCOUNT"}]');
  });

  it('should read amounts exactly, without float rounding', async () => {
    const cases: Array<[string, number]> = [['0.01', 1], ['0.1', 10], ['1', 100], ['19.99', 1999], ['1234567.89', 123456789]];
    for (const [yuan, fen] of cases) {
      const note = await alipay.verifyNotify(notification(paidFields({ total_amount: yuan })), {});
      expect(note.amount).toBe(fen);
    }
  });

  it("should verify values holding '%', '+', spaces and Chinese exactly as sent", async () => {
    const subject = '100%满意 + 好评 a+b=c&d';
    const body = notification(paidFields({ subject, body: '%E4 不是编码' }));
    expect(body).toContain('100%25');
    const note = await alipay.verifyNotify(body, {});
    expect((note.raw as Record<string, string>).subject).toBe(subject);
    expect((note.raw as Record<string, string>).body).toBe('%E4 不是编码');
  });

  it('should reject a notification signed with any key but Alipay’s', async () => {
    const err = await rejection(alipay.verifyNotify(notification(paidFields(), { key: strangerKeys.privateKey }), {}));
    expect(err).toBeInstanceOf(NotificationRejected);
    expect((err as NotificationRejected).reason).toBe('signature');
  });

  it('should reject a notification whose amount was changed after Alipay signed it', async () => {
    const body = notification(paidFields(), { after: (f) => (f.total_amount = '0.01') });
    const err = await rejection(alipay.verifyNotify(body, {}));
    expect((err as NotificationRejected).reason).toBe('signature');
  });

  it('should reject a notification with a field added after signing', async () => {
    const body = `${notification(paidFields())}&refund_fee=123.45`;
    expect(((await rejection(alipay.verifyNotify(body, {}))) as NotificationRejected).reason).toBe('signature');
  });

  it('should reject an unsigned notification and one signed with SHA-1 (RSA) instead of RSA2', async () => {
    const unsigned = new URLSearchParams(paidFields()).toString();
    expect(((await rejection(alipay.verifyNotify(unsigned, {}))) as NotificationRejected).reason).toBe('signature');
    const sha1 = notification(paidFields(), { signType: 'RSA' });
    expect(((await rejection(alipay.verifyNotify(sha1, {}))) as NotificationRejected).reason).toBe('signature');
  });

  it('should reject a genuine notification meant for another app or another seller', async () => {
    const otherApp = notification(paidFields({ app_id: '2021000000000999', auth_app_id: '2021000000000999' }));
    expect(((await rejection(alipay.verifyNotify(otherApp, {}))) as NotificationRejected).reason).toBe('merchant');
    const otherSeller = notification(paidFields({ seller_id: '2088000000000999' }));
    expect(((await rejection(alipay.verifyNotify(otherSeller, {}))) as NotificationRejected).reason).toBe('merchant');
    // Without a configured seller id the seller is reported for the caller to compare.
    const note = await provider({ sellerId: undefined }).verifyNotify(otherSeller, {});
    expect(note.merchantId).toBe('2088000000000999');
  });

  it('should reject a body that repeats a field, and a signed one with an unreadable amount', async () => {
    const repeated = `${notification(paidFields())}&total_amount=0.01`;
    expect(((await rejection(alipay.verifyNotify(repeated, {}))) as NotificationRejected).reason).toBe('malformed');
    const badAmount = notification(paidFields({ total_amount: '12.345' }));
    expect(((await rejection(alipay.verifyNotify(badAmount, {}))) as NotificationRejected).reason).toBe('malformed');
  });

  it('should map each trade status', async () => {
    const statusOf = async (trade_status: string, extra: Record<string, string> = {}) =>
      (await alipay.verifyNotify(notification(paidFields({ trade_status, ...extra })), {})).status;
    expect(await statusOf('TRADE_SUCCESS')).toBe('paid');
    expect(await statusOf('TRADE_FINISHED')).toBe('paid');
    expect(await statusOf('WAIT_BUYER_PAY')).toBe('pending');
    expect(await statusOf('TRADE_CLOSED', { gmt_close: '2026-03-01 10:30:00' })).toBe('closed');
    const err = await rejection(alipay.verifyNotify(notification(paidFields({ trade_status: 'TRADE_PENDING' })), {}));
    expect((err as NotificationRejected).reason).toBe('malformed');
  });

  it('should report the close after a full refund as a refund, with our refund number', async () => {
    const body = notification(
      paidFields({ trade_status: 'TRADE_CLOSED', gmt_close: '2026-03-02 09:00:00', out_biz_no: 'RF2026030209000087654321', refund_fee: '123.45', gmt_refund: '2026-03-02 09:00:00.320' }),
    );
    const note = await alipay.verifyNotify(body, {});
    expect(note).toMatchObject({
      kind: 'refund',
      status: 'refund_success',
      outTradeNo: 'PY2026030110000012345678',
      transactionId: '2026030122001400000000000001',
      outRefundNo: 'RF2026030209000087654321',
      refundAmount: 12345,
      amount: 12345,
    });
    expect(note.at?.toISOString()).toBe('2026-03-02T01:00:00.320Z');
  });

  it('should report a partial refund (trade still TRADE_SUCCESS) as a refund', async () => {
    const body = notification(paidFields({ out_biz_no: 'RF2026030209000011111111', refund_fee: '20.00', gmt_refund: '2026-03-02 09:00:00' }));
    const note = await alipay.verifyNotify(body, {});
    expect(note).toMatchObject({ kind: 'refund', status: 'refund_success', outRefundNo: 'RF2026030209000011111111', refundAmount: 2000 });
  });

  it('should answer "success" in plain text, and "fail" with the chosen status otherwise', () => {
    expect(alipay.successReply()).toEqual({ status: 200, contentType: 'text/plain', body: 'success' });
    expect(alipay.failureReply(401, 'PAYMENT_SIGNATURE_INVALID')).toEqual({ status: 401, contentType: 'text/plain', body: 'fail' });
  });
});

describe('Alipay create', () => {
  const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
    outTradeNo: 'PY2026030110000012345678',
    amount: 12345,
    description: '家庭保洁 2小时 SM20260301001',
    clientType: 'page',
    notifyUrl: 'https://shop.example.com/api/payments/notify/alipay',
    returnUrl: 'https://shop.example.com/h5/#/orders/abc',
    expiresAt: new Date('2026-03-01T02:30:00Z'),
    ...overrides,
  });

  /** True when our application key signed these request parameters (all but `sign`, sorted). */
  const signedByApp = (params: Record<string, string>) =>
    crypto.verify('RSA-SHA256', Buffer.from(signedContent(params, ['sign']), 'utf8'), appKeys.publicKey, Buffer.from(params.sign, 'base64'));

  it('should give a desktop browser a signed page-pay URL on the gateway', async () => {
    const alipay = provider({ gateway: 'https://openapi.example.test/gateway.do' });
    const { params } = await alipay.create(input());
    const url = new URL(params.url as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://openapi.example.test/gateway.do');
    const query = Object.fromEntries(url.searchParams);
    expect(signedByApp(query)).toBe(true);
    expect(query).toMatchObject({
      app_id: APP_ID,
      method: 'alipay.trade.page.pay',
      sign_type: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
      timestamp: '2026-03-01 10:00:00',
      notify_url: 'https://shop.example.com/api/payments/notify/alipay',
      return_url: 'https://shop.example.com/h5/#/orders/abc',
    });
    expect(JSON.parse(query.biz_content)).toEqual({
      out_trade_no: 'PY2026030110000012345678',
      total_amount: '123.45',
      subject: '家庭保洁 2小时 SM20260301001',
      product_code: 'FAST_INSTANT_TRADE_PAY',
      time_expire: '2026-03-01 10:30:00',
    });
  });

  it('should give a mobile browser (wap and h5) a signed wap-pay URL that returns the member when they quit', async () => {
    for (const clientType of ['wap', 'h5'] as const) {
      const { params } = await provider().create(input({ clientType, amount: 1 }));
      const query = Object.fromEntries(new URL(params.url as string).searchParams);
      expect(signedByApp(query)).toBe(true);
      expect(query.method).toBe('alipay.trade.wap.pay');
      expect(JSON.parse(query.biz_content)).toMatchObject({ total_amount: '0.01', product_code: 'QUICK_WAP_WAY', quit_url: 'https://shop.example.com/h5/#/orders/abc' });
    }
  });

  it('should give the app SDK a signed order string', async () => {
    const { params } = await provider().create(input({ clientType: 'app', returnUrl: undefined }));
    const fields = Object.fromEntries(new URLSearchParams(params.orderString as string));
    expect(signedByApp(fields)).toBe(true);
    expect(fields).toMatchObject({ method: 'alipay.trade.app.pay', app_id: APP_ID, notify_url: 'https://shop.example.com/api/payments/notify/alipay' });
    expect(fields.return_url).toBeUndefined();
    expect(JSON.parse(fields.biz_content)).toMatchObject({ product_code: 'QUICK_MSECURITY_PAY', total_amount: '123.45', time_expire: '2026-03-01 10:30:00' });
  });

  it('should sign the same way with a PKCS#8 PEM key and with the bare base64 Alipay’s key tool prints', async () => {
    const bare = pem(appKeys.privateKey, 'pkcs8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const barePublic = pem(alipayKeys.publicKey, 'spki').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    for (const alipay of [provider({ privateKey: pem(appKeys.privateKey, 'pkcs8') }), provider({ privateKey: bare, alipayPublicKey: barePublic })]) {
      const { params } = await alipay.create(input());
      expect(signedByApp(Object.fromEntries(new URL(params.url as string).searchParams))).toBe(true);
      expect((await alipay.verifyNotify(notification(paidFields()), {})).status).toBe('paid');
    }
  });

  it('should refuse client types Alipay has no product for, and a zero amount', async () => {
    expect(await rejection(provider().create(input({ clientType: 'jsapi' })))).toBeInstanceOf(ProviderError);
    expect(await rejection(provider().create(input({ clientType: 'native' })))).toBeInstanceOf(ProviderError);
    expect(await rejection(provider().create(input({ amount: 0 })))).toBeInstanceOf(ProviderError);
  });

  it('should format Beijing time whatever the host time zone', () => {
    expect(alipayTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
  });
});

/** Stands in for openapi.alipay.com/gateway.do: checks our signature, answers signed as Alipay. */
const startGateway = () => startAlipayGateway(keys);

describe('Alipay refund, query and close against the gateway', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let alipay: PaymentProvider;
  beforeAll(async () => {
    gateway = await startGateway();
    alipay = provider({ gateway: gateway.gateway });
  });
  afterAll(() => gateway.close());

  const refundInput = {
    outTradeNo: 'PY2026030110000012345678',
    transactionId: '2026030122001400000000000001',
    outRefundNo: 'RF2026030209000087654321',
    amount: 500,
    total: 12345,
    reason: '服务取消',
    notifyUrl: 'https://shop.example.com/api/payments/notify/alipay',
  };
  const refundAnswer = (extra: Record<string, unknown>) => ({
    code: '10000',
    msg: 'Success',
    trade_no: '2026030122001400000000000001',
    out_trade_no: 'PY2026030110000012345678',
    buyer_logon_id: '159****5620',
    refund_fee: '5.00',
    gmt_refund_pay: '2026-03-02 09:00:00',
    ...extra,
  });

  it('should send a signed alipay.trade.refund in yuan and report success when funds moved', async () => {
    gateway.answer(() => ({ node: refundAnswer({ fund_change: 'Y' }) }));
    const result = await alipay.refund(refundInput);
    expect(result.status).toBe('success');
    const request = gateway.requests.at(-1)!;
    expect(request.signedByApp).toBe(true);
    expect(request.params).toMatchObject({ method: 'alipay.trade.refund', app_id: APP_ID, timestamp: '2026-03-01 10:00:00', sign_type: 'RSA2' });
    expect(request.biz).toEqual({ out_trade_no: 'PY2026030110000012345678', refund_amount: '5.00', out_request_no: 'RF2026030209000087654321', refund_reason: '服务取消' });
  });

  it('should leave a refund processing when Alipay reports no fund change', async () => {
    gateway.answer(() => ({ node: refundAnswer({ fund_change: 'N' }) }));
    expect((await alipay.refund(refundInput)).status).toBe('processing');
  });

  it('should turn a refused refund into a ProviderError carrying sub_code and sub_msg', async () => {
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_HAS_FINISHED', sub_msg: '交易已完结' } }));
    const err = await rejection(alipay.refund(refundInput));
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).details).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_HAS_FINISHED', subMsg: '交易已完结' });
  });

  it('should never take a "success" whose signature is not Alipay’s, nor an unsigned one', async () => {
    gateway.answer(() => ({ node: refundAnswer({ fund_change: 'Y' }), sign: 'stranger' }));
    expect(await rejection(alipay.refund(refundInput))).toBeInstanceOf(ProviderError);
    gateway.answer(() => ({ node: refundAnswer({ fund_change: 'Y' }), sign: 'none' }));
    expect(await rejection(alipay.refund(refundInput))).toBeInstanceOf(ProviderError);
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success', trade_status: 'TRADE_SUCCESS', trade_no: 'x', total_amount: '123.45' }, sign: 'stranger' }));
    expect(await rejection(alipay.query('PY2026030110000012345678'))).toBeInstanceOf(ProviderError);
  });

  it('should turn an HTTP error or an unreachable gateway into a ProviderError', async () => {
    gateway.answer(() => ({ node: {}, status: 502 }));
    expect(await rejection(alipay.query('PY2026030110000012345678'))).toBeInstanceOf(ProviderError);
    const unreachable = provider({ gateway: 'http://127.0.0.1:9/gateway.do', timeoutMs: 2000 });
    expect(await rejection(unreachable.query('PY2026030110000012345678'))).toBeInstanceOf(ProviderError);
  });

  it('should query a trade and report it paid with amount, trade number and time', async () => {
    gateway.answer(() => ({
      node: { code: '10000', msg: 'Success', trade_no: '2026030122001400000000000001', out_trade_no: 'PY2026030110000012345678', trade_status: 'TRADE_SUCCESS', total_amount: '123.45', send_pay_date: '2026-03-01 10:00:30' },
    }));
    const result = await alipay.query('PY2026030110000012345678');
    expect(result).toMatchObject({ status: 'paid', transactionId: '2026030122001400000000000001', amount: 12345 });
    expect(result.at?.toISOString()).toBe('2026-03-01T02:00:30.000Z');
    const request = gateway.requests.at(-1)!;
    expect(request.signedByApp).toBe(true);
    expect(request.params.method).toBe('alipay.trade.query');
    expect(request.biz).toEqual({ out_trade_no: 'PY2026030110000012345678' });
  });

  it('should report unpaid, closed and unknown trades', async () => {
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success', trade_no: 't', out_trade_no: 'o', trade_status: 'WAIT_BUYER_PAY', total_amount: '1.00' } }));
    expect((await alipay.query('o')).status).toBe('unpaid');
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success', trade_no: 't', out_trade_no: 'o', trade_status: 'TRADE_CLOSED', total_amount: '1.00' } }));
    expect((await alipay.query('o')).status).toBe('closed');
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } }));
    expect((await alipay.query('o')).status).toBe('not_found');
    gateway.answer(() => ({ node: { code: '20001', msg: 'Insufficient Token Permissions', sub_code: 'aop.invalid-auth-token', sub_msg: '无效的访问令牌' } }));
    expect(await rejection(alipay.query('o'))).toBeInstanceOf(ProviderError);
  });

  it('should query a refund by out_trade_no and out_request_no and report it done with this refund’s amount', async () => {
    gateway.answer(() => ({
      node: { code: '10000', msg: 'Success', trade_no: '2026030122001400000000000001', out_trade_no: 'PY2026030110000012345678', out_request_no: 'RF2026030209000087654321', total_amount: '123.45', refund_amount: '5.00', refund_status: 'REFUND_SUCCESS', gmt_refund_pay: '2026-03-02 09:00:00' },
    }));
    const result = await alipay.queryRefund({ outTradeNo: 'PY2026030110000012345678', outRefundNo: 'RF2026030209000087654321' });
    expect(result).toMatchObject({ status: 'success', amount: 500, refundId: '2026030122001400000000000001' });
    expect(result.at?.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    const request = gateway.requests.at(-1)!;
    expect(request.signedByApp).toBe(true);
    expect(request.params.method).toBe('alipay.trade.fastpay.refund.query');
    expect(request.biz).toEqual({ out_trade_no: 'PY2026030110000012345678', out_request_no: 'RF2026030209000087654321' });
  });

  it('should report a refund Alipay does not have as not_found, and a refused query as an error', async () => {
    // Alipay answers 10000 without the refund's fields when it has no such out_request_no.
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success' } }));
    expect((await alipay.queryRefund({ outTradeNo: 'PY2026030110000012345678', outRefundNo: 'RF2026030209000087654321' })).status).toBe('not_found');
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } }));
    expect((await alipay.queryRefund({ outTradeNo: 'o', outRefundNo: 'r' })).status).toBe('not_found');
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.SYSTEM_ERROR', sub_msg: '系统错误' } }));
    expect(await rejection(alipay.queryRefund({ outTradeNo: 'o', outRefundNo: 'r' }))).toBeInstanceOf(ProviderError);
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success', out_request_no: 'r', refund_amount: '5.00', refund_status: 'REFUND_SUCCESS' }, sign: 'stranger' }));
    expect(await rejection(alipay.queryRefund({ outTradeNo: 'o', outRefundNo: 'r' }))).toBeInstanceOf(ProviderError);
  });

  it('should close a trade, treat one Alipay never opened as closed, and refuse to pretend it closed a paid one', async () => {
    gateway.answer(() => ({ node: { code: '10000', msg: 'Success', trade_no: 't', out_trade_no: 'o' } }));
    await expect(alipay.close('PY2026030110000012345678')).resolves.toBeUndefined();
    expect(gateway.requests.at(-1)!.params.method).toBe('alipay.trade.close');
    expect(gateway.requests.at(-1)!.biz).toEqual({ out_trade_no: 'PY2026030110000012345678' });
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } }));
    await expect(alipay.close('PY2026030110000012345678')).resolves.toBeUndefined();
    gateway.answer(() => ({ node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' } }));
    expect(await rejection(alipay.close('PY2026030110000012345678'))).toBeInstanceOf(ProviderError);
  });
});

describe('alipayConfigFromEnv', () => {
  it('should be off when nothing is set and fail loudly when only part is set', () => {
    expect(alipayConfigFromEnv({})).toBeUndefined();
    expect(() => alipayConfigFromEnv({ ALIPAY_APPID: APP_ID })).toThrow(/ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY/);
  });

  it('should read keys given as PEM with \\n escapes, or as file paths, and default the gateway', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-keys-'));
    const keyPath = path.join(dir, 'app_private_key.pem');
    fs.writeFileSync(keyPath, pem(appKeys.privateKey, 'pkcs1'));
    try {
      const config = alipayConfigFromEnv({
        ALIPAY_APPID: APP_ID,
        ALIPAY_PRIVATE_KEY: keyPath,
        ALIPAY_PUBLIC_KEY: pem(alipayKeys.publicKey, 'spki').replace(/\n/g, '\\n'),
        ALIPAY_SELLER_ID: SELLER_ID,
      });
      expect(config).toMatchObject({ appId: APP_ID, sellerId: SELLER_ID, gateway: 'https://openapi.alipay.com/gateway.do' });
      expect(config!.privateKey).toContain('BEGIN RSA PRIVATE KEY');
      expect(config!.alipayPublicKey).toContain('\n');
      // The keys work: a notification signed by "Alipay" verifies with what was read.
      const alipay = createAlipayProvider({ ...config!, now: () => NOW });
      await expect(alipay.verifyNotify(notification(paidFields()), {})).resolves.toMatchObject({ status: 'paid' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should reject a key that is neither PEM, base64 nor a readable file', () => {
    expect(() => alipayConfigFromEnv({ ALIPAY_APPID: APP_ID, ALIPAY_PRIVATE_KEY: '/no/such/key.pem', ALIPAY_PUBLIC_KEY: 'x' })).toThrow(/ALIPAY_PRIVATE_KEY/);
  });
});
