/**
 * A granted coupon's status as the member sees it: an available coupon past its expiry is
 * expired even before the nightly sweep writes that down.
 */
export type UserCouponStatus = 'available' | 'reserved' | 'used' | 'expired' | 'revoked';

export function effectiveCouponStatus(
  stored: UserCouponStatus,
  expiresAt: string | Date | null | undefined,
  now: Date,
): UserCouponStatus {
  if (stored === 'available' && expiresAt && new Date(expiresAt).getTime() <= now.getTime()) return 'expired';
  return stored;
}

/** When a coupon granted now stops being usable: the template's fixed end or N days after grant,
 * whichever comes first. */
export function couponExpiry(
  template: { validUntil?: string | Date | null; validDays?: number | null },
  grantedAt: Date,
): Date | null {
  const candidates: number[] = [];
  if (template.validUntil) candidates.push(new Date(template.validUntil).getTime());
  if (template.validDays) candidates.push(grantedAt.getTime() + template.validDays * 86_400_000);
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

const DAY_MS = 86_400_000;

/**
 * The next business-day start after `now`, as a slot number and its instant, for the nightly
 * expiry sweep. `utcOffsetMinutes` is the business zone's fixed offset (Asia/Shanghai: 480, no
 * daylight saving). Example: 2026-12-03T15:30Z with 480 → slot of 2026-12-04, at 2026-12-03T16:00Z.
 */
export function nextDailyRun(now: Date, utcOffsetMinutes: number): { slot: number; at: Date } {
  const offset = utcOffsetMinutes * 60_000;
  const slot = Math.floor((now.getTime() + offset) / DAY_MS) + 1;
  return { slot, at: new Date(slot * DAY_MS - offset) };
}
