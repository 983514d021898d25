/**
 * 差评跟进: a bad review (overall at or below the bad-review line) waits for 客服 until one of
 * them records what was done. Pure: the rows' facts are passed in.
 */
export const FOLLOW_UP_STATES = ['pending', 'done', 'none'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_LABELS: Readonly<Record<FollowUpState, string>> = { pending: '待跟进', done: '已跟进', none: '无需跟进' };

/** What the list is asked for: bad reviews still waiting, followed-up ones, or every review. */
export const FOLLOW_UP_FILTERS = ['pending', 'done', 'all'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** A review followed up is done whatever its score; a good one nobody touched needs nothing. */
export function followUpState(review: { needsFollowUp: boolean; followedUpAt: Date | string | null }): FollowUpState {
  if (review.followedUpAt) return 'done';
  return review.needsFollowUp ? 'pending' : 'none';
}

/** The query-engine filter for a list filter (column names as in the schema). */
export function followUpWhere(filter: FollowUpFilter): Record<string, unknown> {
  if (filter === 'pending') return { needsFollowUp: true, followedUpAt: { $null: true } };
  if (filter === 'done') return { followedUpAt: { $notNull: true } };
  return {};
}

/**
 * The star band an overall score falls in, as a filter: 2 → 2.00 ≤ rating < 3.00, 5 → exactly 5
 * (overall scores are means of whole stars, so 4.67 is a 4-star review).
 */
export function ratingBand(stars: number): { $gte: number; $lt?: number } {
  return stars >= 5 ? { $gte: 5 } : { $gte: stars, $lt: stars + 1 };
}
