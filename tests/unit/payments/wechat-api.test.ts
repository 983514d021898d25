import { createWechatPayProvider, type WechatPayConfig } from '../../../src/plugins/payments/server/src/providers/wechat';
import { ProviderError, type CreatePaymentInput, type PaymentProvider } from '../../../src/plugins/payments/server/src/providers/types';
import {
  API_V3_KEY,
  APPID,
  makeWechatKeys,
  MCHID,
  MERCHANT_SERIAL,
  NOW,
  NOW_SECONDS,
  PLATFORM_SERIAL,
  PUBLIC_KEY_ID,
  rsaVerify,
  startWechatPayServer,
  type Answer,
  type ReceivedRequest,
  type WechatKeys,
} from './wechat-fixtures';

let keys: WechatKeys;
let server: Awaited<ReturnType<typeof startWechatPayServer>>;
/** What the local WeChat Pay answers next; each test sets it. */
let answer: (request: ReceivedRequest) => Answer;
let provider: PaymentProvider;

const config = (overrides: Partial<WechatPayConfig> = {}): WechatPayConfig => ({
  mchid: MCHID,
  appid: APPID,
  serial: MERCHANT_SERIAL,
  privateKey: keys.merchant.privateKeyPem,
  apiV3Key: API_V3_KEY,
  platformCertificates: [{ serial: PLATFORM_SERIAL, pem: keys.platform.certificatePem }],
  apiBase: server.url,
  now: () => NOW,
  ...overrides,
});

beforeAll(async () => {
  keys = makeWechatKeys();
  server = await startWechatPayServer(keys, (request) => answer(request));
  provider = createWechatPayProvider(config());
});

afterAll(async () => {
  await server.close();
  keys.cleanup();
});

beforeEach(() => {
  server.received.length = 0;
});

const lastRequest = (): ReceivedRequest => {
  const request = server.received.at(-1);
  if (!request) throw new Error('no request reached the local WeChat Pay');
  return request;
};

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('the call succeeded');
}

const order = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  outTradeNo: 'SM2026030100001',
  amount: 9900,
  description: '上门保洁-日常保洁 3 小时',
  clientType: 'jsapi',
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  clientIp: '203.0.113.7',
  notifyUrl: 'https://shangmen.example.com/api/payments/notify/wechat',
  expiresAt: new Date('2026-03-01T09:00:15.000Z'),
  ...overrides,
});

describe('WeChat Pay request signing', () => {
  it('should sign each request as WECHATPAY2-SHA256-RSA2048 with the merchant key over method, path, timestamp, nonce and body', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx01163015123456789012345678900000' } });
    await provider.create(order());
    const request = lastRequest();
    expect(request.signatureValid).toBe(true);
    expect(request.headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 (\w+="[^"]*",){4}\w+="[^"]*"$/);
    expect(request.authorization).toMatchObject({ mchid: MCHID, serial_no: MERCHANT_SERIAL, timestamp: String(NOW_SECONDS) });
    expect(request.authorization.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.headers.accept).toBe('application/json');
    // Only the public key scheme asks WeChat to sign with the public key.
    expect(request.headers['wechatpay-serial']).toBeUndefined();
  });
});

