import { execFileSync } from 'child_process';
import { X509Certificate } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createWechatPayProvider, wechatConfigFromEnv, wechatPayFromEnv } from '../../../src/plugins/payments/server/src/providers/wechat';
import { NotificationRejected } from '../../../src/plugins/payments/server/src/providers/types';
import {
  API_V3_KEY,
  APPID,
  buildNotification,
  makeWechatKeys,
  MCHID,
  MERCHANT_SERIAL,
  NOW,
  PLATFORM_SERIAL,
  PUBLIC_KEY_ID,
  type WechatKeys,
} from './wechat-fixtures';

let keys: WechatKeys;

beforeAll(() => {
  keys = makeWechatKeys();
});

afterAll(() => keys.cleanup());

const baseEnv = (): Record<string, string> => ({
  WECHATPAY_MCHID: MCHID,
  WECHATPAY_APPID: APPID,
  WECHATPAY_SERIAL: MERCHANT_SERIAL,
  WECHATPAY_PRIVATE_KEY: keys.merchant.privateKeyPem,
  WECHATPAY_APIV3_KEY: API_V3_KEY,
  WECHATPAY_PLATFORM_CERT: keys.platform.certificatePem,
});

/** The configuration only counts if a provider built from it accepts a real notification. */
async function acceptsNotification(env: Record<string, string>, signedBy: { serial: string; signingKeyPem: string }) {
  const config = wechatConfigFromEnv(env);
  if (!config) throw new Error('WeChat Pay was not configured');
  const provider = createWechatPayProvider({ ...config, now: () => NOW });
  const { body, headers } = buildNotification(keys, signedBy);
  return provider.verifyNotify(body, headers);
}

