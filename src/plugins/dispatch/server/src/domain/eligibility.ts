/**
 * Hard filters: who may be offered an order at all. Checked in a cheap-first order so the
 * candidate search drops most workers before it asks the database about bookings.
 */
import { certificateUsableOn } from '../../../../../api/people/domain/certificates';
import { haversineMeters, type LatLng } from '../../../../../runtime/geo';
import { timeConflict, type OrderTime } from './availability';
import type { Range } from './ranges';
import type { LeavePeriod, WeeklyWindow } from './weekly-schedule';

export interface DispatchWorker {
  id: number;
  documentId: string;
  userId: number | null;
  realName: string;
  gender: 'male' | 'female';
  cityAdcode: string | null;
  auditStatus: string;
  employment: string;
  acceptingOrders: boolean;
  home: LatLng | null;
  serviceRadiusMeters: number;
  rating: number;
  experienceYears: number;
  /**
   * `validThrough`: for a skill that needs a certificate (技能 → 所需证书), the last day the
   * worker's certificate is valid ("YYYY-MM-DD"), null when they hold none; absent when the skill
   * needs none.
   */
  skills: ReadonlyArray<{ skillId: number; level: number; validThrough?: string | null }>;
  /** Effective windows: the worker's own, or the business hours when they set none. */
  windows: readonly WeeklyWindow[];
  leave: readonly LeavePeriod[];
  /** null: the platform's `dispatch.maxOrdersPerDay`. */
  maxOrdersPerDay: number | null;
}

export interface OrderNeed {
  cityAdcode: string;
  /** Any one of these skills qualifies; none listed means any worker of the city. */
  skillIds: readonly number[];
  minSkillLevel: number;
  location: LatLng;
  genderPreference?: 'male' | 'female' | 'any' | null;
  /** Leave out to ask "may this worker serve this address at all" (no time checks). */
  time?: OrderTime;
  /** Workers the member blocked. */
  blockedWorkerIds?: ReadonlySet<number>;
  /** The business day ("YYYY-MM-DD") of the service, or today without a time: certificates must be valid on it. */
  serviceDay: string;
}

export const UNFIT_REASONS = [
  'not_approved',
  'inactive',
  'not_accepting',
  'other_city',
  'missing_skill',
  'certificate',
  'skill_level',
  'no_position',
  'out_of_radius',
  'gender',
  'blocked',
  'on_leave',
  'outside_availability',
  'booked',
  'over_capacity',
] as const;
export type UnfitReason = (typeof UNFIT_REASONS)[number];

export const UNFIT_REASON_LABELS: Readonly<Record<UnfitReason, string>> = {
  not_approved: '未通过审核',
  inactive: '已暂停或离职',
  not_accepting: '已关闭接单',
  other_city: '不在订单所在城市',
  missing_skill: '不具备该服务所需技能',
  certificate: '所需资质证书缺失或已过期',
  skill_level: '技能等级不足',
  no_position: '未设置常住地位置',
  out_of_radius: '订单地址超出服务半径',
  gender: '性别不符合客户要求',
  blocked: '已被客户屏蔽',
  on_leave: '该时间在请假或休息',
  outside_availability: '该时间不在可接单时段',
  booked: '该时间已有其他订单',
  over_capacity: '当日接单已达上限',
};

const usableOn = (skill: DispatchWorker['skills'][number], day: string | undefined): boolean =>
  skill.validThrough === undefined || day === undefined || certificateUsableOn(skill.validThrough, day);

/**
 * The worker's best level among the skills the item needs (0 when none). Given a day, a skill
 * whose certificate is missing or expired on it does not count.
 */
export function matchingSkillLevel(worker: Pick<DispatchWorker, 'skills'>, skillIds: readonly number[], onDay?: string): number {
  const usable = worker.skills.filter((s) => usableOn(s, onDay));
  if (!skillIds.length) return Math.max(1, ...usable.map((s) => s.level));
  return usable.filter((s) => skillIds.includes(s.skillId)).reduce((best, s) => Math.max(best, s.level), 0);
}

export const distanceTo = (worker: Pick<DispatchWorker, 'home'>, location: LatLng): number | null =>
  worker.home ? haversineMeters(worker.home, location) : null;

/**
 * Everything decidable without the worker's bookings: status, city, skill, radius, gender,
 * blocks, leave and working windows. Returns the first reason found, or null.
 */
export function staticUnfitReason(worker: DispatchWorker, need: OrderNeed, timeZone: string, distanceMeters = distanceTo(worker, need.location)): UnfitReason | null {
  if (worker.auditStatus !== 'approved') return 'not_approved';
  if (worker.employment !== 'active') return 'inactive';
  if (!worker.acceptingOrders) return 'not_accepting';
  if (worker.cityAdcode !== need.cityAdcode) return 'other_city';
  const level = matchingSkillLevel(worker, need.skillIds, need.serviceDay);
  if (level === 0) return matchingSkillLevel(worker, need.skillIds) > 0 ? 'certificate' : 'missing_skill';
  if (level < need.minSkillLevel) return 'skill_level';
  if (distanceMeters === null) return 'no_position';
  if (distanceMeters > worker.serviceRadiusMeters) return 'out_of_radius';
  if (need.genderPreference && need.genderPreference !== 'any' && worker.gender !== need.genderPreference) return 'gender';
  if (need.blockedWorkerIds?.has(worker.id)) return 'blocked';
  return need.time ? timeConflict(worker, need.time, timeZone) : null;
}

export interface WorkerLoad {
  /** Held slots overlapping the order's day, buffer included. */
  bookings: readonly Range[];
  /** Orders the worker already has on the order's business day (not cancelled). */
  ordersThatDay: number;
}

/** The checks that need the worker's bookings: a clash, or the day's capacity reached. */
export function loadUnfitReason(worker: Pick<DispatchWorker, 'maxOrdersPerDay'>, load: WorkerLoad, time: OrderTime, defaultMaxPerDay: number): UnfitReason | null {
  if (load.bookings.some((b) => b.start < time.held.end && time.held.start < b.end)) return 'booked';
  if (load.ordersThatDay >= (worker.maxOrdersPerDay ?? defaultMaxPerDay)) return 'over_capacity';
  return null;
}
