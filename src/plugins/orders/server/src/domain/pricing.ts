/**
 * The quote: what an order costs and what the member pays now. Pure and integer fen, so the quote
 * endpoint, order creation and modification compute exactly the same numbers.
 *
 * Worked example: 日常保洁 ¥50/hour × 3 hours = 15000; 88折 coupon (12% off) → discount 1800;
 * 13200 left, points may cover 10% → at most 1320 fen; with 100 points per yuan and 5000 points
 * the member spends 1320 points; total 11880. Deposit mode with depositPercent 30 → pay 3564 now,
 * 8316 after the service.
 *
 *   subtotal − discount − pointsDeduction = total = deposit + balanceDue (deposit mode)
 *   payNow = total (full mode) or deposit (deposit mode)
 */
import { DomainError, validationFailed } from '../../../../../runtime/errors';
import { applyBasisPoints, type Fen } from '../../../../../runtime/money';
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';
import { assertCouponUsable, couponDiscount, type CouponInput } from './coupon-rules';

export interface PackageOption {
  code: string;
  name: string;
  quantity: number;
  price: Fen;
  active?: boolean | null;
}

export interface QuotedItem {
  documentId: string;
  name: string;
  /** Fen per unit. */
  price: Fen;
  unit: string;
  minQuantity: number;
  maxQuantity?: number | null;
  /** 0–100; 0 means the item cannot be booked with a deposit. */
  depositPercent: number;
  categorySlug: string | null;
  packages?: readonly PackageOption[] | null;
}

export interface PointsRequest {
  /** true = as many as allowed; a number = that many points (clamped to what is allowed). */
  use: boolean | number;
  balance: number;
}

export type PointsRules = Pick<PlatformSettings['points'], 'pointsPerYuan' | 'maxDeductionPercent'>;
export type PaymentMode = 'full' | 'deposit';

export interface QuoteInput {
  item: QuotedItem;
  /** Required for a plain line; for a package it must equal the package quantity or be omitted. */
  quantity?: number | null;
  packageCode?: string | null;
  coupon?: CouponInput | null;
  points?: PointsRequest | null;
  pointsRules: PointsRules;
  paymentMode: PaymentMode;
  now: Date;
}

export interface QuoteLine {
  name: string;
  /** The item's regular unit price, also for a package line (the client can show the saving). */
  unitPrice: Fen;
  quantity: number;
  amount: Fen;
  packageCode?: string;
  packageName?: string;
}

export interface Quote {
  items: QuoteLine[];
  subtotal: Fen;
  discount: Fen;
  pointsUsed: number;
  pointsDeduction: Fen;
  total: Fen;
  deposit: Fen;
  balanceDue: Fen;
  payNow: Fen;
  couponApplied: boolean;
}

export function quote(input: QuoteInput): Quote {
  const line = quoteLine(input);
  const subtotal = line.amount;
  if (!Number.isSafeInteger(subtotal)) throw validationFailed('订单金额超出范围', { field: 'quantity' });

  let discount = 0;
  if (input.coupon) {
    assertCouponUsable(input.coupon, { subtotal, categorySlug: input.item.categorySlug, now: input.now });
    discount = couponDiscount(input.coupon.template, subtotal);
  }

  const { pointsUsed, pointsDeduction } = input.points
    ? redeemPoints(input.points, subtotal - discount, input.pointsRules)
    : { pointsUsed: 0, pointsDeduction: 0 };

  const total = subtotal - discount - pointsDeduction;
  const { deposit, balanceDue, payNow } = splitPayment(total, input.item.depositPercent, input.paymentMode);
  return {
    items: [line],
    subtotal,
    discount,
    pointsUsed,
    pointsDeduction,
    total,
    deposit,
    balanceDue,
    payNow,
    couponApplied: input.coupon != null,
  };
}

