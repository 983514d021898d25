const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Chinese mainland mobile numbers, stored and compared as 11 digits. Accepts the forms people
 * paste: "+86 138-0013-8000", "0086 13800138000", "13800138000". Returns undefined otherwise.
 */
export function normalizeMainlandPhone(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.trim().replace(/[\s-]/g, '');
  const local = compact.replace(/^(?:\+86|0086)/, '');
  return MAINLAND_MOBILE.test(local) ? local : undefined;
}

/** "13800138000" → "138****8000" for logs and other people's screens. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
