import { addToTotals, EMPTY_TOTALS, isBadReview, isWithinReviewWindow, reviewOverall, summarize, totalsOf, UNRATED } from '../../../src/api/feedback/domain/rating';
import { pointsForSpend, pointsToTakeBack } from '../../../src/api/marketing/domain/points';

describe('review rating arithmetic', () => {
  it('should average one review over its three dimensions to two decimals', () => {
    expect(reviewOverall({ quality: 4, attitude: 4, skill: 5 })).toBe(4.33);
    expect(reviewOverall({ quality: 1, attitude: 1, skill: 1 })).toBe(1);
  });

  it('should move the worker rating by the exact mean of all counted reviews', () => {
    const totals = totalsOf([
      { quality: 5, attitude: 4, skill: 3 },
      { quality: 4, attitude: 4, skill: 4 },
      { quality: 1, attitude: 2, skill: 2 },
    ]);
    expect(totals).toEqual({ count: 3, sumQuality: 10, sumAttitude: 10, sumSkill: 9 });
    expect(summarize(totals)).toEqual({ rating: 3.22, ratings: { quality: 3.33, attitude: 3.33, skill: 3 }, reviewCount: 3 });
  });

  it('should not drift over many reviews (sums, not a running average)', () => {
    let totals = EMPTY_TOTALS;
    for (let i = 0; i < 1000; i++) totals = addToTotals(totals, { quality: i % 2 ? 5 : 4, attitude: 3, skill: 5 });
    expect(summarize(totals)).toEqual({ rating: 4.17, ratings: { quality: 4.5, attitude: 3, skill: 5 }, reviewCount: 1000 });
  });

  it('should fall back to the unrated default when no review counts', () => {
    expect(summarize(totalsOf([]))).toEqual({ rating: UNRATED, ratings: { quality: UNRATED, attitude: UNRATED, skill: UNRATED }, reviewCount: 0 });
  });

  it('should leave the inputs untouched', () => {
    const start = { ...EMPTY_TOTALS };
    addToTotals(start, { quality: 5, attitude: 5, skill: 5 });
    expect(start).toEqual(EMPTY_TOTALS);
  });

  it('should flag reviews at or below the bad-review line', () => {
    expect(isBadReview(2, 2)).toBe(true);
    expect(isBadReview(2.33, 2)).toBe(false);
    expect(isBadReview(1.67, 2)).toBe(true);
  });

  it('should accept reviews until the window closes, to the millisecond', () => {
    const completed = new Date('2026-05-01T02:00:00Z');
    expect(isWithinReviewWindow(completed, new Date('2026-05-16T02:00:00Z'), 15)).toBe(true);
    expect(isWithinReviewWindow(completed, new Date('2026-05-16T02:00:00.001Z'), 15)).toBe(false);
  });
});

describe('points earned by spend', () => {
  it('should give earnPerYuan per whole yuan actually paid', () => {
    expect(pointsForSpend(12_345, 1)).toBe(123);
    expect(pointsForSpend(12_345, 3)).toBe(369);
    expect(pointsForSpend(99, 1)).toBe(0);
    expect(pointsForSpend(0, 5)).toBe(0);
    expect(pointsForSpend(10_000, 0)).toBe(0);
  });

  it('should take back all completion points on a full refund', () => {
    expect(pointsToTakeBack({ earned: 90, takenBack: 0, netPaidFen: 0, earnPerYuan: 1, balance: 500 })).toBe(90);
  });

  it('should take back in proportion to partial refunds, never twice', () => {
    const first = pointsToTakeBack({ earned: 90, takenBack: 0, netPaidFen: 6_000, earnPerYuan: 1, balance: 500 });
    expect(first).toBe(30);
    expect(pointsToTakeBack({ earned: 90, takenBack: first, netPaidFen: 6_000, earnPerYuan: 1, balance: 500 })).toBe(0);
    expect(pointsToTakeBack({ earned: 90, takenBack: first, netPaidFen: 0, earnPerYuan: 1, balance: 500 })).toBe(60);
  });

  it('should not take back more than the member still holds', () => {
    expect(pointsToTakeBack({ earned: 90, takenBack: 0, netPaidFen: 0, earnPerYuan: 1, balance: 25 })).toBe(25);
  });

  it('should keep no more than was earned when the rate went up since completion', () => {
    expect(pointsToTakeBack({ earned: 90, takenBack: 0, netPaidFen: 6_000, earnPerYuan: 2, balance: 500 })).toBe(0);
  });
});
