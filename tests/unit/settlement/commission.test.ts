import fc from 'fast-check';
import { commissionPercent, splitCommission, splitFee, type CommissionRules } from '../../../src/plugins/settlement/server/src/domain/commission';

const rules = (over: Partial<CommissionRules> = {}): CommissionRules => ({
  defaultPercent: 20,
  minCommission: 0,
  categoryPercents: [{ categorySlug: 'maternity-nanny', percent: 12 }],
  levelPercents: [{ level: 5, percent: 10 }],
  ...over,
});
const subject = (categorySlug: string | null, workerLevel: number | null = null) => ({ categorySlug, workerLevel });

describe('commission rate', () => {
  it('uses the default rate when neither the category nor the level has its own', () => {
    expect(commissionPercent(subject('home-cleaning', 3), rules())).toEqual({ percent: 20, source: 'default' });
    expect(commissionPercent(subject(null, null), rules())).toEqual({ percent: 20, source: 'default' });
  });

  it('uses the category rate over the default', () => {
    expect(commissionPercent(subject('maternity-nanny', 3), rules())).toEqual({ percent: 12, source: 'category' });
  });

  it('uses the worker level rate over the category and the default', () => {
    expect(commissionPercent(subject('maternity-nanny', 5), rules())).toEqual({ percent: 10, source: 'level' });
    expect(commissionPercent(subject('home-cleaning', 5), rules())).toEqual({ percent: 10, source: 'level' });
  });

  it('a category rate of 0 is a rate, not "unset"', () => {
    expect(commissionPercent(subject('promo', 1), rules({ categoryPercents: [{ categorySlug: 'promo', percent: 0 }] }))).toEqual({ percent: 0, source: 'category' });
  });
});

describe('commission amount', () => {
  it('takes the rate of the gross, rounded half up', () => {
    // 20% of 9000 = 1800; 20% of 4502.5 → 12% of 4521 = 542.52 → 543
    expect(splitCommission(9000, subject('home-cleaning'), rules())).toMatchObject({ gross: 9000, commission: 1800, net: 7200, percent: 20 });
    expect(splitCommission(4521, subject('maternity-nanny'), rules())).toMatchObject({ commission: 543, net: 3978 });
    expect(splitCommission(25, subject(null), rules({ defaultPercent: 10 }))).toMatchObject({ commission: 3, net: 22 }); // 2.5 → 3
  });

  it('raises the commission to the minimum, but never above the gross', () => {
    const withMin = rules({ minCommission: 1000 });
    expect(splitCommission(4500, subject('home-cleaning'), withMin)).toMatchObject({ commission: 1000, net: 3500 }); // 900 < 1000
    expect(splitCommission(9000, subject('home-cleaning'), withMin)).toMatchObject({ commission: 1800, net: 7200 }); // above min
    expect(splitCommission(600, subject('home-cleaning'), withMin)).toMatchObject({ commission: 600, net: 0 });
    expect(splitCommission(0, subject('home-cleaning'), withMin)).toMatchObject({ commission: 0, net: 0 });
  });

  it('refuses a negative or fractional gross', () => {
    expect(() => splitCommission(-1, subject(null), rules())).toThrow(RangeError);
    expect(() => splitCommission(10.5, subject(null), rules())).toThrow(RangeError);
  });

  it('net + commission = gross, both non-negative, commission at least the minimum up to the gross (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 0, max: 100 }), fc.nat(50_000), (gross, percent, minCommission) => {
        const split = splitCommission(gross, subject(null), rules({ defaultPercent: percent, minCommission }));
        expect(split.net + split.commission).toBe(gross);
        expect(split.net).toBeGreaterThanOrEqual(0);
        expect(split.commission).toBe(Math.min(gross, Math.max(minCommission, Math.floor((gross * percent * 100 + 5000) / 10000))));
      }),
    );
  });
});

describe('cancellation fee split', () => {
  it('gives the worker their share, rounded half up, the rest to the platform', () => {
    expect(splitFee(3001, 50)).toEqual({ worker: 1501, platform: 1500 });
    expect(splitFee(3000, 0)).toEqual({ worker: 0, platform: 3000 });
    expect(splitFee(3000, 100)).toEqual({ worker: 3000, platform: 0 });
  });
});
