/**
 * How well a free, eligible worker fits an order, 0–100, with each factor's share so operators
 * (调度台) and members see why. Weights come from platform settings (`dispatch.weight*`, 0–100
 * each) and are normalised, so only their ratios matter.
 *   weights distance 35, rating 25, experience 15, workload 10, preference 5, repeat 10, acceptance 0;
 *   2 km of a 10 km radius, rating 4.8, 6 years at level 4, 3 orders in 7 days, no preference, new
 *   customer → distance 28.0 + rating 24.0 + experience 9.9 + workload 9.0 + preference 2.5 … ≈ 73
 */
export interface ScoreWeights {
  distance: number;
  rating: number;
  experience: number;
  workload: number;
  preference: number;
  repeatCustomer: number;
  acceptance: number;
}

export const SCORE_FACTORS = ['distance', 'rating', 'experience', 'workload', 'preference', 'repeatCustomer', 'acceptance'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

export const SCORE_FACTOR_LABELS: Readonly<Record<ScoreFactor, string>> = {
  distance: '距离',
  rating: '评分',
  experience: '经验与技能',
  workload: '工作量均衡',
  preference: '客户偏好',
  repeatCustomer: '服务过该客户',
  acceptance: '接单率',
};

export interface ScoreFeatures {
  distanceMeters: number;
  /** The distance at which the distance factor reaches 0 (the worker's service radius). */
  radiusMeters: number;
  rating: number;
  experienceYears: number;
  /** 1–5, the worker's level in the item's skill. */
  skillLevel: number;
  ordersLast7Days: number;
  /** Orders over 7 days at which the workload factor reaches 0 (7 × daily capacity). */
  workloadCap: number;
  /** 0–1: how well the worker matches the member's saved preferences; 0.5 when the member has none. */
  preferenceMatch: number;
  repeatCustomer: boolean;
  offersAccepted: number;
  offersMade: number;
}

export type ScoreBreakdown = Record<ScoreFactor, number>;

export interface Score {
  score: number;
  breakdown: ScoreBreakdown;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Each factor on 0–1 before weighting. */
export function factorValues(f: ScoreFeatures): Record<ScoreFactor, number> {
  return {
    distance: clamp01(1 - f.distanceMeters / Math.max(1, f.radiusMeters)),
    rating: clamp01(f.rating / 5),
    experience: clamp01(0.5 * (Math.min(f.experienceYears, 20) / 20) + 0.5 * ((f.skillLevel - 1) / 4)),
    workload: clamp01(1 - f.ordersLast7Days / Math.max(1, f.workloadCap)),
    preference: clamp01(f.preferenceMatch),
    repeatCustomer: f.repeatCustomer ? 1 : 0,
    // A new worker starts near 80 % instead of 0 % or 100 % (Laplace-style prior of 4 in 5).
    acceptance: clamp01((f.offersAccepted + 4) / (f.offersMade + 5)),
  };
}

export function scoreCandidate(features: ScoreFeatures, weights: ScoreWeights): Score {
  const values = factorValues(features);
  const total = SCORE_FACTORS.reduce((sum, k) => sum + Math.max(0, weights[k]), 0);
  const breakdown = {} as ScoreBreakdown;
  let score = 0;
  for (const k of SCORE_FACTORS) {
    const points = total > 0 ? (100 * Math.max(0, weights[k]) * values[k]) / total : 0;
    breakdown[k] = round1(points);
    score += points;
  }
  return { score: round1(score), breakdown };
}

/** What a member's favourite (收藏) worker adds to the preference match, capped at 1. */
export const FAVOURITE_PREFERENCE_BONUS = 0.5;

/**
 * The member's saved preferences as a 0–1 match: gender wish, then workers they favour by
 * category skill; a worker the member saved as a favourite gets a small bonus on top. With the
 * default weights (preference 5 of 105) a favourite gains about 2.4 of 100 points: enough to
 * break near-ties, never enough to beat a clearly closer or better-rated worker.
 */
export function preferenceMatch(
  worker: { gender: 'male' | 'female'; skillIds: readonly number[]; favourite?: boolean },
  preferences: { workerGender?: 'male' | 'female' | 'any' | null; preferredSkillIds?: readonly number[] } | null,
): number {
  const bonus = worker.favourite ? FAVOURITE_PREFERENCE_BONUS : 0;
  if (!preferences) return Math.min(1, 0.5 + bonus);
  const parts: number[] = [];
  if (preferences.workerGender && preferences.workerGender !== 'any') parts.push(worker.gender === preferences.workerGender ? 1 : 0);
  if (preferences.preferredSkillIds?.length) {
    const hits = preferences.preferredSkillIds.filter((id) => worker.skillIds.includes(id)).length;
    parts.push(hits / preferences.preferredSkillIds.length);
  }
  const base = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0.5;
  return Math.min(1, base + bonus);
}
