/**
 * Defaults for the platform-setting single type. Operators override any field in the admin
 * (平台参数); code always reads the merged result so an empty or partial record still works.
 */
export interface CancellationRule {
  orderStatus: 'accepted' | 'on_the_way' | 'arrived' | 'in_service' | 'paused';
  minHoursBefore: number;
  feePercent: number;
  minFee: number;
}

export interface PlatformSettings {
  timezone: string;
  businessHours: { opensAt: string; closesAt: string };
  booking: {
    minLeadMinutes: number;
    maxAdvanceDays: number;
    instantArrivalMinutes: number;
    unpaidTimeoutMinutes: number;
    acceptanceTimeoutMinutes: number;
    travelBufferMinutes: number;
    recurrenceHorizonDays: number;
    slotMinutes: number;
    /** A worker may set off at most this long before the start (409 TOO_EARLY before). */
    departLeadMinutes: number;
    /** An arrival reported further than this from the address is flagged for review (not refused). */
    arrivalFlagMeters: number;
    /** How long after completion a worker may still add "after" photos. */
    evidenceGraceHours: number;
    /** Completion needs at least one "after" photo. */
    completionPhotoRequired: boolean;
    /** A completed order the member has not confirmed is confirmed by the system this long after completion; 0 = at completion. */
    autoConfirmHours: number;
  };
  dispatch: {
    mode: 'recommend' | 'assign' | 'grab' | 'batch' | 'manual';
    offerTimeoutSeconds: number;
    maxCandidates: number;
    weightDistance: number;
    weightRating: number;
    weightExperience: number;
    weightWorkload: number;
    weightPreference: number;
    weightRepeatCustomer: number;
    maxOrdersPerDay: number;
    weightAcceptance: number;
    /** 派单 offers one at a time; a round is this many offers (抢单: one broadcast). */
    offersPerRound: number;
    /** Rounds before the city's operators are alerted. */
    maxRounds: number;
    /** Workers are looked for within this distance of the address (then each worker's own radius). */
    searchRadiusMeters: number;
    batchIntervalSeconds: number;
  };
  /** Modes per city and/or category; the most specific rule wins over dispatch.mode. */
  dispatchModes: Array<{ cityAdcode?: string | null; categorySlug?: string | null; mode: PlatformSettings['dispatch']['mode'] }>;
  cancellationPolicy: CancellationRule[];
  commission: {
    defaultPercent: number;
    /** Earnings become settleable this many days after the order completed (T+N). */
    settlementCycleDays: number;
    /** Fen; the commission of an order is never below this (nor above the order's value). */
    minCommission: number;
    /** Coupon discounts are the platform's marketing cost (the worker earns on the full price). */
    couponsPlatformFunded: boolean;
    /** Points deductions are the platform's marketing cost. */
    pointsPlatformFunded: boolean;
    /** Share of a cancellation fee that goes to the order's worker (the rest stays platform income). */
    workerCancellationSharePercent: number;
  };
  categoryCommissions: Array<{ category?: { slug: string } | null; percent: number }>;
  /** Rates by the worker's skill level for the order's service; beat category and default rates. */
  levelCommissions: Array<{ level: number; percent: number }>;
  points: { earnPerYuan: number; reviewPoints: number; pointsPerYuan: number; maxDeductionPercent: number; expireMonths: number; expiryNoticeDays: number };
  rating: {
    minReviewsForRating: number;
    warningBelow: number;
    suspendBelow: number;
    reviewWindowDays: number;
    /** A review whose overall score is at or below this goes to 客服 for follow-up. */
    badReviewAtMost: number;
  };
  sms: { codeTtlSeconds: number; resendSeconds: number; maxPerPhonePerDay: number; maxPerIpPerHour: number; maxVerifyAttempts: number };
  /** When 订单监控 flags an order (minutes relative to the planned start or end). */
  exceptions: {
    lateDepartureMinutes: number;
    lateArrivalMinutes: number;
    arrivedIdleMinutes: number;
    overrunMinutes: number;
    finalPaymentOverdueMinutes: number;
  };
  /** 投诉建议 SLA: past either limit a ticket is escalated to the city's operators. */
  feedback: { firstResponseMinutes: number; resolutionHours: number };
  /** Worker settlement batches (T+N of each earning is commission.settlementCycleDays). */
  settlement: {
    /** A batch per business day, ISO week (from Monday) or calendar month, built once it closed. */
    cycle: 'daily' | 'weekly' | 'monthly';
    /** Fen; a worker owed less is carried over to a later batch. */
    minPayoutFen: number;
  };
  /** Behaviour events (views, searches, bookings…) for insights; off stops recording. */
  behaviour: { enabled: boolean; retentionDays: number };
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  timezone: 'Asia/Shanghai',
  businessHours: { opensAt: '08:00', closesAt: '20:00' },
  booking: {
    minLeadMinutes: 60,
    maxAdvanceDays: 30,
    instantArrivalMinutes: 60,
    unpaidTimeoutMinutes: 30,
    acceptanceTimeoutMinutes: 30,
    travelBufferMinutes: 30,
    recurrenceHorizonDays: 60,
    slotMinutes: 30,
    departLeadMinutes: 180,
    arrivalFlagMeters: 500,
    evidenceGraceHours: 24,
    completionPhotoRequired: false,
    autoConfirmHours: 72,
  },
  dispatch: {
    mode: 'recommend',
    offerTimeoutSeconds: 60,
    maxCandidates: 10,
    weightDistance: 35,
    weightRating: 25,
    weightExperience: 15,
    weightWorkload: 10,
    weightPreference: 5,
    weightRepeatCustomer: 10,
    maxOrdersPerDay: 4,
    weightAcceptance: 5,
    offersPerRound: 3,
    maxRounds: 2,
    searchRadiusMeters: 30000,
    batchIntervalSeconds: 60,
  },
  dispatchModes: [],
  // Free before acceptance; after it the fee grows as the start approaches and work begins.
  cancellationPolicy: [
    { orderStatus: 'accepted', minHoursBefore: 24, feePercent: 0, minFee: 0 },
    { orderStatus: 'accepted', minHoursBefore: 2, feePercent: 10, minFee: 0 },
    { orderStatus: 'accepted', minHoursBefore: 0, feePercent: 20, minFee: 2000 },
    { orderStatus: 'on_the_way', minHoursBefore: 0, feePercent: 30, minFee: 3000 },
    { orderStatus: 'arrived', minHoursBefore: 0, feePercent: 50, minFee: 3000 },
    { orderStatus: 'in_service', minHoursBefore: 0, feePercent: 100, minFee: 0 },
    { orderStatus: 'paused', minHoursBefore: 0, feePercent: 100, minFee: 0 },
  ],
  commission: {
    defaultPercent: 20,
    settlementCycleDays: 7,
    minCommission: 0,
    couponsPlatformFunded: true,
    pointsPlatformFunded: true,
    workerCancellationSharePercent: 0,
  },
  categoryCommissions: [],
  levelCommissions: [],
  points: { earnPerYuan: 1, reviewPoints: 20, pointsPerYuan: 100, maxDeductionPercent: 10, expireMonths: 24, expiryNoticeDays: 30 },
  rating: { minReviewsForRating: 3, warningBelow: 4, suspendBelow: 3, reviewWindowDays: 15, badReviewAtMost: 2 },
  sms: { codeTtlSeconds: 300, resendSeconds: 60, maxPerPhonePerDay: 10, maxPerIpPerHour: 30, maxVerifyAttempts: 5 },
  exceptions: { lateDepartureMinutes: 30, lateArrivalMinutes: 15, arrivedIdleMinutes: 30, overrunMinutes: 60, finalPaymentOverdueMinutes: 1440 },
  feedback: { firstResponseMinutes: 120, resolutionHours: 48 },
  settlement: { cycle: 'weekly', minPayoutFen: 100 },
  behaviour: { enabled: true, retentionDays: 180 },
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Saved values win field by field; null/undefined fall back; saved lists replace default lists
 * when non-empty (an empty repeatable in the admin means "not configured"). */
export function mergeSettings<T>(defaults: T, saved: unknown): T {
  if (!isPlainObject(defaults) || !isPlainObject(saved)) {
    if (Array.isArray(defaults)) return (Array.isArray(saved) && saved.length > 0 ? saved : defaults) as T;
    return (saved === null || saved === undefined ? defaults : saved) as T;
  }
  const result: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const value = saved[key];
    if (value === null || value === undefined) continue;
    const base = (defaults as Record<string, unknown>)[key];
    if (typeof base === 'number' && typeof value === 'string') result[key] = Number(value);
    else result[key] = mergeSettings(base, value);
  }
  return result as T;
}
