import { fromZonedTime } from '../../../src/runtime/clock';
import { loadUnfitReason, staticUnfitReason, type DispatchWorker, type OrderNeed } from '../../../src/plugins/dispatch/server/src/domain/eligibility';
import { FAVOURITE_PREFERENCE_BONUS, preferenceMatch, scoreCandidate, type ScoreFeatures } from '../../../src/plugins/dispatch/server/src/domain/score';
import { defaultWeek, dayOff } from '../../../src/plugins/dispatch/server/src/domain/weekly-schedule';
import { modeFor } from '../../../src/plugins/dispatch/server/src/domain/dispatch-mode';
import { nextStep } from '../../../src/plugins/dispatch/server/src/domain/offer-rules';

const tz = 'Asia/Shanghai';
const start = fromZonedTime({ year: 2026, month: 11, day: 30, hour: 10 }, tz).getTime();
const time = { service: { start, end: start + 2 * 3_600_000 }, held: { start: start - 1_800_000, end: start + 2.5 * 3_600_000 } };

const worker = (over: Partial<DispatchWorker> = {}): DispatchWorker => ({
  id: 1,
  documentId: 'w1',
  userId: 11,
  realName: '王秀英',
  gender: 'female',
  cityAdcode: '310100',
  auditStatus: 'approved',
  employment: 'active',
  acceptingOrders: true,
  home: { lat: 31.2, lng: 121.44 },
  serviceRadiusMeters: 10_000,
  rating: 4.8,
  experienceYears: 6,
  skills: [{ skillId: 7, level: 4 }],
  windows: defaultWeek({ opensAt: '08:00', closesAt: '20:00' }),
  leave: [],
  maxOrdersPerDay: null,
  ...over,
});

const need: OrderNeed = { cityAdcode: '310100', skillIds: [7], minSkillLevel: 1, location: { lat: 31.19, lng: 121.43 }, genderPreference: 'any', time, serviceDay: '2026-11-30' };

describe('hard filters', () => {
  it('accepts an approved, active, accepting worker with the skill, in range and free', () => {
    expect(staticUnfitReason(worker(), need, tz)).toBeNull();
  });

  it.each([
    [{ auditStatus: 'pending' }, 'not_approved'],
    [{ employment: 'suspended' }, 'inactive'],
    [{ acceptingOrders: false }, 'not_accepting'],
    [{ cityAdcode: '110100' }, 'other_city'],
    [{ skills: [{ skillId: 8, level: 5 }] }, 'missing_skill'],
    [{ home: null }, 'no_position'],
    [{ home: { lat: 31.5, lng: 121.9 } }, 'out_of_radius'],
    [{ leave: [dayOff('2026-11-30', tz)] }, 'on_leave'],
    [{ windows: [{ weekday: 1, start: '13:00', end: '18:00' }] }, 'outside_availability'],
  ] as Array<[Partial<DispatchWorker>, string]>)('refuses %j as %s', (over, reason) => {
    expect(staticUnfitReason(worker(over), need, tz)).toBe(reason);
  });

  it('honours the gender wish, the skill level and the member\'s blocks', () => {
    expect(staticUnfitReason(worker({ gender: 'male' }), { ...need, genderPreference: 'female' }, tz)).toBe('gender');
    expect(staticUnfitReason(worker(), { ...need, minSkillLevel: 5 }, tz)).toBe('skill_level');
    expect(staticUnfitReason(worker(), { ...need, blockedWorkerIds: new Set([1]) }, tz)).toBe('blocked');
  });

  it('uses a certificate-gated skill only while the certificate is valid on the service day', () => {
    const gated = (validThrough: string | null) => worker({ skills: [{ skillId: 7, level: 4, validThrough }] });
    expect(staticUnfitReason(gated('2026-11-30'), need, tz)).toBeNull();
    expect(staticUnfitReason(gated('2026-11-29'), need, tz)).toBe('certificate');
    expect(staticUnfitReason(gated(null), need, tz)).toBe('certificate');
    // Another skill of the item still qualifies the worker.
    const both = worker({ skills: [{ skillId: 7, level: 4, validThrough: null }, { skillId: 9, level: 2 }] });
    expect(staticUnfitReason(both, { ...need, skillIds: [7, 9] }, tz)).toBeNull();
    expect(staticUnfitReason(both, { ...need, skillIds: [7, 9], minSkillLevel: 3 }, tz)).toBe('skill_level');
  });

  it('refuses a clash with a booking and a full day', () => {
    expect(loadUnfitReason(worker(), { bookings: [{ start: start + 3_600_000, end: start + 4 * 3_600_000 }], ordersThatDay: 0 }, time, 4)).toBe('booked');
    expect(loadUnfitReason(worker(), { bookings: [], ordersThatDay: 4 }, time, 4)).toBe('over_capacity');
    expect(loadUnfitReason(worker({ maxOrdersPerDay: 6 }), { bookings: [], ordersThatDay: 4 }, time, 4)).toBeNull();
  });
});

