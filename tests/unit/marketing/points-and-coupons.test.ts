import fc from 'fast-check';
import { couponExpiry, effectiveCouponStatus } from '../../../src/api/marketing/domain/coupon-status';
import { nextPointsBalance } from '../../../src/api/marketing/domain/points';
import { DomainError } from '../../../src/runtime/errors';

describe('nextPointsBalance', () => {
  it('adds and subtracts', () => {
    expect(nextPointsBalance(100, 50)).toBe(150);
    expect(nextPointsBalance(100, -100)).toBe(0);
  });

  it('refuses to go negative with INSUFFICIENT_POINTS', () => {
    expect(() => nextPointsBalance(10, -11)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_POINTS', status: 409 }));
  });

  it('refuses zero and fractional deltas', () => {
    expect(() => nextPointsBalance(10, 0)).toThrow(DomainError);
    expect(() => nextPointsBalance(10, 1.5)).toThrow(DomainError);
  });

  it('never yields a negative balance (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0), (balance, delta) => {
        try {
          expect(nextPointsBalance(balance, delta)).toBeGreaterThanOrEqual(0);
        } catch (err) {
          expect((err as DomainError).code).toBe('INSUFFICIENT_POINTS');
          expect(balance + delta).toBeLessThan(0);
        }
      }),
    );
  });
});

describe('coupons', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('shows an available coupon past its expiry as expired', () => {
    expect(effectiveCouponStatus('available', '2026-11-26T11:59:59Z', now)).toBe('expired');
    expect(effectiveCouponStatus('available', '2026-11-27T00:00:00Z', now)).toBe('available');
    expect(effectiveCouponStatus('used', '2020-01-01T00:00:00Z', now)).toBe('used');
    expect(effectiveCouponStatus('available', null, now)).toBe('available');
  });

  it('expires at the earlier of the fixed end and N days after the grant', () => {
    expect(couponExpiry({ validDays: 7 }, now)?.toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(couponExpiry({ validDays: 7, validUntil: '2026-11-30T00:00:00Z' }, now)?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(couponExpiry({}, now)).toBeNull();
  });
});
