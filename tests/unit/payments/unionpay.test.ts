import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import {
  createUnionPayProvider,
  unionpayConfigFromEnv,
  type UnionPayConfig,
  type UnionPayProvider,
} from '../../../src/plugins/payments/server/src/providers/unionpay';
import { parseGatewayAnswer } from '../../../src/plugins/payments/server/src/providers/unionpay/message';
import { NotificationRejected, ProviderError, type CreatePaymentInput } from '../../../src/plugins/payments/server/src/providers/types';
import {
  beijing,
  CERT_ID,
  consumeFields,
  formInputs,
  makeUnionPayCerts,
  MER_ID,
  startUnionPayGateway,
  unionpayNotification,
  verifiesWith,
  type Issued,
  type UnionPayCerts,
} from './unionpay-fixtures';

/**
 * UnionPay's side is played with certificates made here by openssl (see unionpay-fixtures): a
 * root and a middle CA, the signing certificate they issue to "中国银联股份有限公司", and the
 * impostors a forger could make. Our merchant key signs requests; the gateway stand-in checks
 * them as UnionPay would.
 */
let dir: string;
let certs: UnionPayCerts;
let root: Issued;
let middle: Issued;
let signing: Issued; // UnionPay's genuine signing certificate, issued by middle
let wrongName: Issued; // issued by middle to someone else
let testEnv: Issued; // issued by middle with the test environment's identity
let rogue: Issued; // UnionPay's name, but issued by the forger's own root
let selfSigned: Issued; // a signing certificate handed to us directly
const merchant = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(() => {
  certs = makeUnionPayCerts();
  ({ dir, root, middle, signing, wrongName, testEnv, rogue, selfSigned } = certs);
});

afterAll(() => certs.cleanup());

const HOUR = 3600_000;
// The certificates are made when the tests start and are valid from then on: "now" is a little later.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * 60_000);