describe('score', () => {
  const weights = { distance: 35, rating: 25, experience: 15, workload: 10, preference: 5, repeatCustomer: 10, acceptance: 0 };
  const features: ScoreFeatures = {
    distanceMeters: 2000,
    radiusMeters: 10_000,
    rating: 4.8,
    experienceYears: 6,
    skillLevel: 4,
    ordersLast7Days: 3,
    workloadCap: 28,
    preferenceMatch: 0.5,
    repeatCustomer: false,
    offersAccepted: 0,
    offersMade: 0,
  };

  it('returns a breakdown that adds up to the score', () => {
    const { score, breakdown } = scoreCandidate(features, weights);
    expect(breakdown.distance).toBe(28);
    expect(breakdown.rating).toBe(24);
    expect(breakdown.repeatCustomer).toBe(0);
    expect(breakdown.acceptance).toBe(0);
    const sum = Object.values(breakdown).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - score)).toBeLessThan(0.5);
  });

  it('prefers the nearer worker when everything else is equal, and a repeat customer', () => {
    const near = scoreCandidate(features, weights).score;
    const far = scoreCandidate({ ...features, distanceMeters: 8000 }, weights).score;
    expect(near).toBeGreaterThan(far);
    expect(scoreCandidate({ ...features, repeatCustomer: true }, weights).score).toBeGreaterThan(near);
  });

  it('only the ratios of the weights matter', () => {
    const doubled = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, v * 2])) as typeof weights;
    expect(scoreCandidate(features, doubled)).toEqual(scoreCandidate(features, weights));
  });

  it('matches saved preferences', () => {
    expect(preferenceMatch({ gender: 'female', skillIds: [7] }, null)).toBe(0.5);
    expect(preferenceMatch({ gender: 'female', skillIds: [7] }, { workerGender: 'male' })).toBe(0);
    expect(preferenceMatch({ gender: 'female', skillIds: [7] }, { workerGender: 'female', preferredSkillIds: [7, 9] })).toBe(0.75);
  });

  it('gives a favourite worker a small bonus, capped at a full match', () => {
    expect(preferenceMatch({ gender: 'female', skillIds: [7], favourite: true }, null)).toBe(1);
    expect(preferenceMatch({ gender: 'female', skillIds: [7], favourite: true }, { workerGender: 'male' })).toBe(FAVOURITE_PREFERENCE_BONUS);
    expect(preferenceMatch({ gender: 'female', skillIds: [7], favourite: true }, { workerGender: 'female', preferredSkillIds: [7, 9] })).toBe(1);
    const plain = scoreCandidate({ ...features, preferenceMatch: preferenceMatch({ gender: 'female', skillIds: [] }, null) }, weights).score;
    const favoured = scoreCandidate({ ...features, preferenceMatch: preferenceMatch({ gender: 'female', skillIds: [], favourite: true }, null) }, weights).score;
    expect(favoured).toBeGreaterThan(plain);
    expect(favoured - plain).toBeLessThanOrEqual(5);
  });
});

describe('modes and rounds', () => {
  const rules = [
    { cityAdcode: '310100', mode: 'grab' as const },
    { categorySlug: 'plumbing', mode: 'assign' as const },
    { cityAdcode: '310100', categorySlug: 'plumbing', mode: 'batch' as const },
  ];
  it('takes the most specific rule', () => {
    expect(modeFor(rules, 'recommend', '310100', 'plumbing')).toBe('batch');
    expect(modeFor(rules, 'recommend', '110100', 'plumbing')).toBe('assign');
    expect(modeFor(rules, 'recommend', '310100', 'home-cleaning')).toBe('grab');
    expect(modeFor(rules, 'recommend', '330100', 'home-cleaning')).toBe('recommend');
  });

  it('moves to the next round, then escalates', () => {
    const r = { offersPerRound: 3, maxRounds: 2 };
    expect(nextStep(1, 2, r, true)).toEqual({ kind: 'offer', round: 1 });
    expect(nextStep(1, 3, r, true)).toEqual({ kind: 'offer', round: 2 });
    expect(nextStep(2, 3, r, true)).toEqual({ kind: 'escalate', round: 2 });
    expect(nextStep(1, 0, r, false)).toEqual({ kind: 'escalate', round: 1 });
  });
});
