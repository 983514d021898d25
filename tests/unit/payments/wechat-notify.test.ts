import { createCipheriv } from 'crypto';
import { createWechatPayProvider, type WechatPayConfig } from '../../../src/plugins/payments/server/src/providers/wechat';
import { NotificationRejected, type PaymentProvider } from '../../../src/plugins/payments/server/src/providers/types';
import {
  API_V3_KEY,
  APPID,
  buildNotification,
  makeWechatKeys,
  MCHID,
  MERCHANT_SERIAL,
  NOW,
  NOW_SECONDS,
  paidTransaction,
  PLATFORM_SERIAL,
  PUBLIC_KEY_ID,
  refundResult,
  signedHeaders,
  type WechatKeys,
} from './wechat-fixtures';

let keys: WechatKeys;
let provider: PaymentProvider;

const config = (overrides: Partial<WechatPayConfig> = {}): WechatPayConfig => ({
  mchid: MCHID,
  appid: APPID,
  serial: MERCHANT_SERIAL,
  privateKey: keys.merchant.privateKeyPem,
  apiV3Key: API_V3_KEY,
  platformCertificates: [{ serial: PLATFORM_SERIAL, pem: keys.platform.certificatePem }],
  now: () => NOW,
  ...overrides,
});

beforeAll(() => {
  keys = makeWechatKeys();
  provider = createWechatPayProvider(config());
});

afterAll(() => keys.cleanup());

async function rejection(promise: Promise<unknown>): Promise<NotificationRejected> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationRejected);
    return error as NotificationRejected;
  }
  throw new Error('the notification was accepted');
}

/** Flip one bit of the decoded resource at `index` (negative: from the end, i.e. in the GCM tag). */
const flipByte = (index: number) => (ciphertext: string) => {
  const bytes = Buffer.from(ciphertext, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] ^= 0x01;
  return bytes.toString('base64');
};

