import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'crypto';
import { readFileSync } from 'fs';

/**
 * WeChat Pay APIv3 merchant configuration. Responses and notifications are signed either with a
 * platform certificate (serial = the certificate's serial number) or, for merchants on the newer
 * "微信支付公钥" scheme, with a public key whose id starts with PUB_KEY_ID_. During the switch from
 * one to the other WeChat signs notifications with either, so both may be configured at once.
 */
export interface WechatPayPlatformKey {
  /** Platform certificate serial number, or the public key id (PUB_KEY_ID_…). */
  serial: string;
  /** The platform certificate PEM, or the WeChat Pay public key PEM for a PUB_KEY_ID_ serial. */
  pem: string;
}

export interface WechatPayConfig {
  mchid: string;
  /** The default appid: the mini-program's, for JSAPI, H5 and Native. */
  appid: string;
  /** The 开放平台 mobile app's appid, for App payments (a mini-program appid cannot pay in an app). */
  appAppid?: string;
  /** Further appids bound to the merchant (a 公众号…); a JSAPI payer names theirs with `appid`. */
  extraAppids?: string[];
  /** Serial number of the merchant API certificate (商户API证书序列号). */
  serial: string;
  /** Merchant API private key (apiclient_key.pem). */
  privateKey: string;
  /** APIv3 key, exactly 32 bytes: decrypts notification resources. */
  apiV3Key: string;
  platformCertificates: WechatPayPlatformKey[];
  apiBase?: string;
  /** How far a response or notification timestamp may be from now. */
  timestampWindowSeconds?: number;
  /** Abort a call to WeChat Pay after this long. */
  timeoutMs?: number;
  now: () => Date;
}

/** What the environment can provide; the clock is added by whoever builds the provider. */
export type WechatPayEnvConfig = Omit<WechatPayConfig, 'now'>;

/**
 * A platform certificate's key is trusted only until the certificate expires: WeChat Pay signs
 * with its successor by then, so a signature from an expired one is a leaked or replayed key.
 * WeChat Pay public keys (PUB_KEY_ID_…) carry no expiry.
 */
export interface PlatformVerifier {
  key: KeyObject;
  validTo?: Date;
}

export interface ResolvedWechatPayConfig {
  mchid: string;
  appid: string;
  appAppid: string;
  /** Every appid we pay under: a notification for any other is not ours. */
  appids: Set<string>;
  serial: string;
  privateKey: KeyObject;
  apiV3Key: string;
  /** Upper-cased serial → public key that verifies what WeChat Pay signs with it. */
  verifiers: Map<string, PlatformVerifier>;
  /** Sent as Wechatpay-Serial so WeChat signs responses with the public key, not a certificate. */
  publicKeyId?: string;
  apiBase: string;
  timestampWindowSeconds: number;
  timeoutMs: number;
  now: () => Date;
}

export const WECHATPAY_DEFAULT_API_BASE = 'https://api.mch.weixin.qq.com';
export const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

