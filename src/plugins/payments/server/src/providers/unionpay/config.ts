import fs from 'fs';

export const DEFAULT_UNIONPAY_GATEWAY = 'https://gateway.95516.com';

export interface UnionPayConfig {
  /** 商户代码 (15 characters). */
  merId: string;
  /** Our signing key (the private key of the merchant signing certificate, as PEM) and that certificate's certId (serial number, decimal). */
  signCert: { privateKey: string; certId: string };
  /**
   * UnionPay certificates as PEM, one string per certificate or bundles of several: UnionPay's
   * signing certificate itself, and/or the root and middle certificates that issue it (5.1.0
   * messages carry their signing certificate, which must then chain to these).
   */
  verifyCerts: string | string[];
  frontTransUrl?: string;
  backTransUrl?: string;
  appTransUrl?: string;
  queryTransUrl?: string;
  /**
   * As acpsdk.ifValidateCNName: when false, a chained signing certificate may also be the test
   * environment's (CN …@00040000:SIGN@…) instead of 中国银联股份有限公司's. Default true.
   */
  validateCnName?: boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now: () => Date;
}

export type UnionPayEnvConfig = Omit<UnionPayConfig, 'now' | 'fetch'>;

/** The endpoints of a UnionPay gateway host (production https://gateway.95516.com, test https://gateway.test.95516.com). */
export function unionpayEndpoints(base: string) {
  const root = base.replace(/\/+$/, '');
  return {
    frontTransUrl: `${root}/gateway/api/frontTransReq.do`,
    backTransUrl: `${root}/gateway/api/backTransReq.do`,
    appTransUrl: `${root}/gateway/api/appTransReq.do`,
    queryTransUrl: `${root}/gateway/api/queryTrans.do`,
  };
}

const REQUIRED_ENV = ['UNIONPAY_MER_ID', 'UNIONPAY_SIGN_KEY', 'UNIONPAY_SIGN_CERT_ID', 'UNIONPAY_VERIFY_CERT'] as const;

/** PEM text, or the path of a file holding PEM. `\n` escapes from .env files are undone. */
function readPem(value: string, name: string): string {
  const text = value.trim().replace(/\\n/g, '\n');
  if (text.includes('-----BEGIN')) return text;
  try {
    const content = fs.readFileSync(text, 'utf8');
    if (content.includes('-----BEGIN')) return content;
  } catch {
    // reported below
  }
  throw new Error(`${name} is neither PEM nor a readable PEM file`);
}

/**
 * UNIONPAY_MER_ID, UNIONPAY_SIGN_KEY (PEM or path), UNIONPAY_SIGN_CERT_ID, UNIONPAY_VERIFY_CERT
 * (PEM or path; may bundle root + middle), UNIONPAY_GATEWAY (base URL), UNIONPAY_VALIDATE_CN_NAME.
 * Undefined when none is set; a half-configured channel fails at boot.
 */
export function unionpayConfigFromEnv(env: NodeJS.ProcessEnv): UnionPayEnvConfig | undefined {
  const missing = REQUIRED_ENV.filter((name) => !env[name]?.trim());
  if (missing.length === REQUIRED_ENV.length) return undefined;
  if (missing.length > 0) throw new Error(`UnionPay is partly configured: set ${missing.join(', ')}`);
  return {
    merId: env.UNIONPAY_MER_ID!.trim(),
    signCert: { privateKey: readPem(env.UNIONPAY_SIGN_KEY!, 'UNIONPAY_SIGN_KEY'), certId: env.UNIONPAY_SIGN_CERT_ID!.trim() },
    verifyCerts: readPem(env.UNIONPAY_VERIFY_CERT!, 'UNIONPAY_VERIFY_CERT'),
    ...unionpayEndpoints(env.UNIONPAY_GATEWAY?.trim() || DEFAULT_UNIONPAY_GATEWAY),
    validateCnName: env.UNIONPAY_VALIDATE_CN_NAME?.trim().toLowerCase() !== 'false',
  };
}
