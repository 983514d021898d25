import fc from 'fast-check';
import {
  quote,
  redeemPoints,
  splitPayment,
  type QuoteInput,
  type QuotedItem,
} from '../../../src/plugins/orders/server/src/domain/pricing';
import type { CouponInput, CouponTemplateRules } from '../../../src/plugins/orders/server/src/domain/coupon-rules';
import { DomainError } from '../../../src/runtime/errors';

const now = new Date('2026-11-26T06:00:00Z');

const cleaning: QuotedItem = {
  documentId: 'item-cleaning',
  name: '日常保洁',
  price: 5000,
  unit: 'hour',
  minQuantity: 2,
  maxQuantity: 8,
  depositPercent: 30,
  categorySlug: 'cleaning',
  packages: [
    { code: 'four-visits', name: '4 次日常保洁', quantity: 4, price: 18000, active: true },
    { code: 'retired', name: '旧套餐', quantity: 2, price: 8000, active: false },
  ],
};

const base = (over: Partial<QuoteInput> = {}): QuoteInput => ({
  item: cleaning,
  quantity: 3,
  pointsRules: { pointsPerYuan: 100, maxDeductionPercent: 10 },
  paymentMode: 'full',
  now,
  ...over,
});

const template = (over: Partial<CouponTemplateRules>): CouponTemplateRules => ({
  type: 'fixed',
  amountOff: 2000,
  minSpend: 0,
  categories: [],
  active: true,
  ...over,
});

const coupon = (t: Partial<CouponTemplateRules>, over: Partial<CouponInput> = {}): CouponInput => ({
  userCouponStatus: 'available',
  template: template(t),
  ...over,
});

const rejection = (input: QuoteInput): { code: string; reason?: unknown; message: string } => {
  try {
    quote(input);
  } catch (err) {
    const e = err as DomainError;
    return { code: e.code, reason: e.details.reason, message: e.message };
  }
  throw new Error('quote was expected to fail');
};

