/**
 * Whether a member's coupon applies to an order, and how much it takes off. All amounts are fen.
 *
 *   fixed     ¥20 off anything                   amountOff 2000
 *   threshold ¥30 off from ¥200 (满200减30)        amountOff 3000, minSpend 20000
 *   percent   12% off (88折), at most ¥50          percentOff 12, maxDiscount 5000
 *             on ¥150: 1800 off; on ¥500: 6000 capped to 5000
 */
import { DomainError } from '../../../../../runtime/errors';
import { applyBasisPoints, formatYuan, type Fen } from '../../../../../runtime/money';
import type { UserCouponStatus } from '../../../../../api/marketing/domain/coupon-status';

export type { UserCouponStatus };

export interface CouponTemplateRules {
  type: 'fixed' | 'threshold' | 'percent';
  amountOff?: Fen | null;
  /** The percent taken off: 12 means 12% off, i.e. the member pays 88%. */
  percentOff?: number | null;
  /** Cap for percent coupons; empty or 0 means no cap. */
  maxDiscount?: Fen | null;
  minSpend: Fen;
  /** Category slugs the coupon is limited to; empty = every category. */
  categories: readonly string[];
  validFrom?: Date | string | null;
  validUntil?: Date | string | null;
  active: boolean;
}

export interface CouponInput {
  userCouponStatus: UserCouponStatus;
  expiresAt?: Date | string | null;
  /** The grant is reserved, and by the very order being re-quoted (modification, payment). */
  reservedForThisOrder?: boolean;
  /**
   * Reserved or already used by the very order being re-quoted: it was checked when the order was
   * booked and belongs to it now, so its status, validity window and expiry no longer count.
   */
  heldByThisOrder?: boolean;
  template: CouponTemplateRules;
}

export type CouponRejection = 'expired' | 'not_started' | 'category' | 'min_spend' | 'used' | 'inactive';

export interface CouponContext {
  subtotal: Fen;
  categorySlug: string | null;
  now: Date;
}

const reject = (reason: CouponRejection, message: string, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError('COUPON_INVALID', message, { reason, ...extra });

const time = (value: Date | string): number => new Date(value).getTime();

/** Throws COUPON_INVALID with `details.reason` when the coupon cannot be used for this order. */
export function assertCouponUsable(coupon: CouponInput, ctx: CouponContext): void {
  const { template } = coupon;
  if (!coupon.heldByThisOrder) assertCouponAvailable(coupon, ctx);
  // Category and minimum spend still apply: a cheaper change may fall below 满减's threshold.
  if (template.categories.length > 0 && !(ctx.categorySlug && template.categories.includes(ctx.categorySlug))) {
    throw reject('category', '该优惠券不适用于此服务类目', { categories: [...template.categories] });
  }
  if (template.minSpend > ctx.subtotal) {
    throw reject('min_spend', `订单金额未满 ${formatYuan(template.minSpend)}，不能使用该优惠券`, {
      minSpend: template.minSpend,
      subtotal: ctx.subtotal,
    });
  }
}

function assertCouponAvailable(coupon: CouponInput, ctx: CouponContext): void {
  const { userCouponStatus: status, template } = coupon;
  if (status === 'used') throw reject('used', '优惠券已使用');
  if (status === 'reserved' && !coupon.reservedForThisOrder) throw reject('used', '优惠券已被其他订单占用');
  if (status === 'revoked') throw reject('inactive', '优惠券已作废');
  if (!template.active) throw reject('inactive', '该优惠券活动已停止');
  if (!hasValidAmount(template)) throw reject('inactive', '优惠券配置无效，请联系客服');
  const now = ctx.now.getTime();
  // Same boundary as effectiveCouponStatus: a coupon is expired at its expiry instant.
  if (status === 'expired') throw reject('expired', '优惠券已过期');
  if (coupon.expiresAt && time(coupon.expiresAt) <= now) throw reject('expired', '优惠券已过期');
  if (template.validUntil && time(template.validUntil) <= now) throw reject('expired', '优惠券已过期');
  if (template.validFrom && time(template.validFrom) > now) {
    throw reject('not_started', '优惠券尚未到使用时间', { validFrom: new Date(template.validFrom).toISOString() });
  }
}

function hasValidAmount(template: CouponTemplateRules): boolean {
  if (template.type === 'percent') {
    const p = template.percentOff;
    return typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 99;
  }
  const a = template.amountOff;
  return typeof a === 'number' && Number.isSafeInteger(a) && a > 0;
}

/** The discount in fen, never above the subtotal. Call after `assertCouponUsable`. */
export function couponDiscount(template: CouponTemplateRules, subtotal: Fen): Fen {
  let discount: Fen;
  if (template.type === 'percent') {
    // Half up on the exact fen amount: 12% of 9999 = 1199.88 → 1200.
    discount = applyBasisPoints(subtotal, (template.percentOff ?? 0) * 100);
    if (template.maxDiscount && template.maxDiscount > 0) discount = Math.min(discount, template.maxDiscount);
  } else {
    discount = template.amountOff ?? 0;
  }
  return Math.max(0, Math.min(discount, subtotal));
}