function quoteLine({ item, quantity, packageCode }: QuoteInput): QuoteLine {
  if (packageCode) {
    const pkg = item.packages?.find((p) => p.code === packageCode && p.active !== false);
    if (!pkg) throw validationFailed('该优惠套餐不存在或已下架', { field: 'packageCode', packageCode });
    if (quantity != null && quantity !== pkg.quantity) {
      throw validationFailed(`套餐「${pkg.name}」的数量为 ${pkg.quantity}`, {
        field: 'quantity',
        expected: pkg.quantity,
      });
    }
    // The operator priced the bundle as a whole, so the item's quantity limits do not apply.
    return {
      name: item.name,
      unitPrice: item.price,
      quantity: pkg.quantity,
      amount: pkg.price,
      packageCode: pkg.code,
      packageName: pkg.name,
    };
  }
  if (quantity == null || !Number.isInteger(quantity) || quantity < 1) {
    throw validationFailed('数量必须为正整数', { field: 'quantity' });
  }
  const min = Math.max(1, item.minQuantity);
  if (quantity < min) throw validationFailed(`最少预约 ${min}`, { field: 'quantity', min });
  if (item.maxQuantity != null && quantity > item.maxQuantity) {
    throw validationFailed(`最多预约 ${item.maxQuantity}`, { field: 'quantity', max: item.maxQuantity });
  }
  return { name: item.name, unitPrice: item.price, quantity, amount: item.price * quantity };
}

/**
 * Points spent and fen deducted on `base` (subtotal after the coupon). The deduction is chosen
 * first, then exactly the points it costs are charged, rounded up to a whole point:
 *   pointsPerYuan 100 (1 point = 1 fen), 10% of 13200 → at most 1320 fen = 1320 points.
 *   pointsPerYuan 30, asking for 100 points → worth 333 fen (floor), costs ceil(333 × 30 / 100) = 100.
 *   pointsPerYuan 200 (1 point = ½ fen), 7 points → 3 fen, costs 6 points (the 7th buys nothing).
 */
export function redeemPoints(
  request: PointsRequest,
  base: Fen,
  rules: PointsRules,
): { pointsUsed: number; pointsDeduction: Fen } {
  const { balance, use } = request;
  if (!Number.isSafeInteger(balance) || balance < 0)
    throw new DomainError('INTERNAL', 'points balance must be a non-negative integer');
  if (use === false || use === 0) return { pointsUsed: 0, pointsDeduction: 0 };
  if (use !== true && (!Number.isSafeInteger(use) || use < 0)) {
    throw validationFailed('使用积分数必须为非负整数', { field: 'usePoints' });
  }
  const asked = use === true ? balance : use;
  if (asked > balance) throw new DomainError('INSUFFICIENT_POINTS', '积分不足', { balance, required: asked });

  const { pointsPerYuan: ppy, maxDeductionPercent: pct } = rules;
  if (!Number.isInteger(ppy) || ppy < 1 || !Number.isInteger(pct) || pct < 0 || pct > 100) {
    throw new DomainError('INTERNAL', 'points rules must be integers: pointsPerYuan ≥ 1, maxDeductionPercent 0–100');
  }
  // Floor both ways: never deduct more than the percent allows or than the points are worth.
  const cap = Math.floor((base * pct) / 100);
  const worth = Math.floor((asked * 100) / ppy);
  const pointsDeduction = Math.max(0, Math.min(cap, worth));
  const pointsUsed = Math.ceil((pointsDeduction * ppy) / 100);
  return { pointsUsed, pointsDeduction };
}

/**
 * Full mode pays everything now. Deposit mode pays depositPercent of the total now (half up, at
 * least 1 fen so a deposit order always has a payment) and the rest on completion:
 * 11880 at 30% → deposit 3564, balanceDue 8316; 3 fen at 10% → deposit 1 (0.3 rounds to 0).
 */
export function splitPayment(
  total: Fen,
  depositPercent: number,
  mode: PaymentMode,
): { deposit: Fen; balanceDue: Fen; payNow: Fen } {
  if (mode === 'full') return { deposit: 0, balanceDue: 0, payNow: total };
  if (mode !== 'deposit') throw validationFailed('支付方式必须为全款或定金', { field: 'paymentMode' });
  if (!Number.isInteger(depositPercent) || depositPercent <= 0 || depositPercent > 100) {
    throw validationFailed('该服务不支持定金支付', { field: 'paymentMode' });
  }
  const deposit = total > 0 ? Math.min(total, Math.max(1, applyBasisPoints(total, depositPercent * 100))) : 0;
  return { deposit, balanceDue: total - deposit, payNow: deposit };
}