describe('WeChat Pay create', () => {
  it('should create a JSAPI order and return wx.requestPayment params with a paySign the merchant key made', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx01163015123456789012345678900000' } });
    const result = await provider.create(order());

    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/pay/transactions/jsapi');
    expect(JSON.parse(request.body)).toEqual({
      appid: APPID,
      mchid: MCHID,
      description: '上门保洁-日常保洁 3 小时',
      out_trade_no: 'SM2026030100001',
      time_expire: '2026-03-01T17:00:15+08:00',
      notify_url: 'https://shangmen.example.com/api/payments/notify/wechat',
      amount: { total: 9900, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      scene_info: { payer_client_ip: '203.0.113.7' },
    });

    expect(result.channelOrderId).toBe('wx01163015123456789012345678900000');
    const params = result.params as Record<string, string>;
    expect(params).toMatchObject({
      appId: APPID,
      timeStamp: String(NOW_SECONDS),
      package: 'prepay_id=wx01163015123456789012345678900000',
      signType: 'RSA',
    });
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    const signed = `${APPID}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(rsaVerify(signed, params.paySign, keys.merchant.publicKey)).toBe(true);
  });

  it('should create an App order and return the openSDK PayReq fields with its sign', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx01163015987654321' } });
    const result = await provider.create(order({ clientType: 'app', openid: undefined, clientIp: undefined }));
    expect(lastRequest().url).toBe('/v3/pay/transactions/app');
    expect(JSON.parse(lastRequest().body)).not.toHaveProperty('payer');
    const params = result.params as Record<string, string>;
    expect(params).toMatchObject({
      appid: APPID,
      partnerid: MCHID,
      prepayid: 'wx01163015987654321',
      package: 'Sign=WXPay',
      timestamp: String(NOW_SECONDS),
    });
    const signed = `${APPID}\n${params.timestamp}\n${params.noncestr}\n${params.prepayid}\n`;
    expect(rsaVerify(signed, params.sign, keys.merchant.publicKey)).toBe(true);
  });

  it('should create an H5 order with the payer IP and Wap scene and return the h5_url', async () => {
    answer = () => ({ status: 200, body: { h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx0116&package=1' } });
    const result = await provider.create(order({ clientType: 'h5', openid: undefined }));
    const request = lastRequest();
    expect(request.url).toBe('/v3/pay/transactions/h5');
    expect(JSON.parse(request.body).scene_info).toEqual({ payer_client_ip: '203.0.113.7', h5_info: { type: 'Wap' } });
    expect(result.params).toEqual({ h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx0116&package=1' });
  });

  it('should create a Native order and return the code_url to show as a QR code', async () => {
    answer = () => ({ status: 200, body: { code_url: 'weixin://wxpay/bizpayurl?pr=p4lpSuKzz' } });
    const result = await provider.create(order({ clientType: 'native', openid: undefined, clientIp: undefined }));
    expect(lastRequest().url).toBe('/v3/pay/transactions/native');
    expect(result.params).toEqual({ code_url: 'weixin://wxpay/bizpayurl?pr=p4lpSuKzz' });
  });

  it('should not call WeChat for a JSAPI payment without openid or an H5 payment without the payer IP', async () => {
    expect((await providerError(provider.create(order({ openid: undefined })))).details.code).toBe('OPENID_REQUIRED');
    expect((await providerError(provider.create(order({ clientType: 'h5', clientIp: undefined })))).details.code).toBe('CLIENT_IP_REQUIRED');
    expect((await providerError(provider.create(order({ clientType: 'page' })))).details.code).toBe('CLIENT_TYPE_UNSUPPORTED');
    expect(server.received).toHaveLength(0);
  });

  it('should refuse an amount that is not a positive number of fen', async () => {
    await expect(provider.create(order({ amount: 99.5 }))).rejects.toThrow(RangeError);
    await expect(provider.create(order({ amount: 0 }))).rejects.toThrow(RangeError);
    expect(server.received).toHaveLength(0);
  });
});

describe('WeChat Pay response verification', () => {
  it('should reject a success answer whose signature is not the platform key', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx-forged' }, forgeSignature: true });
    const error = await providerError(provider.create(order()));
    expect(error.details).toMatchObject({ code: 'RESPONSE_SIGNATURE_INVALID', reason: 'signature' });
  });

  it('should reject a success answer without signature headers', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx-unsigned' }, sign: false });
    expect((await providerError(provider.create(order()))).details).toMatchObject({ code: 'RESPONSE_SIGNATURE_INVALID', reason: 'malformed' });
  });

  it('should reject an answer signed under an unknown serial', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx' }, sign: { privateKeyPem: keys.attacker.privateKeyPem, serial: 'ABCDEF0123456789' } });
    expect((await providerError(provider.create(order()))).details).toMatchObject({ reason: 'serial' });
  });

  it('should reject a replayed answer whose timestamp is outside the window', async () => {
    answer = () => ({ status: 200, body: { prepay_id: 'wx' }, sign: { privateKeyPem: keys.platform.privateKeyPem, serial: PLATFORM_SERIAL, timestamp: NOW_SECONDS - 3600 } });
    expect((await providerError(provider.create(order()))).details).toMatchObject({ reason: 'timestamp' });
  });

  it('should turn a WeChat error answer into a ProviderError with its code', async () => {
    answer = () => ({ status: 400, body: { code: 'PARAM_ERROR', message: '参数错误: time_expire' } });
    const error = await providerError(provider.create(order()));
    expect(error.details).toMatchObject({ code: 'PARAM_ERROR', status: 400, requestId: '08F2E999C90610A4011889CD8C5820C8EC0428C936-0' });
    expect(error.message).toContain('参数错误');
  });

  it('should pass on an unsigned server error with its code', async () => {
    answer = () => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' }, sign: false });
    expect((await providerError(provider.create(order()))).details).toMatchObject({ code: 'SYSTEM_ERROR', status: 500 });
  });

  it('should reject an error answer whose signature is forged', async () => {
    answer = () => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, forgeSignature: true });
    expect((await providerError(provider.query('SM2026030100001'))).details).toMatchObject({ code: 'RESPONSE_SIGNATURE_INVALID' });
  });

  it('should report a network failure as a ProviderError', async () => {
    const unreachable = createWechatPayProvider(config({ apiBase: 'http://127.0.0.1:9' }));
    expect((await providerError(unreachable.close('SM2026030100001'))).details.code).toBe('NETWORK_ERROR');
  });
});

describe('WeChat Pay refund', () => {
  it('should POST the refund with amounts in fen and its notify_url', async () => {
    answer = () => ({ status: 200, body: { refund_id: '50300908092018010222332222222', out_refund_no: 'RF2026030100001', status: 'PROCESSING' } });
    const result = await provider.refund({
      outTradeNo: 'SM2026030100001',
      transactionId: '4200002100202603011234567890',
      outRefundNo: 'RF2026030100001',
      amount: 3000,
      total: 9900,
      reason: '订单取消，扣除手续费后退款',
      notifyUrl: 'https://shangmen.example.com/api/payments/notify/wechat',
    });
    const request = lastRequest();
    expect(request.signatureValid).toBe(true);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/refund/domestic/refunds');
    expect(JSON.parse(request.body)).toEqual({
      out_trade_no: 'SM2026030100001',
      out_refund_no: 'RF2026030100001',
      reason: '订单取消，扣除手续费后退款',
      notify_url: 'https://shangmen.example.com/api/payments/notify/wechat',
      amount: { refund: 3000, total: 9900, currency: 'CNY' },
    });
    expect(result).toMatchObject({ refundId: '50300908092018010222332222222', status: 'processing' });
  });

  it.each([
    ['SUCCESS', 'success'],
    ['PROCESSING', 'processing'],
    ['ABNORMAL', 'abnormal'],
    ['CLOSED', 'failed'],
  ])('should map refund status %s to %s', async (wechatStatus, status) => {
    answer = () => ({ status: 200, body: { refund_id: '503009', status: wechatStatus } });
    const result = await provider.refund({
      outTradeNo: 'SM1', outRefundNo: 'RF1', amount: 100, total: 100, reason: '', notifyUrl: 'https://shangmen.example.com/n',
    });
    expect(result.status).toBe(status);
    expect(JSON.parse(lastRequest().body)).not.toHaveProperty('reason');
  });

  it('should surface a refused refund with WeChat’s code', async () => {
    answer = () => ({ status: 403, body: { code: 'NOT_ENOUGH', message: '基本账户余额不足' } });
    const refund = provider.refund({ outTradeNo: 'SM1', outRefundNo: 'RF1', amount: 100, total: 100, reason: '取消', notifyUrl: 'https://x/n' });
    expect((await providerError(refund)).details.code).toBe('NOT_ENOUGH');
  });
});

describe('WeChat Pay query', () => {
  it('should GET the order by out_trade_no with mchid and read a paid order', async () => {
    answer = () => ({
      status: 200,
      body: {
        appid: APPID, mchid: MCHID, out_trade_no: 'SM2026030100001', transaction_id: '4200002100202603011234567890',
        trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', success_time: '2026-03-01T16:30:10+08:00',
        amount: { total: 9900, payer_total: 9800, currency: 'CNY', payer_currency: 'CNY' },
      },
    });
    const result = await provider.query('SM2026030100001');
    const request = lastRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/v3/pay/transactions/out-trade-no/SM2026030100001?mchid=${MCHID}`);
    expect(request.body).toBe('');
    expect(request.signatureValid).toBe(true);
    expect(result).toMatchObject({ status: 'paid', transactionId: '4200002100202603011234567890', amount: 9900 });
    expect(result.at?.toISOString()).toBe('2026-03-01T08:30:10.000Z');
  });

  it.each([
    ['SUCCESS', 'paid'],
    ['REFUND', 'refunded'],
    ['NOTPAY', 'unpaid'],
    ['USERPAYING', 'unpaid'],
    ['PAYERROR', 'unpaid'],
    ['CLOSED', 'closed'],
  ])('should map trade_state %s to %s', async (tradeState, status) => {
    answer = () => ({ status: 200, body: { out_trade_no: 'SM1', trade_state: tradeState, amount: { total: 100 } } });
    expect((await provider.query('SM1')).status).toBe(status);
  });

  it('should read ORDER_NOT_EXIST as not_found', async () => {
    answer = () => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } });
    expect((await provider.query('SM-unknown')).status).toBe('not_found');
  });
});

