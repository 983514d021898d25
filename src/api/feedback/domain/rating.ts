/**
 * Rating arithmetic for reviews and workers. A worker keeps integer sums per dimension and a
 * count; every average is derived from them, so adding or hiding a review moves the rating by
 * exactly the new mean (no drift from re-averaging a rounded float).
 *
 *   reviews (5,4,3) and (4,4,4): sums 9/8/7, count 2 → quality 4.5, attitude 4, skill 3.5, overall 4
 */
export interface Ratings {
  quality: number;
  attitude: number;
  skill: number;
}

export interface RatingTotals {
  count: number;
  sumQuality: number;
  sumAttitude: number;
  sumSkill: number;
}

export interface RatingSummary {
  /** Mean of the three dimensions over all counted reviews, two decimals. */
  rating: number;
  ratings: Ratings;
  reviewCount: number;
}

export const EMPTY_TOTALS: RatingTotals = Object.freeze({ count: 0, sumQuality: 0, sumAttitude: 0, sumSkill: 0 });

/** What a worker shows before any review counts (the column default). */
export const UNRATED = 5;

const twoDecimals = (value: number): number => Math.round(value * 100) / 100;

/** One review's overall score: the mean of its three 1–5 scores, two decimals (4, 4, 5 → 4.33). */
export function reviewOverall(r: Ratings): number {
  return twoDecimals((r.quality + r.attitude + r.skill) / 3);
}

export function addToTotals(totals: RatingTotals, r: Ratings): RatingTotals {
  return {
    count: totals.count + 1,
    sumQuality: totals.sumQuality + r.quality,
    sumAttitude: totals.sumAttitude + r.attitude,
    sumSkill: totals.sumSkill + r.skill,
  };
}

/** Totals over a set of reviews (e.g. the visible ones after a review is hidden). */
export function totalsOf(reviews: readonly Ratings[]): RatingTotals {
  return reviews.reduce(addToTotals, EMPTY_TOTALS);
}

export function summarize(totals: RatingTotals): RatingSummary {
  if (totals.count === 0) {
    return { rating: UNRATED, ratings: { quality: UNRATED, attitude: UNRATED, skill: UNRATED }, reviewCount: 0 };
  }
  const n = totals.count;
  return {
    rating: twoDecimals((totals.sumQuality + totals.sumAttitude + totals.sumSkill) / (3 * n)),
    ratings: {
      quality: twoDecimals(totals.sumQuality / n),
      attitude: twoDecimals(totals.sumAttitude / n),
      skill: twoDecimals(totals.sumSkill / n),
    },
    reviewCount: n,
  };
}

/** The rating standard's bad review: overall at or below the line goes to 客服 for follow-up. */
export function isBadReview(overall: number, badReviewAtMost: number): boolean {
  return overall <= badReviewAtMost;
}

const DAY_MS = 86_400_000;

/** A review is accepted until `days` whole days after completion (completed 1 May 10:00, 15 days → until 16 May 10:00). */
export function reviewDeadline(completedAt: Date, days: number): Date {
  return new Date(completedAt.getTime() + days * DAY_MS);
}

export function isWithinReviewWindow(completedAt: Date, now: Date, days: number): boolean {
  return now.getTime() <= reviewDeadline(completedAt, days).getTime();
}