function provider(overrides: Partial<UnionPayConfig> = {}): UnionPayProvider {
  return createUnionPayProvider({
    merId: MER_ID,
    signCert: { privateKey: String(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' })), certId: CERT_ID },
    verifyCerts: `${root.cert}\n${middle.cert}`,
    frontTransUrl: 'https://gateway.example.test/gateway/api/frontTransReq.do',
    backTransUrl: 'http://127.0.0.1:9/gateway/api/backTransReq.do',
    appTransUrl: 'http://127.0.0.1:9/gateway/api/appTransReq.do',
    queryTransUrl: 'http://127.0.0.1:9/gateway/api/queryTrans.do',
    now: () => NOW,
    ...overrides,
  });
}

const verifiesAsMerchant = (fields: Record<string, string>) => verifiesWith(fields, merchant.publicKey);

/** A back notification body as UnionPay posts it (form-encoded). */
const notification = (fields: Record<string, string>, key: crypto.KeyObject = signing.key, cert: string | null = signing.cert) => unionpayNotification(fields, key, cert);

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

const reasonOf = async (promise: Promise<unknown>) => ((await rejection(promise)) as NotificationRejected).reason;

describe('UnionPay notifications', () => {
  it('should accept a consume notification whose signing certificate chains to the configured root', async () => {
    const note = await provider().verifyNotify(notification(consumeFields()), {});
    expect(note).toMatchObject({
      kind: 'payment',
      status: 'paid',
      outTradeNo: 'PY2026030110000012345678',
      transactionId: '782603011000301234567',
      amount: 12345,
      merchantId: MER_ID,
    });
    expect((note.raw as Record<string, string>).respMsg).toBe('成功[0000000]');
  });

  it('should take respCode A6 as paid and any other as not paid yet', async () => {
    expect((await provider().verifyNotify(notification(consumeFields({ respCode: 'A6' })), {})).status).toBe('paid');
    expect((await provider().verifyNotify(notification(consumeFields({ respCode: '61', respMsg: '余额不足' })), {})).status).toBe('pending');
  });

  it('should reject a notification signed with another key, even when it carries UnionPay’s certificate', async () => {
    const err = await rejection(provider().verifyNotify(notification(consumeFields(), stranger.privateKey), {}));
    expect(err).toBeInstanceOf(NotificationRejected);
    expect((err as NotificationRejected).reason).toBe('signature');
  });

  it('should reject a notification whose amount was changed after signing', async () => {
    const body = notification(consumeFields()).replace('txnAmt=12345', 'txnAmt=1');
    expect(body).toContain('txnAmt=1&');
    expect(await reasonOf(provider().verifyNotify(body, {}))).toBe('signature');
  });

  it('should reject a certificate in UnionPay’s name that the configured root did not issue', async () => {
    expect(await reasonOf(provider().verifyNotify(notification(consumeFields(), rogue.key, rogue.cert), {}))).toBe('signature');
  });

  it('should reject a certificate the UnionPay CA issued to someone else', async () => {
    expect(await reasonOf(provider().verifyNotify(notification(consumeFields(), wrongName.key, wrongName.cert), {}))).toBe('signature');
  });

  it('should take the test environment’s signing certificate only when CN checking is off', async () => {
    const body = notification(consumeFields(), testEnv.key, testEnv.cert);
    expect(await reasonOf(provider().verifyNotify(body, {}))).toBe('signature');
    expect((await provider({ validateCnName: false }).verifyNotify(body, {})).status).toBe('paid');
  });

  it('should reject a signing certificate that has expired', async () => {
    const later = provider({ now: () => new Date(NOW.getTime() + 2 * 365 * 24 * HOUR) });
    expect(await reasonOf(later.verifyNotify(notification(consumeFields()), {}))).toBe('signature');
  });

  it('should trust a signing certificate configured directly, with or without it in the message, and nothing else', async () => {
    const pinned = provider({ verifyCerts: selfSigned.cert });
    expect((await pinned.verifyNotify(notification(consumeFields(), selfSigned.key, selfSigned.cert), {})).status).toBe('paid');
    expect((await pinned.verifyNotify(notification(consumeFields(), selfSigned.key, null), {})).status).toBe('paid');
    expect(await reasonOf(pinned.verifyNotify(notification(consumeFields(), signing.key, signing.cert), {}))).toBe('signature');
    expect(await reasonOf(pinned.verifyNotify(notification(consumeFields(), stranger.privateKey, null), {}))).toBe('signature');
  });

  it('should reject a genuine notification for another merchant', async () => {
    expect(await reasonOf(provider().verifyNotify(notification(consumeFields({ merId: '777290058110099' })), {}))).toBe('merchant');
  });

  it('should reject other protocol versions, unsigned bodies and repeated fields', async () => {
    expect(await reasonOf(provider().verifyNotify(notification(consumeFields({ version: '5.0.0' })), {}))).toBe('signature');
    expect(await reasonOf(provider().verifyNotify(new URLSearchParams(consumeFields()).toString(), {}))).toBe('signature');
    expect(await reasonOf(provider().verifyNotify(`${notification(consumeFields())}&txnAmt=1`, {}))).toBe('malformed');
  });

  it('should report a refund notification with our refund number, the refund queryId and the payment it refunds', async () => {
    const body = notification(
      consumeFields({
        txnType: '04',
        txnSubType: '00',
        orderId: 'RF2026030209000087654321',
        origQryId: '782603011000301234567',
        queryId: '782603020900001111111',
        txnAmt: '500',
        reqReserved: 'PY2026030110000012345678',
      }),
    );
    const note = await provider().verifyNotify(body, {});
    expect(note).toMatchObject({
      kind: 'refund',
      status: 'refund_success',
      outTradeNo: 'PY2026030110000012345678',
      transactionId: '782603011000301234567',
      outRefundNo: 'RF2026030209000087654321',
      refundId: '782603020900001111111',
      refundAmount: 500,
    });
    const failed = notification(consumeFields({ txnType: '04', orderId: 'RF2026030209000087654321', origQryId: 'x', respCode: '01', txnAmt: '500' }));
    expect((await provider().verifyNotify(failed, {})).status).toBe('refund_failed');
  });

  it('should answer 200 "ok" when accepted, and the chosen status otherwise so UnionPay retries', () => {
    expect(provider().successReply()).toEqual({ status: 200, contentType: 'text/plain', body: 'ok' });
    expect(provider().failureReply(401, 'PAYMENT_SIGNATURE_INVALID')).toEqual({ status: 401, contentType: 'text/plain', body: 'fail' });
  });
});

/** Stands in for gateway.95516.com: checks our signature, answers as UnionPay does (raw k=v&…, signed). */
const startGateway = () => startUnionPayGateway({ merchantPublicKey: merchant.publicKey, signing, stranger: stranger.privateKey });

describe('UnionPay create, refund, query and close', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let unionpay: UnionPayProvider;
  beforeAll(async () => {
    gateway = await startGateway();
    unionpay = provider({
      frontTransUrl: `${gateway.base}/gateway/api/frontTransReq.do`,
      backTransUrl: `${gateway.base}/gateway/api/backTransReq.do`,
      appTransUrl: `${gateway.base}/gateway/api/appTransReq.do`,
      queryTransUrl: `${gateway.base}/gateway/api/queryTrans.do`,
    });
  });
  afterAll(() => gateway.close());

  const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
    outTradeNo: 'PY2026030110000012345678',
    amount: 12345,
    description: '家庭保洁 2小时',
    clientType: 'page',
    notifyUrl: 'https://shop.example.com/api/payments/notify/unionpay',
    returnUrl: 'https://shop.example.com/h5/#/orders/abc?from=pay&x="1"',
    expiresAt: new Date(NOW.getTime() + 30 * 60_000),
    ...overrides,
  });

  it('should give a desktop browser a form that posts signed consume fields to the front gateway', async () => {
    const created = await unionpay.create(input());
    const { form, action, fields, txnTime } = created.params as { form: string; action: string; fields: Record<string, string>; txnTime: string };
    expect(action).toBe(`${gateway.base}/gateway/api/frontTransReq.do`);
    expect(form).toContain(`action="${action}"`);
    expect(form).toContain('.submit()');
    expect(formInputs(form)).toEqual(fields);
    expect(verifiesAsMerchant(fields)).toBe(true);
    expect(fields).toMatchObject({
      version: '5.1.0',
      encoding: 'UTF-8',
      signMethod: '01',
      certId: CERT_ID,
      txnType: '01',
      txnSubType: '01',
      bizType: '000201',
      channelType: '07',
      accessType: '0',
      merId: MER_ID,
      orderId: 'PY2026030110000012345678',
      txnTime: beijing(NOW),
      txnAmt: '12345',
      currencyCode: '156',
      frontUrl: 'https://shop.example.com/h5/#/orders/abc?from=pay&x="1"',
      backUrl: 'https://shop.example.com/api/payments/notify/unionpay',
      payTimeout: beijing(new Date(NOW.getTime() + 30 * 60_000)),
    });
    expect(txnTime).toBe(beijing(NOW));
    expect(created.channelOrderId).toBe(beijing(NOW));
  });

  it('should use the mobile channel for wap and h5', async () => {
    for (const clientType of ['wap', 'h5'] as const) {
      const { params } = await unionpay.create(input({ clientType }));
      expect((params.fields as Record<string, string>).channelType).toBe('08');
    }
  });

  it('should get a tn for the app from the app gateway with a signed request', async () => {
    gateway.answer(() => ({ fields: { respCode: '00', respMsg: '成功[0000000]', tn: '758018063040010100201', orderId: 'PY2026030110000012345678', txnTime: beijing(NOW), txnType: '01', txnSubType: '01', bizType: '000201', reserved: '{cardNumberLock=1&x=y}' } }));
    const created = await unionpay.create(input({ clientType: 'app', returnUrl: undefined }));
    expect(created.params).toEqual({ tn: '758018063040010100201', txnTime: beijing(NOW) });
    const request = gateway.requests.at(-1)!;
    expect(request.path).toBe('/gateway/api/appTransReq.do');
    expect(request.signedByMerchant).toBe(true);
    expect(request.fields).toMatchObject({ channelType: '08', txnAmt: '12345', orderId: 'PY2026030110000012345678', backUrl: 'https://shop.example.com/api/payments/notify/unionpay' });
    expect(request.fields.frontUrl).toBeUndefined();
  });

  it('should not hand out a tn from an answer UnionPay did not sign, nor from a refusal', async () => {
    gateway.answer(() => ({ fields: { respCode: '00', tn: '758018063040010100201' }, signer: 'stranger' }));
    expect(await rejection(unionpay.create(input({ clientType: 'app' })))).toBeInstanceOf(ProviderError);
    gateway.answer(() => ({ fields: { respCode: '00', tn: '758018063040010100201' }, signer: 'none' }));
    expect(await rejection(unionpay.create(input({ clientType: 'app' })))).toBeInstanceOf(ProviderError);
    gateway.answer(() => ({ fields: { respCode: '9100004', respMsg: 'Signature verification failed' } }));
    const err = await rejection(unionpay.create(input({ clientType: 'app' })));
    expect((err as ProviderError).details).toMatchObject({ respCode: '9100004' });
    gateway.answer(() => ({ fields: {}, status: 500 }));
    expect(await rejection(unionpay.create(input({ clientType: 'app' })))).toBeInstanceOf(ProviderError);
  });

  it('should refuse order numbers UnionPay would, client types it lacks, and expired payments', async () => {
    expect(await rejection(unionpay.create(input({ outTradeNo: 'PY-2026-0301' })))).toBeInstanceOf(ProviderError);
    expect(await rejection(unionpay.create(input({ outTradeNo: 'PY12345' })))).toBeInstanceOf(ProviderError);
    expect(await rejection(unionpay.create(input({ clientType: 'jsapi' })))).toBeInstanceOf(ProviderError);
    expect(await rejection(unionpay.create(input({ expiresAt: new Date(NOW.getTime() - 1000) })))).toBeInstanceOf(ProviderError);
  });

  const refundInput = {
    outTradeNo: 'PY2026030110000012345678',
    transactionId: '782603011000301234567',
    outRefundNo: 'RF2026030209000087654321',
    amount: 500,
    total: 12345,
    reason: '服务取消',
    notifyUrl: 'https://shop.example.com/api/payments/notify/unionpay',
  };

  it('should send a signed refund (退货) against the payment’s queryId and wait for the notification', async () => {
    gateway.answer(() => ({ fields: { respCode: '00', respMsg: '成功[0000000]', queryId: '782603020900001111111', orderId: refundInput.outRefundNo, txnType: '04' } }));
    const result = await unionpay.refund(refundInput);
    expect(result).toMatchObject({ status: 'processing', refundId: '782603020900001111111' });
    const request = gateway.requests.at(-1)!;
    expect(request.path).toBe('/gateway/api/backTransReq.do');
    expect(request.signedByMerchant).toBe(true);
    expect(request.fields).toMatchObject({
      txnType: '04',
      txnSubType: '00',
      bizType: '000201',
      orderId: 'RF2026030209000087654321',
      origQryId: '782603011000301234567',
      txnAmt: '500',
      txnTime: beijing(NOW),
      backUrl: 'https://shop.example.com/api/payments/notify/unionpay',
      reqReserved: 'PY2026030110000012345678',
      certId: CERT_ID,
    });
  });

  it('should fail a refund UnionPay refuses, one answered without its signature, and one without the queryId', async () => {
    gateway.answer(() => ({ fields: { respCode: '12', respMsg: '重复交易' } }));
    expect(((await rejection(unionpay.refund(refundInput))) as ProviderError).details).toMatchObject({ respCode: '12', respMsg: '重复交易' });
    gateway.answer(() => ({ fields: { respCode: '00', queryId: 'x' }, signer: 'stranger' }));
    expect(await rejection(unionpay.refund(refundInput))).toBeInstanceOf(ProviderError);
    const before = gateway.requests.length;
    expect(await rejection(unionpay.refund({ ...refundInput, transactionId: undefined }))).toBeInstanceOf(ProviderError);
    expect(gateway.requests.length).toBe(before);
  });

  it('should query an order by orderId and txnTime and read the consume’s own outcome', async () => {
    gateway.answer(() => ({ fields: { respCode: '00', respMsg: '成功', origRespCode: '00', origRespMsg: '成功', queryId: '782603011000301234567', txnAmt: '12345', orderId: 'PY2026030110000012345678', txnType: '01' } }));
    const result = await unionpay.query('PY2026030110000012345678', '20260301100000');
    expect(result).toMatchObject({ status: 'paid', transactionId: '782603011000301234567', amount: 12345 });
    const request = gateway.requests.at(-1)!;
    expect(request.path).toBe('/gateway/api/queryTrans.do');
    expect(request.signedByMerchant).toBe(true);
    expect(request.fields).toMatchObject({ txnType: '00', txnSubType: '00', bizType: '000000', orderId: 'PY2026030110000012345678', txnTime: '20260301100000', merId: MER_ID });

    gateway.answer(() => ({ fields: { respCode: '00', origRespCode: '05', origRespMsg: '处理中' } }));
    expect((await unionpay.query('PY2026030110000012345678', '20260301100000')).status).toBe('unpaid');
    gateway.answer(() => ({ fields: { respCode: '34', respMsg: '查无此交易' } }));
    expect((await unionpay.query('PY2026030110000012345678', '20260301100000')).status).toBe('not_found');
    gateway.answer(() => ({ fields: { respCode: '00', origRespCode: '00', queryId: 'x', txnAmt: '12345' }, signer: 'stranger' }));
    expect(await rejection(unionpay.query('PY2026030110000012345678', '20260301100000'))).toBeInstanceOf(ProviderError);
    expect(await rejection(unionpay.query('PY2026030110000012345678'))).toBeInstanceOf(ProviderError);
  });

  it('should send a refund under the txnTime handed out before its first send, so a resend is the same 退货', async () => {
    expect(unionpay.refundReference!()).toBe(beijing(NOW));
    gateway.answer(() => ({ fields: { respCode: '00', respMsg: '成功[0000000]', queryId: '782603020900001111111', orderId: refundInput.outRefundNo, txnType: '04' } }));
    await unionpay.refund({ ...refundInput, reference: '20260301095959' });
    expect(gateway.requests.at(-1)!.fields).toMatchObject({ orderId: refundInput.outRefundNo, txnTime: '20260301095959' });
  });

  it('should query a refund by its own orderId and txnTime and read the refund’s outcome', async () => {
    gateway.answer(() => ({ fields: { respCode: '00', respMsg: '成功', origRespCode: '00', origRespMsg: '成功', queryId: '782603020900001111111', txnAmt: '500', orderId: refundInput.outRefundNo, txnType: '04' } }));
    const done = await unionpay.queryRefund({ outTradeNo: refundInput.outTradeNo, outRefundNo: refundInput.outRefundNo, reference: '20260302090000' });
    expect(done).toMatchObject({ status: 'success', amount: 500, refundId: '782603020900001111111' });
    expect(gateway.requests.at(-1)!.fields).toMatchObject({ txnType: '00', txnSubType: '00', bizType: '000000', orderId: refundInput.outRefundNo, txnTime: '20260302090000' });
    gateway.answer(() => ({ fields: { respCode: '00', origRespCode: '05', origRespMsg: '处理中' } }));
    expect((await unionpay.queryRefund({ outTradeNo: 'o', outRefundNo: refundInput.outRefundNo, reference: '20260302090000' })).status).toBe('processing');
    gateway.answer(() => ({ fields: { respCode: '00', origRespCode: '61', origRespMsg: '退货金额超限' } }));
    expect((await unionpay.queryRefund({ outTradeNo: 'o', outRefundNo: refundInput.outRefundNo, reference: '20260302090000' })).status).toBe('failed');
    gateway.answer(() => ({ fields: { respCode: '34', respMsg: '查无此交易' } }));
    expect((await unionpay.queryRefund({ outTradeNo: 'o', outRefundNo: refundInput.outRefundNo, reference: '20260302090000' })).status).toBe('not_found');
    const before = gateway.requests.length;
    expect(await rejection(unionpay.queryRefund({ outTradeNo: 'o', outRefundNo: refundInput.outRefundNo }))).toBeInstanceOf(ProviderError);
    expect(gateway.requests.length).toBe(before);
  });

  it('should close without calling UnionPay, which has no close for a consume', async () => {
    const before = gateway.requests.length;
    await expect(unionpay.close('PY2026030110000012345678')).resolves.toBeUndefined();
    expect(gateway.requests.length).toBe(before);
  });
});

