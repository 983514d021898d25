import crypto from 'crypto';

/**
 * Which keys may sign a UnionPay message. 5.1.0 messages carry their signing certificate
 * (signPubKeyCert); like UnionPay's SDK (CertUtil.verifyCertificate) we accept it when it is one
 * we were given, or when it is valid now, chains to a configured self-signed root through
 * configured CA certificates, and its CN names 中国银联股份有限公司 as the third '@' part
 * (CN=041@Z12@中国银联股份有限公司@00000062).
 */

export const UNIONPAY_CN_NAME = '中国银联股份有限公司';
/** The identity in the test environment's signing certificate, accepted only when CN checking is off. */
export const UNIONPAY_TEST_CN_NAME = '00040000:SIGN';

export class UntrustedCertificate extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UntrustedCertificate';
  }
}

export function splitPemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

const within = (cert: crypto.X509Certificate, at: Date) => new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);

const selfSigned = (cert: crypto.X509Certificate) => cert.checkIssued(cert) && cert.verify(cert.publicKey);

/** The identity UnionPay puts third in the CN, '' when the CN has no such part. */
export function certificateIdentity(cert: crypto.X509Certificate): string {
  const cn = cert.subject
    .split('\n')
    .find((line) => line.startsWith('CN='))
    ?.slice(3);
  return cn?.split('@')[2] ?? '';
}

export interface CertificateTrust {
  /** Public keys allowed to have signed a message carrying `carried` (PEM) or none. Throws UntrustedCertificate. */
  keysFor(carried: string | undefined): crypto.KeyObject[];
}

export function createCertificateTrust(verifyCerts: string | string[], options: { validateCnName: boolean; now: () => Date }): CertificateTrust {
  const configured = (Array.isArray(verifyCerts) ? verifyCerts : [verifyCerts]).flatMap(splitPemCertificates).map((pem) => new crypto.X509Certificate(pem));
  if (configured.length === 0) throw new Error('UnionPay verify certificates: no PEM certificate found');
  const authorities = configured.filter((cert) => cert.ca);
  const identities = options.validateCnName ? [UNIONPAY_CN_NAME] : [UNIONPAY_CN_NAME, UNIONPAY_TEST_CN_NAME];

  function chainsToRoot(cert: crypto.X509Certificate, at: Date, depth: number): boolean {
    if (depth > 4) return false;
    return authorities.some(
      (ca) =>
        ca.fingerprint256 !== cert.fingerprint256 &&
        within(ca, at) &&
        cert.checkIssued(ca) &&
        cert.verify(ca.publicKey) &&
        (selfSigned(ca) || chainsToRoot(ca, at, depth + 1)),
    );
  }

  return {
    keysFor(carried) {
      const at = options.now();
      if (!carried) {
        const current = configured.filter((cert) => within(cert, at));
        if (current.length === 0) throw new UntrustedCertificate('no configured UnionPay certificate is valid now');
        return current.map((cert) => cert.publicKey);
      }
      let cert: crypto.X509Certificate;
      try {
        cert = new crypto.X509Certificate(carried);
      } catch {
        throw new UntrustedCertificate('signPubKeyCert is not a certificate');
      }
      if (!within(cert, at)) throw new UntrustedCertificate(`signing certificate ${cert.serialNumber} is not valid at ${at.toISOString()}`);
      if (configured.some((known) => known.fingerprint256 === cert.fingerprint256)) return [cert.publicKey];
      if (!chainsToRoot(cert, at, 0)) throw new UntrustedCertificate(`signing certificate ${cert.serialNumber} does not chain to the configured UnionPay root`);
      const identity = certificateIdentity(cert);
      if (!identities.includes(identity)) throw new UntrustedCertificate(`signing certificate belongs to "${identity}", not UnionPay`);
      return [cert.publicKey];
    },
  };
}