describe('quote: lines and quantity', () => {
  it('should price ¥50/hour × 3 hours at 15000 fen, all paid now in full mode', () => {
    expect(quote(base())).toEqual({
      items: [{ name: '日常保洁', unitPrice: 5000, quantity: 3, amount: 15000 }],
      subtotal: 15000,
      discount: 0,
      pointsUsed: 0,
      pointsDeduction: 0,
      total: 15000,
      deposit: 0,
      balanceDue: 0,
      payNow: 15000,
      couponApplied: false,
    });
  });

  it.each([1, 9, 2.5, 0, -3])('should refuse quantity %p outside 2–8 or not whole', (quantity) => {
    expect(rejection(base({ quantity }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('should tell the member the minimum and maximum', () => {
    expect(rejection(base({ quantity: 1 })).message).toBe('最少预约 2');
    expect(rejection(base({ quantity: 9 })).message).toBe('最多预约 8');
  });

  it('should price a promotion package as a whole', () => {
    const q = quote(base({ quantity: undefined, packageCode: 'four-visits' }));
    expect(q.items).toEqual([
      {
        name: '日常保洁',
        unitPrice: 5000,
        quantity: 4,
        amount: 18000,
        packageCode: 'four-visits',
        packageName: '4 次日常保洁',
      },
    ]);
    expect(q.total).toBe(18000);
    expect(quote(base({ quantity: 4, packageCode: 'four-visits' })).total).toBe(18000);
  });

  it('should refuse a package with another quantity, an unknown or an inactive one', () => {
    expect(rejection(base({ quantity: 3, packageCode: 'four-visits' })).message).toBe('套餐「4 次日常保洁」的数量为 4');
    expect(rejection(base({ packageCode: 'nope' })).code).toBe('VALIDATION_FAILED');
    expect(rejection(base({ packageCode: 'retired' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('quote: coupons', () => {
  it('should take a fixed amount off', () => {
    const q = quote(base({ coupon: coupon({ type: 'fixed', amountOff: 2000 }) }));
    expect(q).toMatchObject({ subtotal: 15000, discount: 2000, total: 13000, couponApplied: true });
  });

  it('should take a threshold amount off once the subtotal reaches the minimum spend', () => {
    const c = coupon({ type: 'threshold', amountOff: 3000, minSpend: 15000 });
    expect(quote(base({ coupon: c })).discount).toBe(3000);
    const r = rejection(base({ quantity: 2, coupon: c }));
    expect(r).toMatchObject({ code: 'COUPON_INVALID', reason: 'min_spend' });
    expect(r.message).toBe('订单金额未满 ¥150.00，不能使用该优惠券');
  });

  it('should take 12% off for a percent coupon (88折), rounded half up and capped', () => {
    expect(quote(base({ coupon: coupon({ type: 'percent', percentOff: 12, amountOff: null }) })).discount).toBe(1800);
    // 12% of 9999 = 1199.88 → 1200
    const odd: QuotedItem = { ...cleaning, price: 3333, minQuantity: 1 };
    expect(quote(base({ item: odd, coupon: coupon({ type: 'percent', percentOff: 12 }) })).discount).toBe(1200);
    expect(quote(base({ coupon: coupon({ type: 'percent', percentOff: 12, maxDiscount: 1000 }) })).discount).toBe(1000);
    expect(quote(base({ coupon: coupon({ type: 'percent', percentOff: 12, maxDiscount: 0 }) })).discount).toBe(1800);
  });

  it('should never discount more than the subtotal', () => {
    const q = quote(base({ quantity: 2, coupon: coupon({ type: 'fixed', amountOff: 50000 }) }));
    expect(q).toMatchObject({ subtotal: 10000, discount: 10000, total: 0, payNow: 0 });
  });

  it.each<[string, Partial<CouponTemplateRules>, Partial<CouponInput>, string, string]>([
    ['used', {}, { userCouponStatus: 'used' }, 'used', '优惠券已使用'],
    ['reserved by another order', {}, { userCouponStatus: 'reserved' }, 'used', '优惠券已被其他订单占用'],
    ['revoked', {}, { userCouponStatus: 'revoked' }, 'inactive', '优惠券已作废'],
    ['campaign stopped', { active: false }, {}, 'inactive', '该优惠券活动已停止'],
    ['misconfigured percent', { type: 'percent', percentOff: null }, {}, 'inactive', '优惠券配置无效，请联系客服'],
    ['marked expired', {}, { userCouponStatus: 'expired' }, 'expired', '优惠券已过期'],
    ['grant expired at this instant', {}, { expiresAt: now.toISOString() }, 'expired', '优惠券已过期'],
    ['template ended', { validUntil: '2026-11-01T00:00:00Z' }, {}, 'expired', '优惠券已过期'],
    ['not started', { validFrom: '2026-12-01T00:00:00Z' }, {}, 'not_started', '优惠券尚未到使用时间'],
    ['other category', { categories: ['appliance-repair'] }, {}, 'category', '该优惠券不适用于此服务类目'],
  ])('should reject a coupon that is %s', (_, t, over, reason, message) => {
    expect(rejection(base({ coupon: coupon(t, over) }))).toEqual({ code: 'COUPON_INVALID', reason, message });
  });

  it('should accept a coupon reserved by this same order, and one limited to its category', () => {
    expect(
      quote(base({ coupon: coupon({}, { userCouponStatus: 'reserved', reservedForThisOrder: true }) })).discount,
    ).toBe(2000);
    expect(quote(base({ coupon: coupon({ categories: ['cleaning', 'nanny'] }) })).discount).toBe(2000);
    expect(
      rejection(base({ item: { ...cleaning, categorySlug: null }, coupon: coupon({ categories: ['cleaning'] }) }))
        .reason,
    ).toBe('category');
  });

  it('should keep the coupon an order already holds (used or expired since booking), but not below its minimum spend', () => {
    const held = { userCouponStatus: 'used' as const, heldByThisOrder: true };
    expect(quote(base({ coupon: coupon({}, held) })).discount).toBe(2000);
    expect(quote(base({ coupon: coupon({ validUntil: '2026-11-01T00:00:00Z' }, { ...held, expiresAt: now.toISOString() }) })).discount).toBe(2000);
    expect(rejection(base({ coupon: coupon({ minSpend: 10_000_000 }, held) })).reason).toBe('min_spend');
    expect(rejection(base({ coupon: coupon({ categories: ['appliance-repair'] }, held) })).reason).toBe('category');
  });

  it('should accept a coupon inside its validity window', () => {
    const c = coupon(
      { validFrom: '2026-11-01T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' },
      { expiresAt: '2026-11-27T00:00:00Z' },
    );
    expect(quote(base({ coupon: c })).discount).toBe(2000);
  });
});

describe('quote: points', () => {
  it('should work the header example: 88折 then 10% in points, then a 30% deposit', () => {
    const q = quote(
      base({
        coupon: coupon({ type: 'percent', percentOff: 12 }),
        points: { use: true, balance: 5000 },
        paymentMode: 'deposit',
      }),
    );
    expect(q).toMatchObject({ subtotal: 15000, discount: 1800, pointsUsed: 1320, pointsDeduction: 1320, total: 11880 });
    expect(q).toMatchObject({ deposit: 3564, balanceDue: 8316, payNow: 3564 });
  });

  it('should use only what the balance covers', () => {
    expect(quote(base({ points: { use: true, balance: 300 } }))).toMatchObject({
      pointsUsed: 300,
      pointsDeduction: 300,
      total: 14700,
    });
  });

  it('should clamp a request above the limit and charge only the points the deduction costs', () => {
    expect(quote(base({ points: { use: 4000, balance: 5000 } }))).toMatchObject({
      pointsUsed: 1500,
      pointsDeduction: 1500,
    });
    expect(quote(base({ points: { use: 200, balance: 5000 } }))).toMatchObject({
      pointsUsed: 200,
      pointsDeduction: 200,
    });
  });

  it('should refuse more points than the member has', () => {
    expect(rejection(base({ points: { use: 5001, balance: 5000 } })).code).toBe('INSUFFICIENT_POINTS');
  });

  it('should never charge a point that buys less than a fen', () => {
    // 200 points per yuan: a point is half a fen; 7 points buy 3 fen and cost 6.
    expect(redeemPoints({ use: 7, balance: 7 }, 10000, { pointsPerYuan: 200, maxDeductionPercent: 50 })).toEqual({
      pointsUsed: 6,
      pointsDeduction: 3,
    });
    // 30 points per yuan: 100 points are worth 333.3 fen → 333 fen for ceil(99.9) = 100 points.
    expect(redeemPoints({ use: 100, balance: 100 }, 10000, { pointsPerYuan: 30, maxDeductionPercent: 50 })).toEqual({
      pointsUsed: 100,
      pointsDeduction: 333,
    });
  });

  it('should ignore points when not asked or when the rules allow no deduction', () => {
    expect(quote(base({ points: { use: false, balance: 5000 } })).pointsUsed).toBe(0);
    expect(
      quote(base({ points: { use: true, balance: 5000 }, pointsRules: { pointsPerYuan: 100, maxDeductionPercent: 0 } }))
        .pointsUsed,
    ).toBe(0);
  });
});

describe('quote: deposit', () => {
  it('should refuse deposit mode for an item without a deposit ratio', () => {
    const r = rejection(base({ item: { ...cleaning, depositPercent: 0 }, paymentMode: 'deposit' }));
    expect(r).toMatchObject({ code: 'VALIDATION_FAILED', message: '该服务不支持定金支付' });
  });

  it('should take at least one fen as a deposit on a tiny total', () => {
    expect(splitPayment(3, 10, 'deposit')).toEqual({ deposit: 1, balanceDue: 2, payNow: 1 });
    expect(splitPayment(0, 10, 'deposit')).toEqual({ deposit: 0, balanceDue: 0, payNow: 0 });
    expect(splitPayment(15000, 100, 'deposit')).toEqual({ deposit: 15000, balanceDue: 0, payNow: 15000 });
  });
});

describe('quote invariants (property)', () => {
  const item = fc.record({
    price: fc.integer({ min: 0, max: 500_000 }),
    minQuantity: fc.integer({ min: 1, max: 3 }),
    depositPercent: fc.integer({ min: 1, max: 100 }),
  });
  const couponTemplate = fc.oneof(
    fc.record({ type: fc.constant<'fixed'>('fixed'), amountOff: fc.integer({ min: 1, max: 1_000_000 }) }),
    fc.record({
      type: fc.constant<'threshold'>('threshold'),
      amountOff: fc.integer({ min: 1, max: 100_000 }),
      minSpend: fc.integer({ min: 0, max: 100_000 }),
    }),
    fc.record({
      type: fc.constant<'percent'>('percent'),
      percentOff: fc.integer({ min: 1, max: 99 }),
      maxDiscount: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    }),
  );
  const scenario = fc.record({
    item,
    quantity: fc.integer({ min: 3, max: 20 }),
    coupon: fc.option(couponTemplate, { nil: undefined }),
    balance: fc.integer({ min: 0, max: 1_000_000 }),
    use: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 1_000_000 })),
    pointsPerYuan: fc.integer({ min: 1, max: 1000 }),
    maxDeductionPercent: fc.integer({ min: 0, max: 100 }),
    paymentMode: fc.constantFrom<'full' | 'deposit'>('full', 'deposit'),
  });

  it('should keep every amount whole and non-negative, and the parts summing to the total', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input: QuoteInput = {
          item: { ...cleaning, ...s.item, maxQuantity: null },
          quantity: s.quantity,
          coupon: s.coupon ? coupon({ minSpend: 0, ...s.coupon }) : undefined,
          points: { use: s.use, balance: s.balance },
          pointsRules: { pointsPerYuan: s.pointsPerYuan, maxDeductionPercent: s.maxDeductionPercent },
          paymentMode: s.paymentMode,
          now,
        };
        let q;
        try {
          q = quote(input);
        } catch (err) {
          // The only legitimate refusals here: a threshold not reached, or more points asked than held.
          const e = err as DomainError;
          const subtotal = s.item.price * s.quantity;
          const belowThreshold = s.coupon?.type === 'threshold' && s.coupon.minSpend > subtotal;
          const overdrawn = typeof s.use === 'number' && s.use > s.balance;
          if (belowThreshold) expect(e.details.reason).toBe('min_spend');
          else if (overdrawn) expect(e.code).toBe('INSUFFICIENT_POINTS');
          else throw err;
          return;
        }
        const amounts = [
          q.subtotal,
          q.discount,
          q.pointsUsed,
          q.pointsDeduction,
          q.total,
          q.deposit,
          q.balanceDue,
          q.payNow,
        ];
        for (const amount of amounts) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
        expect(q.discount).toBeLessThanOrEqual(q.subtotal);
        expect(q.subtotal - q.discount - q.pointsDeduction).toBe(q.total);
        expect(q.pointsUsed).toBeLessThanOrEqual(s.balance);
        expect(q.pointsDeduction * 100).toBeLessThanOrEqual((q.subtotal - q.discount) * s.maxDeductionPercent);
        // The points charged buy the deduction, and one point fewer would not.
        expect(q.pointsUsed * 100).toBeGreaterThanOrEqual(q.pointsDeduction * s.pointsPerYuan);
        if (q.pointsUsed > 0) expect((q.pointsUsed - 1) * 100).toBeLessThan(q.pointsDeduction * s.pointsPerYuan);
        expect(q.payNow).toBeLessThanOrEqual(q.total);
        if (s.paymentMode === 'deposit') {
          expect(q.deposit + q.balanceDue).toBe(q.total);
          expect(q.payNow).toBe(q.deposit);
          if (q.total > 0) expect(q.deposit).toBeGreaterThanOrEqual(1);
        } else {
          expect([q.deposit, q.balanceDue, q.payNow]).toEqual([0, 0, q.total]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