describe('WeChat Pay payment notification', () => {
  it('should accept a notification signed by the platform certificate and decrypt the transaction', async () => {
    const { body, headers } = buildNotification(keys);
    const notification = await provider.verifyNotify(body, headers);
    expect(notification).toMatchObject({
      kind: 'payment',
      status: 'paid',
      outTradeNo: 'SM2026030100001',
      transactionId: '4200002100202603011234567890',
      amount: 9900,
      merchantId: MCHID,
      appId: APPID,
    });
    expect(notification.at?.toISOString()).toBe('2026-03-01T08:30:10.000Z');
    // payer_total (after a WeChat coupon) is kept for reconciliation.
    expect(notification.raw).toMatchObject({ amount: { total: 9900, payer_total: 9800 } });
  });

  it('should read the headers whatever their case', async () => {
    const { body, headers } = buildNotification(keys);
    const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
    const upper = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toUpperCase(), value]));
    await expect(provider.verifyNotify(body, lower)).resolves.toMatchObject({ status: 'paid' });
    await expect(provider.verifyNotify(body, upper)).resolves.toMatchObject({ status: 'paid' });
  });

  it('should reject a notification signed with a key that is not the platform key', async () => {
    const { body, headers } = buildNotification(keys, { signingKeyPem: keys.attacker.privateKeyPem });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('signature');
  });

  it('should reject a body changed after WeChat signed it', async () => {
    const { body, headers } = buildNotification(keys);
    const changed = body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ');
    expect((await rejection(provider.verifyNotify(changed, headers))).reason).toBe('signature');
  });

  it('should reject the signature probe WeChat sends to check that merchants verify', async () => {
    const { body, headers } = buildNotification(keys);
    const probe = { ...headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/' + headers['Wechatpay-Signature'].slice(19) };
    expect((await rejection(provider.verifyNotify(body, probe))).reason).toBe('signature');
  });

  it('should reject a serial that is not one of our platform certificates', async () => {
    const { body, headers } = buildNotification(keys, { serial: '7132D72A03E93CDDF8C03BBD1F37EEDF00000000' });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('serial');
  });

  it('should reject a signed notification older or newer than the 300 s window, and accept one at its edge', async () => {
    const stale = buildNotification(keys, { timestamp: NOW_SECONDS - 301 });
    expect((await rejection(provider.verifyNotify(stale.body, stale.headers))).reason).toBe('timestamp');
    const future = buildNotification(keys, { timestamp: NOW_SECONDS + 301 });
    expect((await rejection(provider.verifyNotify(future.body, future.headers))).reason).toBe('timestamp');
    const edge = buildNotification(keys, { timestamp: NOW_SECONDS - 300 });
    await expect(provider.verifyNotify(edge.body, edge.headers)).resolves.toMatchObject({ status: 'paid' });
  });

  it('should honour a configured timestamp window', async () => {
    const strict = createWechatPayProvider(config({ timestampWindowSeconds: 60 }));
    const old = buildNotification(keys, { timestamp: NOW_SECONDS - 61 });
    expect((await rejection(strict.verifyNotify(old.body, old.headers))).reason).toBe('timestamp');
  });

  it('should reject a notification with a missing signature header', async () => {
    const { body, headers } = buildNotification(keys);
    const { 'Wechatpay-Signature': _dropped, ...rest } = headers;
    expect((await rejection(provider.verifyNotify(body, rest))).reason).toBe('malformed');
  });

  it('should reject a validly signed notification whose ciphertext was changed', async () => {
    const { body, headers } = buildNotification(keys, { tamperCiphertext: flipByte(3) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('decrypt');
  });

  it('should reject a validly signed notification whose GCM tag was forged', async () => {
    const { body, headers } = buildNotification(keys, { tamperCiphertext: flipByte(-1) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('decrypt');
  });

  it('should reject a resource carrying a 4-byte GCM tag, which is far easier to forge than 16 bytes', async () => {
    // A genuinely encrypted 8-byte payload with a truncated tag: GCM itself would accept it.
    const shortTag = (_ciphertext: string, nonce: string, associatedData: string) => {
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(nonce), { authTagLength: 4 });
      cipher.setAAD(Buffer.from(associatedData));
      return Buffer.concat([cipher.update('{"x":12}'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    };
    const { body, headers } = buildNotification(keys, { tamperCiphertext: shortTag });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('decrypt');
  });

  it('should reject a resource encrypted with another APIv3 key', async () => {
    const { body, headers } = buildNotification(keys, { apiV3Key: 'b'.repeat(32) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('decrypt');
  });

  it('should reject a resource whose associated data does not match what was encrypted', async () => {
    const { body, headers } = buildNotification(keys);
    const envelope = JSON.parse(body);
    envelope.resource.associated_data = 'refund';
    const changed = JSON.stringify(envelope);
    // Signed again by the platform, so only the GCM check can notice.
    const signed = signedHeaders(changed, { privateKeyPem: keys.platform.privateKeyPem, serial: headers['Wechatpay-Serial'] });
    expect((await rejection(provider.verifyNotify(changed, signed))).reason).toBe('decrypt');
  });

  it('should reject a genuine notification for another merchant', async () => {
    const { body, headers } = buildNotification(keys, { payload: paidTransaction({ mchid: '1900000999' }) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('merchant');
  });

  it('should reject a genuine notification for another app', async () => {
    const { body, headers } = buildNotification(keys, { payload: paidTransaction({ appid: 'wx0000000000000000' }) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('merchant');
  });

  it('should reject a notification whose decrypted amount is not in fen', async () => {
    const { body, headers } = buildNotification(keys, { payload: paidTransaction({ amount: { total: '99.00', currency: 'CNY' } }) });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('malformed');
  });
});

describe('WeChat Pay refund notification', () => {
  it.each([
    ['REFUND.SUCCESS', 'SUCCESS', 'refund_success'],
    ['REFUND.ABNORMAL', 'ABNORMAL', 'refund_abnormal'],
    ['REFUND.CLOSED', 'CLOSED', 'refund_closed'],
  ])('should read %s as %s → %s with the refund numbers and amounts', async (eventType, refundStatus, status) => {
    const { body, headers } = buildNotification(keys, { eventType, payload: refundResult(refundStatus) });
    const notification = await provider.verifyNotify(body, headers);
    expect(notification).toMatchObject({
      kind: 'refund',
      status,
      outTradeNo: 'SM2026030100001',
      transactionId: '4200002100202603011234567890',
      outRefundNo: 'RF2026030100001',
      refundId: '50300908092018010222332222222',
      refundAmount: 3000,
      amount: 9900,
      merchantId: MCHID,
    });
    if (refundStatus === 'SUCCESS') expect(notification.at?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('should reject a refund notification signed by someone else', async () => {
    const { body, headers } = buildNotification(keys, { eventType: 'REFUND.SUCCESS', signingKeyPem: keys.attacker.privateKeyPem });
    expect((await rejection(provider.verifyNotify(body, headers))).reason).toBe('signature');
  });
});

describe('WeChat Pay public key scheme (微信支付公钥)', () => {
  it('should verify notifications signed under a PUB_KEY_ID_ and, while switching over, under the certificate too', async () => {
    const both = createWechatPayProvider(
      config({
        platformCertificates: [
          { serial: PLATFORM_SERIAL, pem: keys.platform.certificatePem },
          { serial: PUBLIC_KEY_ID, pem: keys.publicKeyMode.publicKeyPem },
        ],
      }),
    );
    const byPublicKey = buildNotification(keys, { signingKeyPem: keys.publicKeyMode.privateKeyPem, serial: PUBLIC_KEY_ID });
    const byCertificate = buildNotification(keys);
    await expect(both.verifyNotify(byPublicKey.body, byPublicKey.headers)).resolves.toMatchObject({ status: 'paid' });
    await expect(both.verifyNotify(byCertificate.body, byCertificate.headers)).resolves.toMatchObject({ status: 'paid' });
  });

  it('should not accept the certificate key under the public key id', async () => {
    const publicKeyOnly = createWechatPayProvider(config({ platformCertificates: [{ serial: PUBLIC_KEY_ID, pem: keys.publicKeyMode.publicKeyPem }] }));
    const wrongKey = buildNotification(keys, { serial: PUBLIC_KEY_ID });
    expect((await rejection(publicKeyOnly.verifyNotify(wrongKey.body, wrongKey.headers))).reason).toBe('signature');
    const certificate = buildNotification(keys);
    expect((await rejection(publicKeyOnly.verifyNotify(certificate.body, certificate.headers))).reason).toBe('serial');
  });
});

describe('WeChat Pay notification replies', () => {
  it('should answer success with 2xx and no body', () => {
    const reply = provider.successReply();
    expect([200, 204]).toContain(reply.status);
    expect(reply.body).toBe('');
  });

  it('should answer failure with the status and {"code":"FAIL","message":…}', () => {
    const reply = provider.failureReply(401, '签名验证失败');
    expect(reply.status).toBe(401);
    expect(reply.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual({ code: 'FAIL', message: '签名验证失败' });
  });

  it('should keep the failure message within the 64 characters WeChat allows', () => {
    const reply = provider.failureReply(500, '错'.repeat(100));
    expect([...JSON.parse(reply.body).message]).toHaveLength(64);
  });

  it('should refuse to build a "failure" WeChat would read as success', () => {
    expect(() => provider.failureReply(200, 'nope')).toThrow(RangeError);
  });
});
