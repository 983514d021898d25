import { claimRefusal, grantKey, grantRefusal, remainingStock, type CouponTemplate } from '../../../src/api/marketing/domain/coupon-claim';
import { nextDailyRun } from '../../../src/api/marketing/domain/coupon-status';

const NOW = new Date('2026-12-03T08:00:00Z');
const template = (over: Partial<CouponTemplate> = {}): CouponTemplate => ({
  active: true,
  claimable: true,
  claimStartsAt: null,
  claimEndsAt: null,
  validFrom: null,
  validUntil: null,
  stock: 10,
  issuedCount: 0,
  perUserLimit: 1,
  ...over,
});

describe('claimRefusal', () => {
  it('lets a member claim an open template with stock left', () => {
    expect(claimRefusal(template(), 0, NOW)).toBeNull();
  });

  it('refuses templates not offered for claiming as COUPON_NOT_CLAIMABLE', () => {
    expect(claimRefusal(template({ claimable: false }), 0, NOW)).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE', reason: 'not_claimable' });
    expect(claimRefusal(template({ active: false }), 0, NOW)).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE', reason: 'inactive' });
  });

  it('refuses outside the claim window, the end being exclusive', () => {
    expect(claimRefusal(template({ claimStartsAt: '2026-12-03T08:00:01Z' }), 0, NOW)).toMatchObject({ reason: 'not_started' });
    expect(claimRefusal(template({ claimStartsAt: '2026-12-03T08:00:00Z' }), 0, NOW)).toBeNull();
    expect(claimRefusal(template({ claimEndsAt: '2026-12-03T08:00:00Z' }), 0, NOW)).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE', reason: 'ended' });
  });

  it('refuses an expired template even inside the claim window', () => {
    expect(claimRefusal(template({ validUntil: '2026-12-02T00:00:00Z' }), 0, NOW)).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE', reason: 'expired' });
  });

  it('refuses when the stock is gone as COUPON_SOLD_OUT', () => {
    expect(claimRefusal(template({ stock: 10, issuedCount: 10 }), 0, NOW)).toMatchObject({ code: 'COUPON_SOLD_OUT' });
    expect(claimRefusal(template({ stock: null, issuedCount: 10_000 }), 0, NOW)).toBeNull();
  });

  it('refuses at the per-user limit as COUPON_LIMIT_REACHED', () => {
    expect(claimRefusal(template({ perUserLimit: 2 }), 1, NOW)).toBeNull();
    expect(claimRefusal(template({ perUserLimit: 2 }), 2, NOW)).toMatchObject({ code: 'COUPON_LIMIT_REACHED' });
  });

  it('reports sold out before the member limit (nobody can have it any more)', () => {
    expect(claimRefusal(template({ issuedCount: 10 }), 1, NOW)).toMatchObject({ code: 'COUPON_SOLD_OUT' });
  });
});

describe('grantRefusal', () => {
  it('ignores the claim flag and window: operators grant coupons members cannot claim', () => {
    expect(grantRefusal(template({ claimable: false, claimEndsAt: '2026-01-01T00:00:00Z' }), NOW)).toBeNull();
  });

  it('still refuses inactive, expired and sold-out templates', () => {
    expect(grantRefusal(template({ active: false }), NOW)).toMatchObject({ reason: 'inactive' });
    expect(grantRefusal(template({ validUntil: NOW }), NOW)).toMatchObject({ reason: 'expired' });
    expect(grantRefusal(template({ stock: 0 }), NOW)).toMatchObject({ code: 'COUPON_SOLD_OUT' });
  });
});

describe('remainingStock', () => {
  it('is stock minus issued, never negative, null without a stock limit', () => {
    expect(remainingStock({ stock: 10, issuedCount: 3 })).toBe(7);
    expect(remainingStock({ stock: 10, issuedCount: null })).toBe(10);
    expect(remainingStock({ stock: 2, issuedCount: 5 })).toBe(0);
    expect(remainingStock({ stock: null, issuedCount: 5 })).toBeNull();
  });
});

describe('grantKey', () => {
  it('differs per source, campaign, coupon and member', () => {
    const keys = new Set([
      grantKey('grant', 'manual', 1, 2),
      grantKey('campaign', 'manual', 1, 2),
      grantKey('grant', 'SPRING', 1, 2),
      grantKey('grant', 'manual', 3, 2),
      grantKey('grant', 'manual', 1, 4),
    ]);
    expect(keys.size).toBe(5);
    expect(grantKey('register', 'welcome', 7, 9)).toBe('register:welcome:7:9');
  });
});

describe('nextDailyRun', () => {
  it('runs at the next midnight of the business zone', () => {
    const { at } = nextDailyRun(new Date('2026-12-03T15:30:00Z'), 480);
    expect(at.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(nextDailyRun(new Date('2026-12-03T16:00:00Z'), 480).at.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('gives one slot per business day', () => {
    const a = nextDailyRun(new Date('2026-12-03T16:00:00Z'), 480).slot;
    const b = nextDailyRun(new Date('2026-12-04T15:59:59Z'), 480).slot;
    expect(a).toBe(b);
    expect(nextDailyRun(new Date('2026-12-04T16:00:00Z'), 480).slot).toBe(a + 1);
  });
});
