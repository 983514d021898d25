/**
 * Rules for handing out coupon templates (领券中心, operator grants, 新人券). Pure: the caller
 * passes the template, what the member already holds and the clock.
 */

export interface CouponTemplate {
  active: boolean;
  claimable?: boolean | null;
  /** The window in which members may claim it themselves; open-ended when null. */
  claimStartsAt?: string | Date | null;
  claimEndsAt?: string | Date | null;
  /** The window in which the coupon can be used; nobody should get a coupon that is already dead. */
  validFrom?: string | Date | null;
  validUntil?: string | Date | null;
  stock?: number | null;
  issuedCount?: number | null;
  perUserLimit: number;
}

export type RefusalCode = 'COUPON_NOT_CLAIMABLE' | 'COUPON_SOLD_OUT' | 'COUPON_LIMIT_REACHED';
export type RefusalReason = 'inactive' | 'not_claimable' | 'not_started' | 'ended' | 'expired' | 'sold_out' | 'limit_reached';

export interface Refusal {
  code: RefusalCode;
  reason: RefusalReason;
  message: string;
}

const time = (value: string | Date | null | undefined): number | null => (value ? new Date(value).getTime() : null);

const refuse = (code: RefusalCode, reason: RefusalReason, message: string): Refusal => ({ code, reason, message });

/** Coupons left to hand out, or null when the template has no stock limit. */
export function remainingStock(coupon: Pick<CouponTemplate, 'stock' | 'issuedCount'>): number | null {
  if (coupon.stock == null) return null;
  return Math.max(0, coupon.stock - (coupon.issuedCount ?? 0));
}

/**
 * Why a template cannot be handed out at all right now (by anyone, to anyone), or null. Stock is
 * checked here only as a fast answer: the conditional UPDATE that takes it is what holds under
 * concurrency.
 */
export function grantRefusal(coupon: CouponTemplate, now: Date): Refusal | null {
  if (!coupon.active) return refuse('COUPON_NOT_CLAIMABLE', 'inactive', '优惠券已停用');
  const until = time(coupon.validUntil);
  if (until !== null && until <= now.getTime()) return refuse('COUPON_NOT_CLAIMABLE', 'expired', '优惠券已过期');
  if (remainingStock(coupon) === 0) return refuse('COUPON_SOLD_OUT', 'sold_out', '优惠券已领完');
  return null;
}

/** Why a member cannot claim the template now, given how many of it they already hold. */
export function claimRefusal(coupon: CouponTemplate, held: number, now: Date): Refusal | null {
  if (!coupon.active) return refuse('COUPON_NOT_CLAIMABLE', 'inactive', '优惠券已停用');
  if (!coupon.claimable) return refuse('COUPON_NOT_CLAIMABLE', 'not_claimable', '该优惠券不可领取');
  const starts = time(coupon.claimStartsAt);
  if (starts !== null && starts > now.getTime()) return refuse('COUPON_NOT_CLAIMABLE', 'not_started', '领取尚未开始');
  const ends = time(coupon.claimEndsAt);
  if (ends !== null && ends <= now.getTime()) return refuse('COUPON_NOT_CLAIMABLE', 'ended', '领取已结束');
  const general = grantRefusal(coupon, now);
  if (general) return general;
  if (held >= coupon.perUserLimit) return refuse('COUPON_LIMIT_REACHED', 'limit_reached', '已达到该券的领取上限');
  return null;
}

export type GrantSource = 'grant' | 'claim' | 'exchange' | 'campaign' | 'register';

/**
 * The idempotency key of a grant that must happen at most once: an operator's grant under one
 * reference (a campaign code, a ticket number), a campaign send, the new-member gift. Claims and
 * exchanges have none: the per-user limit bounds them instead.
 */
export function grantKey(source: Exclude<GrantSource, 'claim' | 'exchange'>, ref: string, couponId: number, userId: number): string {
  return `${source}:${ref}:${couponId}:${userId}`;
}
