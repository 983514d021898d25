/**
 * Certificates (资质证书) and the skills that need them. Pure: days are business dates
 * ("YYYY-MM-DD" in Asia/Shanghai) passed in, so "expired" means the same thing to dispatch, the
 * daily job and a test with a fake clock. A certificate is valid through its `expiresAt` day.
 */

/** What a skill's `validThrough` is when the certificate never expires. */
export const NO_EXPIRY = '9999-12-31';

export interface HeldCertificate {
  type: string;
  /** "YYYY-MM-DD"; null or absent: does not expire. */
  expiresAt?: string | null;
}

const day = (value: string | null | undefined): string | null => (value ? String(value).slice(0, 10) : null);

/**
 * The last day the worker holds a valid certificate of `type`: the latest expiry among theirs
 * (a renewed one supersedes the old), NO_EXPIRY when one never expires, null when they hold none.
 */
export function certificateValidThrough(type: string, certificates: readonly HeldCertificate[]): string | null {
  let best: string | null = null;
  for (const c of certificates) {
    if (c.type !== type) continue;
    const through = day(c.expiresAt) ?? NO_EXPIRY;
    if (best === null || through > best) best = through;
  }
  return best;
}

/** Whether a skill gated by a certificate valid through `validThrough` may be used on `onDay`. */
export const certificateUsableOn = (validThrough: string | null, onDay: string): boolean => validThrough !== null && validThrough >= onDay;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type CertificateStage = 'expiring' | 'expired';

export interface CertificateNotice {
  type: string;
  expiresAt: string;
  stage: CertificateStage;
  /** Days left counting today (0 on the last valid day); negative once expired. */
  daysLeft: number;
}

/**
 * What to tell the worker on `today`: each certificate type whose current (latest) expiry is
 * within `noticeDays` (stage expiring) or has passed (stage expired). A type renewed since is
 * judged by the renewal, so replacing a certificate silences the old one's warnings.
 */
export function certificateNotices(certificates: readonly HeldCertificate[], today: string, noticeDays: number): CertificateNotice[] {
  const types = [...new Set(certificates.map((c) => c.type))];
  const notices: CertificateNotice[] = [];
  for (const type of types) {
    const through = certificateValidThrough(type, certificates);
    if (through === null || through === NO_EXPIRY) continue;
    const daysLeft = daysBetween(today, through);
    if (daysLeft < 0) notices.push({ type, expiresAt: through, stage: 'expired', daysLeft });
    else if (daysLeft <= noticeDays) notices.push({ type, expiresAt: through, stage: 'expiring', daysLeft });
  }
  return notices;
}