describe('wechatConfigFromEnv', () => {
  it('should leave WeChat Pay off when no WECHATPAY_ variable is set', () => {
    expect(wechatConfigFromEnv({ NODE_ENV: 'production', ALIPAY_APP_ID: '2021' })).toBeUndefined();
    expect(wechatConfigFromEnv({ WECHATPAY_MCHID: '  ' })).toBeUndefined();
  });

  it('should take PEM text and read the platform serial from the certificate', async () => {
    const config = wechatConfigFromEnv(baseEnv());
    expect(config).toMatchObject({ mchid: MCHID, appid: APPID, serial: MERCHANT_SERIAL, apiV3Key: API_V3_KEY });
    expect(config?.apiBase).toBeUndefined();
    expect(config?.platformCertificates).toEqual([{ serial: PLATFORM_SERIAL, pem: keys.platform.certificatePem.trim() }]);
    await expect(acceptsNotification(baseEnv(), { serial: PLATFORM_SERIAL, signingKeyPem: keys.platform.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
  });

  it('should accept PEM text written on one line with \\n, as .env files hold it', async () => {
    const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
    const env = { ...baseEnv(), WECHATPAY_PRIVATE_KEY: oneLine(keys.merchant.privateKeyPem), WECHATPAY_PLATFORM_CERT: oneLine(keys.platform.certificatePem) };
    await expect(acceptsNotification(env, { serial: PLATFORM_SERIAL, signingKeyPem: keys.platform.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
  });

  it('should read the private key and the platform certificate from file paths', async () => {
    const env = { ...baseEnv(), WECHATPAY_PRIVATE_KEY: keys.files.merchantKey, WECHATPAY_PLATFORM_CERT: keys.files.platformCert };
    const config = wechatConfigFromEnv(env);
    expect(config?.privateKey).toBe(keys.merchant.privateKeyPem);
    expect(config?.platformCertificates[0].serial).toBe(PLATFORM_SERIAL);
    await expect(acceptsNotification(env, { serial: PLATFORM_SERIAL, signingKeyPem: keys.platform.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
  });

  it('should name a key path that cannot be read', () => {
    expect(() => wechatConfigFromEnv({ ...baseEnv(), WECHATPAY_PRIVATE_KEY: '/nonexistent/apiclient_key.pem' })).toThrow(/WECHATPAY_PRIVATE_KEY/);
  });

  it('should pass WECHATPAY_API_BASE through', () => {
    expect(wechatConfigFromEnv({ ...baseEnv(), WECHATPAY_API_BASE: 'http://127.0.0.1:4010' })?.apiBase).toBe('http://127.0.0.1:4010');
  });

  it('should list every missing variable of a partial configuration', () => {
    expect(() => wechatConfigFromEnv({ WECHATPAY_MCHID: MCHID, WECHATPAY_APPID: APPID })).toThrow(
      /WECHATPAY_SERIAL, WECHATPAY_PRIVATE_KEY, WECHATPAY_APIV3_KEY, WECHATPAY_PLATFORM_CERT or WECHATPAY_PUBLIC_KEY/,
    );
  });

  it('should let WECHATPAY_PLATFORM_SERIAL override the serial, and refuse one the certificate does not have', () => {
    const env = { ...baseEnv(), WECHATPAY_PLATFORM_SERIAL: '7132D72A03E93CDDF8C03BBD1F37EEDF00000000' };
    const config = wechatConfigFromEnv(env);
    expect(config?.platformCertificates[0].serial).toBe('7132D72A03E93CDDF8C03BBD1F37EEDF00000000');
    expect(() => createWechatPayProvider({ ...config!, now: () => NOW })).toThrow(/does not match/);
  });

  it('should run in the public key scheme from WECHATPAY_PLATFORM_CERT holding a public key and its PUB_KEY_ID_', async () => {
    const env = { ...baseEnv(), WECHATPAY_PLATFORM_CERT: keys.files.publicKey, WECHATPAY_PLATFORM_SERIAL: PUBLIC_KEY_ID };
    await expect(acceptsNotification(env, { serial: PUBLIC_KEY_ID, signingKeyPem: keys.publicKeyMode.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
    const { WECHATPAY_PLATFORM_SERIAL: _id, ...withoutId } = env;
    expect(() => wechatConfigFromEnv(withoutId)).toThrow(/PUB_KEY_ID_/);
  });

  it('should accept certificate and public key together while WeChat switches the merchant over', async () => {
    const env = { ...baseEnv(), WECHATPAY_PUBLIC_KEY: keys.publicKeyMode.publicKeyPem, WECHATPAY_PUBLIC_KEY_ID: PUBLIC_KEY_ID };
    await expect(acceptsNotification(env, { serial: PUBLIC_KEY_ID, signingKeyPem: keys.publicKeyMode.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
    await expect(acceptsNotification(env, { serial: PLATFORM_SERIAL, signingKeyPem: keys.platform.privateKeyPem })).resolves.toMatchObject({
      status: 'paid',
    });
    expect(() => wechatConfigFromEnv({ ...env, WECHATPAY_PUBLIC_KEY_ID: '' })).toThrow(/WECHATPAY_PUBLIC_KEY_ID/);
  });
});

describe('wechatPayFromEnv', () => {
  it('should give the channel registry a WeChat Pay provider only when WECHATPAY_* is set', () => {
    expect(wechatPayFromEnv({}, () => NOW)).toBeUndefined();
    expect(wechatPayFromEnv(baseEnv(), () => NOW)?.channel).toBe('wechat');
  });
});

describe('createWechatPayProvider configuration checks', () => {
  const valid = () => ({ ...wechatConfigFromEnv(baseEnv())!, now: () => NOW });

  it('should refuse an APIv3 key that is not 32 bytes', () => {
    expect(() => createWechatPayProvider({ ...valid(), apiV3Key: 'short' })).toThrow(/32 bytes/);
  });

  it('should refuse a merchant key that is not a private key', () => {
    expect(() => createWechatPayProvider({ ...valid(), privateKey: keys.merchant.publicKeyPem })).toThrow();
  });

  it('should refuse a bare public key without a PUB_KEY_ID_ serial', () => {
    expect(() =>
      createWechatPayProvider({ ...valid(), platformCertificates: [{ serial: PLATFORM_SERIAL, pem: keys.platform.publicKeyPem }] }),
    ).toThrow(/PUB_KEY_ID_/);
  });

  it('should refuse to run without any platform key', () => {
    expect(() => createWechatPayProvider({ ...valid(), platformCertificates: [] })).toThrow(/platform/);
  });
});

describe('platform certificate lifetime', () => {
  const validTo = () => new Date(new X509Certificate(keys.platform.certificatePem).validTo);
  const providerAt = (at: Date) => createWechatPayProvider({ ...wechatConfigFromEnv(baseEnv())!, now: () => at });
  const notificationAt = (at: Date) => buildNotification(keys, { timestamp: Math.floor(at.getTime() / 1000) });

  it('should accept a notification signed by the certificate up to its expiry and refuse one after it', async () => {
    const lastMinute = new Date(validTo().getTime() - 60_000);
    const late = notificationAt(lastMinute);
    await expect(providerAt(lastMinute).verifyNotify(late.body, late.headers)).resolves.toMatchObject({ status: 'paid' });

    const dayAfter = new Date(validTo().getTime() + 86_400_000);
    const expired = notificationAt(dayAfter);
    const rejection = await providerAt(dayAfter).verifyNotify(expired.body, expired.headers).catch((error) => error);
    expect(rejection).toBeInstanceOf(NotificationRejected);
    expect(rejection).toMatchObject({ reason: 'serial', message: expect.stringMatching(/expired/) });
  });

  it('should warn at boot during the last month of a certificate, and not before', () => {
    expect(providerAt(NOW).configurationWarnings?.(NOW)).toEqual([]);
    const tenDaysBefore = new Date(validTo().getTime() - 10 * 86_400_000);
    const warnings = providerAt(tenDaysBefore).configurationWarnings?.(tenDaysBefore) ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(PLATFORM_SERIAL);
    expect(warnings[0]).toContain('将于');
    const after = new Date(validTo().getTime() + 1000);
    expect(providerAt(after).configurationWarnings?.(after)[0]).toContain('已于');
  });

  it('should trust every certificate of a PEM bundle while WeChat Pay rotates them', async () => {
    const nextSerial = '6B2A1C0E5D4F3A2B1C0D9E8F7A6B5C4D3E2F1A0B';
    const keyFile = join(keys.dir, 'next_key.pem');
    const certFile = join(keys.dir, 'next_cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '3650',
      '-subj', '/C=CN/O=Tenpay.com/CN=Tenpay.com Root CA', '-set_serial', `0x${nextSerial}`], { stdio: 'pipe' });
    const bundle = `${keys.platform.certificatePem.trim()}\n${readFileSync(certFile, 'utf8')}`;
    const env = { ...baseEnv(), WECHATPAY_PLATFORM_CERT: bundle };

    expect(wechatConfigFromEnv(env)?.platformCertificates.map((c) => c.serial)).toEqual([PLATFORM_SERIAL, nextSerial]);
    await expect(acceptsNotification(env, { serial: PLATFORM_SERIAL, signingKeyPem: keys.platform.privateKeyPem })).resolves.toMatchObject({ status: 'paid' });
    await expect(acceptsNotification(env, { serial: nextSerial, signingKeyPem: readFileSync(keyFile, 'utf8') })).resolves.toMatchObject({ status: 'paid' });
    // A bundle key must still sign under its own serial.
    await expect(acceptsNotification(env, { serial: PLATFORM_SERIAL, signingKeyPem: readFileSync(keyFile, 'utf8') })).rejects.toMatchObject({ reason: 'signature' });
    expect(() => wechatConfigFromEnv({ ...env, WECHATPAY_PLATFORM_SERIAL: PLATFORM_SERIAL })).toThrow(/several certificates/);
  });
});

describe('appids', () => {
  it('reads the app appid and the further appids bound to the merchant', () => {
    const config = wechatConfigFromEnv({ ...baseEnv(), WECHATPAY_APP_APPID: ' wx8888888888888888 ', WECHATPAY_EXTRA_APPIDS: 'wx7777777777777777, ,wx6666666666666666' });
    expect(config).toMatchObject({ appid: APPID, appAppid: 'wx8888888888888888', extraAppids: ['wx7777777777777777', 'wx6666666666666666'] });
    const plain = wechatConfigFromEnv(baseEnv());
    expect(plain?.appAppid).toBeUndefined();
    expect(plain?.extraAppids).toBeUndefined();
  });
});
