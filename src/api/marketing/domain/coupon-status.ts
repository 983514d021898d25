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
