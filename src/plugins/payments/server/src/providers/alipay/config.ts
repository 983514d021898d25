import crypto from 'crypto';
import fs from 'fs';

export const DEFAULT_ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';

export interface AlipayConfig {
  appId: string;
  /** Our application private key (应用私钥): PEM, PKCS#1 or PKCS#8, or the bare base64 Alipay's key tool prints. */
  privateKey: string;
  /** Alipay's public key (支付宝公钥, public-key mode): PEM or bare base64. */
  alipayPublicKey: string;
  gateway?: string;
  /** Our Alipay account id (2088…); when set, notifications for another seller are rejected. */
  sellerId?: string;
  timeoutMs?: number;
  now: () => Date;
}

export type AlipayEnvConfig = Omit<AlipayConfig, 'now'>;

const REQUIRED_ENV = ['ALIPAY_APPID', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY'] as const;

/**
 * ALIPAY_APPID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY (each key as PEM, bare base64 or a file
 * path), ALIPAY_GATEWAY, ALIPAY_SELLER_ID. Undefined when none is set; a half-configured channel
 * fails at boot instead of failing the first member who pays.
 */
export function alipayConfigFromEnv(env: NodeJS.ProcessEnv): AlipayEnvConfig | undefined {
  const missing = REQUIRED_ENV.filter((name) => !env[name]?.trim());
  if (missing.length === REQUIRED_ENV.length) return undefined;
  if (missing.length > 0) throw new Error(`Alipay is partly configured: set ${missing.join(', ')}`);
  return {
    appId: env.ALIPAY_APPID!.trim(),
    privateKey: readKeyMaterial(env.ALIPAY_PRIVATE_KEY!, 'ALIPAY_PRIVATE_KEY'),
    alipayPublicKey: readKeyMaterial(env.ALIPAY_PUBLIC_KEY!, 'ALIPAY_PUBLIC_KEY'),
    gateway: env.ALIPAY_GATEWAY?.trim() || DEFAULT_ALIPAY_GATEWAY,
    sellerId: env.ALIPAY_SELLER_ID?.trim() || undefined,
  };
}

/** PEM text, bare base64, or the path of a file holding either. `\n` escapes from .env files are undone. */
export function readKeyMaterial(value: string, name: string): string {
  const text = value.trim().replace(/\\n/g, '\n');
  if (text.includes('-----BEGIN')) return text;
  if (fs.existsSync(text) && fs.statSync(text).isFile()) return fs.readFileSync(text, 'utf8');
  if (/^[A-Za-z0-9+/=\s]+$/.test(text)) return text;
  throw new Error(`${name} is neither a key nor a readable file`);
}

const derBytes = (base64: string) => Buffer.from(base64.replace(/\s+/g, ''), 'base64');

/**
 * Any accepted private key as PKCS#8 PEM. alipay-sdk reads a key as PKCS#1 unless told
 * `keyType: 'PKCS8'`; normalising once lets us always tell it PKCS8 and rejects a broken key at boot.
 */
export function privateKeyToPkcs8(key: string): string {
  let keyObject: crypto.KeyObject;
  try {
    if (key.includes('-----BEGIN')) {
      keyObject = crypto.createPrivateKey(key);
    } else {
      const der = derBytes(key);
      try {
        keyObject = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      } catch {
        keyObject = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
      }
    }
  } catch (err) {
    throw new Error(`Alipay application private key cannot be read: ${(err as Error).message}`);
  }
  if (keyObject.asymmetricKeyType !== 'rsa') throw new Error('Alipay application private key must be an RSA key (RSA2)');
  // alipay-sdk strips header lines by position: a trailing newline would leave the footer in the body.
  return String(keyObject.export({ type: 'pkcs8', format: 'pem' })).trim();
}

/** Alipay's public key as SPKI PEM. */
export function publicKeyToSpki(key: string): string {
  let keyObject: crypto.KeyObject;
  try {
    keyObject = key.includes('-----BEGIN')
      ? crypto.createPublicKey(key)
      : crypto.createPublicKey({ key: derBytes(key), format: 'der', type: 'spki' });
  } catch (err) {
    throw new Error(`Alipay public key cannot be read: ${(err as Error).message}`);
  }
  if (keyObject.asymmetricKeyType !== 'rsa') throw new Error('Alipay public key must be an RSA key (RSA2)');
  return String(keyObject.export({ type: 'spki', format: 'pem' })).trim();
}