function fail(message: string): never {
  throw new Error(`WeChat Pay config: ${message}`);
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const normalizeSerial = (serial: string): string => serial.trim().toUpperCase();

function loadPlatformKey({ serial, pem }: WechatPayPlatformKey): [string, PlatformVerifier] {
  const id = normalizeSerial(serial);
  if (!id) fail('a platform certificate or public key has no serial');
  if (pem.includes('BEGIN CERTIFICATE')) {
    const certificate = new X509Certificate(pem);
    // A wrong serial would make every notification fail with 'serial' — refuse it at boot instead.
    if (normalizeSerial(certificate.serialNumber) !== id) {
      fail(`platform certificate serial ${certificate.serialNumber} does not match the configured ${serial}`);
    }
    return [id, { key: certificate.publicKey, validTo: new Date(certificate.validTo) }];
  }
  if (!id.startsWith(PUBLIC_KEY_ID_PREFIX)) {
    fail(`${serial}: a bare public key needs its WeChat Pay public key id (${PUBLIC_KEY_ID_PREFIX}…)`);
  }
  return [id, { key: createPublicKey(pem) }];
}

export function resolveWechatPayConfig(config: WechatPayConfig): ResolvedWechatPayConfig {
  for (const field of ['mchid', 'appid', 'serial', 'privateKey', 'apiV3Key'] as const) {
    if (!config[field]) fail(`${field} is required`);
  }
  if (Buffer.byteLength(config.apiV3Key, 'utf8') !== 32) fail('apiV3Key must be exactly 32 bytes');
  const privateKey = createPrivateKey(config.privateKey);
  if (privateKey.asymmetricKeyType !== 'rsa') fail('privateKey must be an RSA private key');
  if (config.platformCertificates.length === 0) fail('at least one platform certificate or public key is required');

  const verifiers = new Map(config.platformCertificates.map(loadPlatformKey));
  for (const { key } of verifiers.values()) {
    if (key.asymmetricKeyType !== 'rsa') fail('platform keys must be RSA');
  }
  const publicKeyId = [...verifiers.keys()].find((id) => id.startsWith(PUBLIC_KEY_ID_PREFIX));
  const window = config.timestampWindowSeconds ?? 300;
  if (!Number.isInteger(window) || window <= 0) fail('timestampWindowSeconds must be a positive integer');

  const appAppid = config.appAppid?.trim() || config.appid;
  return {
    mchid: config.mchid,
    appid: config.appid,
    appAppid,
    appids: new Set([config.appid, appAppid, ...(config.extraAppids ?? []).map((id) => id.trim()).filter(Boolean)]),
    serial: normalizeSerial(config.serial),
    privateKey,
    apiV3Key: config.apiV3Key,
    verifiers,
    publicKeyId,
    apiBase: (config.apiBase ?? WECHATPAY_DEFAULT_API_BASE).replace(/\/+$/, ''),
    timestampWindowSeconds: window,
    timeoutMs: config.timeoutMs ?? 10_000,
    now: config.now,
  };
}

type Env = Record<string, string | undefined>;

/** A PEM either inline (newlines possibly written as "\n" in a .env file) or a path to read. */
function pemOrFile(value: string, name: string, readFile: (path: string) => string): string {
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return text.replace(/\\n/g, '\n');
  try {
    return readFile(text);
  } catch (error) {
    return fail(`${name} is neither PEM text nor a readable file (${(error as Error).message})`);
  }
}

const REQUIRED_ENV = ['WECHATPAY_MCHID', 'WECHATPAY_APPID', 'WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY'];

/**
 * Reads WECHATPAY_* variables. Undefined when WeChat Pay is not configured at all; throws when
 * it is configured only partly, so a typo cannot silently switch the channel off.
 *
 * The platform key: WECHATPAY_PLATFORM_CERT (PEM or path; its serial is read from the
 * certificate unless WECHATPAY_PLATFORM_SERIAL overrides it; several concatenated certificates
 * are all trusted, for the overlap while WeChat Pay rotates them; a bare public key there needs
 * WECHATPAY_PLATFORM_SERIAL=PUB_KEY_ID_…), and/or WECHATPAY_PUBLIC_KEY + WECHATPAY_PUBLIC_KEY_ID
 * for the 微信支付公钥 scheme — both together while WeChat switches a merchant over.
 */
export function wechatConfigFromEnv(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): WechatPayEnvConfig | undefined {
  const present = Object.keys(env).filter((key) => key.startsWith('WECHATPAY_') && env[key]?.trim());
  if (present.length === 0) return undefined;
  const missing = REQUIRED_ENV.filter((key) => !env[key]?.trim());
  if (!env.WECHATPAY_PLATFORM_CERT?.trim() && !env.WECHATPAY_PUBLIC_KEY?.trim()) {
    missing.push('WECHATPAY_PLATFORM_CERT or WECHATPAY_PUBLIC_KEY');
  }
  if (missing.length > 0) fail(`missing ${missing.join(', ')}`);

  const platformCertificates: WechatPayPlatformKey[] = [];
  if (env.WECHATPAY_PLATFORM_CERT?.trim()) {
    const pem = pemOrFile(env.WECHATPAY_PLATFORM_CERT, 'WECHATPAY_PLATFORM_CERT', readFile);
    const override = env.WECHATPAY_PLATFORM_SERIAL?.trim();
    const certificates = pem.match(CERTIFICATE_BLOCK) ?? [];
    if (certificates.length > 1) {
      // The current and the next certificate while WeChat Pay rotates them: each names itself.
      if (override) fail('WECHATPAY_PLATFORM_SERIAL cannot name one of several certificates; leave it unset');
      for (const block of certificates) platformCertificates.push({ serial: new X509Certificate(block).serialNumber, pem: block });
    } else {
      const serial = override || (certificates.length === 1 ? new X509Certificate(pem).serialNumber : '');
      if (!serial) fail('WECHATPAY_PLATFORM_CERT is a public key: set WECHATPAY_PLATFORM_SERIAL to its PUB_KEY_ID_…');
      platformCertificates.push({ serial, pem });
    }
  }
  if (env.WECHATPAY_PUBLIC_KEY?.trim()) {
    const id = env.WECHATPAY_PUBLIC_KEY_ID?.trim();
    if (!id) fail('WECHATPAY_PUBLIC_KEY needs WECHATPAY_PUBLIC_KEY_ID');
    platformCertificates.push({ serial: id, pem: pemOrFile(env.WECHATPAY_PUBLIC_KEY, 'WECHATPAY_PUBLIC_KEY', readFile) });
  }

  return {
    mchid: env.WECHATPAY_MCHID!.trim(),
    appid: env.WECHATPAY_APPID!.trim(),
    ...(env.WECHATPAY_APP_APPID?.trim() ? { appAppid: env.WECHATPAY_APP_APPID.trim() } : {}),
    ...(env.WECHATPAY_EXTRA_APPIDS?.trim() ? { extraAppids: env.WECHATPAY_EXTRA_APPIDS.split(',').map((id) => id.trim()).filter(Boolean) } : {}),
    serial: env.WECHATPAY_SERIAL!.trim(),
    privateKey: pemOrFile(env.WECHATPAY_PRIVATE_KEY!, 'WECHATPAY_PRIVATE_KEY', readFile),
    apiV3Key: env.WECHATPAY_APIV3_KEY!.trim(),
    platformCertificates,
    ...(env.WECHATPAY_API_BASE?.trim() ? { apiBase: env.WECHATPAY_API_BASE.trim() } : {}),
  };
}

/** Platform certificates that expire within `days` of `now` (or already have): for a boot warning. */
export function expiringPlatformCertificates(config: ResolvedWechatPayConfig, now: Date, days: number): Array<{ serial: string; validTo: Date }> {
  const horizon = now.getTime() + days * 86_400_000;
  return [...config.verifiers]
    .filter(([, verifier]) => verifier.validTo && verifier.validTo.getTime() <= horizon)
    .map(([serial, verifier]) => ({ serial, validTo: verifier.validTo! }));
}