describe('WeChat Pay refund query', () => {
  it('should GET the refund by out_refund_no, signed, and read a refund still processing', async () => {
    answer = () => ({
      status: 200,
      body: { refund_id: '50300908092018010222332222222', out_refund_no: 'RF2026030100001', out_trade_no: 'SM2026030100001', status: 'PROCESSING', amount: { refund: 3000, total: 9900, currency: 'CNY' } },
    });
    const result = await provider.queryRefund({ outTradeNo: 'SM2026030100001', outRefundNo: 'RF2026030100001' });
    const request = lastRequest();
    expect([request.method, request.url, request.body, request.signatureValid]).toEqual(['GET', '/v3/refund/domestic/refunds/RF2026030100001', '', true]);
    expect(result).toMatchObject({ status: 'processing', amount: 3000, refundId: '50300908092018010222332222222' });
  });

  it.each([
    ['SUCCESS', 'success'],
    ['PROCESSING', 'processing'],
    ['ABNORMAL', 'abnormal'],
    ['CLOSED', 'closed'],
  ])('should map refund query status %s to %s', async (wechatStatus, status) => {
    answer = () => ({ status: 200, body: { refund_id: '503009', status: wechatStatus, success_time: '2026-03-01T16:30:10+08:00', amount: { refund: 100 } } });
    expect((await provider.queryRefund({ outTradeNo: 'SM1', outRefundNo: 'RF1' })).status).toBe(status);
  });

  it('should read RESOURCE_NOT_EXISTS as not_found', async () => {
    answer = () => ({ status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' } });
    expect((await provider.queryRefund({ outTradeNo: 'SM1', outRefundNo: 'RF-unknown' })).status).toBe('not_found');
  });

  it('should not read another error as not_found', async () => {
    answer = () => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } });
    expect((await providerError(provider.queryRefund({ outTradeNo: 'SM1', outRefundNo: 'RF1' }))).details).toMatchObject({ code: 'SYSTEM_ERROR' });
  });

  it('should apply an abnormal refund to the member’s bank card by refund_id', async () => {
    answer = () => ({ status: 200, body: { refund_id: '503009', out_refund_no: 'RF1', status: 'PROCESSING', amount: { refund: 100 } } });
    const result = await provider.applyAbnormalRefund!({ refundId: '503009', outRefundNo: 'RF1', type: 'USER_BANK_CARD' });
    const request = lastRequest();
    expect([request.method, request.url, request.signatureValid]).toEqual(['POST', '/v3/refund/domestic/refunds/503009/apply-abnormal-refund', true]);
    expect(JSON.parse(request.body)).toEqual({ out_refund_no: 'RF1', type: 'USER_BANK_CARD' });
    expect(result.status).toBe('processing');
  });
});