describe('UnionPay gateway answers', () => {
  it('should read raw k=v pairs where braces may hold & and =, and base64 keeps its +/=', () => {
    expect(parseGatewayAnswer('respCode=00&reserved={a=1&b=2}&signature=ab+c/d==&tn=75')).toEqual({
      respCode: '00',
      reserved: '{a=1&b=2}',
      signature: 'ab+c/d==',
      tn: '75',
    });
    expect(parseGatewayAnswer('{respCode=00&empty=}')).toEqual({ respCode: '00', empty: '' });
    expect(() => parseGatewayAnswer('respCode=00&respCode=01')).toThrow();
  });
});

describe('unionpayConfigFromEnv', () => {
  it('should be off when nothing is set and fail loudly when only part is set', () => {
    expect(unionpayConfigFromEnv({})).toBeUndefined();
    expect(() => unionpayConfigFromEnv({ UNIONPAY_MER_ID: MER_ID })).toThrow(/UNIONPAY_SIGN_KEY, UNIONPAY_SIGN_CERT_ID, UNIONPAY_VERIFY_CERT/);
  });

  it('should read PEM or paths, derive every endpoint from UNIONPAY_GATEWAY, and give a working provider', async () => {
    const keyPath = path.join(dir, 'merchant.key');
    fs.writeFileSync(keyPath, String(merchant.privateKey.export({ type: 'pkcs1', format: 'pem' })));
    fs.writeFileSync(path.join(dir, 'bundle.pem'), `${root.cert}${middle.cert}`);
    const config = unionpayConfigFromEnv({
      UNIONPAY_MER_ID: MER_ID,
      UNIONPAY_SIGN_KEY: keyPath,
      UNIONPAY_SIGN_CERT_ID: CERT_ID,
      UNIONPAY_VERIFY_CERT: path.join(dir, 'bundle.pem'),
      UNIONPAY_GATEWAY: 'https://gateway.test.95516.com/',
    });
    expect(config).toMatchObject({
      merId: MER_ID,
      frontTransUrl: 'https://gateway.test.95516.com/gateway/api/frontTransReq.do',
      backTransUrl: 'https://gateway.test.95516.com/gateway/api/backTransReq.do',
      appTransUrl: 'https://gateway.test.95516.com/gateway/api/appTransReq.do',
      queryTransUrl: 'https://gateway.test.95516.com/gateway/api/queryTrans.do',
      validateCnName: true,
    });
    expect(unionpayConfigFromEnv({ UNIONPAY_MER_ID: MER_ID, UNIONPAY_SIGN_KEY: keyPath, UNIONPAY_SIGN_CERT_ID: CERT_ID, UNIONPAY_VERIFY_CERT: root.cert })!.frontTransUrl).toBe(
      'https://gateway.95516.com/gateway/api/frontTransReq.do',
    );
    const unionpay = createUnionPayProvider({ ...config!, now: () => NOW });
    await expect(unionpay.verifyNotify(notification(consumeFields()), {})).resolves.toMatchObject({ status: 'paid' });
    const { params } = await unionpay.create(input());
    expect(verifiesAsMerchant(params.fields as Record<string, string>)).toBe(true);
  });

  function input(): CreatePaymentInput {
    return { outTradeNo: 'PY2026030110000012345678', amount: 1, description: 'x', clientType: 'page', notifyUrl: 'https://n', expiresAt: new Date(NOW.getTime() + 60_000) };
  }
});