describe('WeChat Pay close', () => {
  it('should POST {mchid} to the close endpoint and accept the signed 204', async () => {
    answer = () => ({ status: 204 });
    await expect(provider.close('SM2026030100001')).resolves.toBeUndefined();
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/pay/transactions/out-trade-no/SM2026030100001/close');
    expect(JSON.parse(request.body)).toEqual({ mchid: MCHID });
    expect(request.signatureValid).toBe(true);
  });

  it('should not take a forged 204 for a closed order', async () => {
    answer = () => ({ status: 204, forgeSignature: true });
    expect((await providerError(provider.close('SM2026030100001'))).details.code).toBe('RESPONSE_SIGNATURE_INVALID');
  });
});

describe('WeChat Pay public key scheme (微信支付公钥) in API calls', () => {
  it('should name the public key id in Wechatpay-Serial and verify answers signed with that key', async () => {
    const publicKeyProvider = createWechatPayProvider(
      config({ platformCertificates: [{ serial: PUBLIC_KEY_ID, pem: keys.publicKeyMode.publicKeyPem }] }),
    );
    answer = () => ({ status: 200, body: { code_url: 'weixin://wxpay/bizpayurl?pr=pk' }, sign: { privateKeyPem: keys.publicKeyMode.privateKeyPem, serial: PUBLIC_KEY_ID } });
    const result = await publicKeyProvider.create(order({ clientType: 'native' }));
    expect(result.params).toEqual({ code_url: 'weixin://wxpay/bizpayurl?pr=pk' });
    expect(lastRequest().headers['wechatpay-serial']).toBe(PUBLIC_KEY_ID);
  });
});
