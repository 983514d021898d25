/**
 * When a booking starts, and which of the worker's slots it occupies. All wall-clock checks are
 * in the business time zone; instants are plain Dates.
 *
 * With DEFAULT_SETTINGS (08:00–20:00, lead 60 min, 30 days ahead, instant arrival 60 min, 30-min
 * slots) and now = Thu 2026-11-26 10:10 Shanghai:
 *   scheduledAt 10:50 the same day            → 'lead_time' (earliest 11:10)
 *   scheduledAt 19:00, 120 min                → 'outside_hours' (ends 21:00, after 20:00)
 *   scheduledAt 2026-12-27 09:00              → 'too_far' (latest 12-26 10:10)
 *   instant                                   → 11:10 rounded up to the slot grid → 11:30
 */
import { DomainError, validationFailed } from '../../../../../runtime/errors';
import { zonedParts } from '../../../../../runtime/clock';
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

export type BookingRules = Pick<
  PlatformSettings['booking'],
  'minLeadMinutes' | 'maxAdvanceDays' | 'instantArrivalMinutes' | 'slotMinutes'
>;

export interface ResolveStartInput {
  scheduledAt?: string | Date | null;
  instant?: boolean | null;
  durationMinutes: number;
  now: Date;
  timezone: string;
  businessHours: PlatformSettings['businessHours'];
  booking: BookingRules;
}

export type BookingTimeRejection = 'invalid' | 'past' | 'lead_time' | 'too_far' | 'outside_hours';

const reject = (reason: BookingTimeRejection, message: string, extra: Record<string, unknown> = {}) =>
  validationFailed(message, { field: 'scheduledAt', reason, ...extra });

/** The service start for a scheduled or instant booking, or VALIDATION_FAILED with details.reason. */
export function resolveStart(input: ResolveStartInput): Date {
  const { now, booking } = input;
  const hasTime = input.scheduledAt != null && input.scheduledAt !== '';
  if (hasTime === (input.instant === true)) {
    throw validationFailed('请选择预约时间或立即上门（二选一）', { field: 'scheduledAt', reason: 'invalid' });
  }
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    throw validationFailed('服务时长无效', { field: 'durationMinutes' });
  }

  if (input.instant === true) {
    // Instant means "as soon as a worker can get there", so the lead time is the arrival time.
    const start = ceilToSlot(new Date(now.getTime() + booking.instantArrivalMinutes * MINUTE_MS), booking.slotMinutes);
    assertWithinBusinessHours(start, input);
    return start;
  }

  const start = new Date(input.scheduledAt as string | Date);
  if (Number.isNaN(start.getTime())) throw reject('invalid', '预约时间格式无效');
  if (start.getTime() < now.getTime()) throw reject('past', '预约时间已过，请重新选择');
  const earliest = new Date(now.getTime() + booking.minLeadMinutes * MINUTE_MS);
  if (start.getTime() < earliest.getTime()) {
    throw reject('lead_time', `请至少提前 ${booking.minLeadMinutes} 分钟预约`, { earliest: earliest.toISOString() });
  }
  const latest = new Date(now.getTime() + booking.maxAdvanceDays * DAY_MINUTES * MINUTE_MS);
  if (start.getTime() > latest.getTime()) {
    throw reject('too_far', `最多可提前 ${booking.maxAdvanceDays} 天预约`, { latest: latest.toISOString() });
  }
  assertWithinBusinessHours(start, input);
  return start;
}

/** "08:30" → 510; "24:00" → 1440 (closing at midnight). */
export function parseClockTime(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > DAY_MINUTES) {
    throw new DomainError('INTERNAL', `business hours must be HH:mm, got ${text}`);
  }
  return minutes;
}

/**
 * The start must fall in [opensAt, closesAt) local time; a service shorter than a day must also
 * end by closesAt (a 120-min job may start at 18:00 but not at 18:30 when closing at 20:00).
 * Longer services (live-in care by the day or month) only need a start within the hours.
 */
function assertWithinBusinessHours(start: Date, input: ResolveStartInput): void {
  const { opensAt, closesAt } = input.businessHours;
  const opens = parseClockTime(opensAt);
  const closes = parseClockTime(closesAt);
  if (closes <= opens)
    throw new DomainError('INTERNAL', `business hours must close after they open: ${opensAt}–${closesAt}`);
  const p = zonedParts(start, input.timezone);
  const minute = p.hour * 60 + p.minute + p.second / 60;
  const ends = minute + input.durationMinutes;
  const outside = minute < opens || minute >= closes || (input.durationMinutes < DAY_MINUTES && ends > closes);
  if (outside) {
    throw reject('outside_hours', `服务时间须在营业时间 ${opensAt}–${closesAt} 内`, { opensAt, closesAt });
  }
}

function assertSlotMinutes(slotMinutes: number): void {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) {
    throw new DomainError('INTERNAL', `slotMinutes must be a positive integer, got ${slotMinutes}`);
  }
}

/** The next slot boundary at or after `at` (UTC epoch grid): 11:10 → 11:30, 11:30 → 11:30. */
export function ceilToSlot(at: Date, slotMinutes: number): Date {
  assertSlotMinutes(slotMinutes);
  const size = slotMinutes * MINUTE_MS;
  return new Date(Math.ceil(at.getTime() / size) * size);
}

/**
 * The time a booking blocks the worker: the service plus the travel buffer after it. Every
 * booking carries the buffer on one side only, so two consecutive jobs are exactly one buffer
 * apart (30 minutes of setting = 30 minutes between back-to-back jobs, not 60).
 */
export function bufferedInterval(
  start: Date,
  durationMinutes: number,
  travelBufferMinutes: number,
): { start: Date; end: Date } {
  return {
    start: new Date(start.getTime()),
    end: new Date(start.getTime() + (durationMinutes + travelBufferMinutes) * MINUTE_MS),
  };
}

/**
 * Slot starts covering [start, start + duration + buffer), aligned to the slot grid in UTC
 * epoch minutes (whole for +08:00 with 30- or 60-min slots). A unique (worker, slot) row per
 * element keeps two overlapping bookings apart.
 *   10:00, 120 min, buffer 30, slots 30 → 10:00 10:30 11:00 11:30 12:00 (5 slots); the next job
 *   may start at 12:30
 * A start or length off the grid is rounded outwards, so two bookings closer than a slot may
 * collide although they do not overlap: conservative, never a double booking.
 */
export function slotsFor(
  start: Date,
  durationMinutes: number,
  travelBufferMinutes: number,
  slotMinutes: number,
): Date[] {
  assertSlotMinutes(slotMinutes);
  if (!(durationMinutes > 0) || !(travelBufferMinutes >= 0)) {
    throw new DomainError('INTERNAL', 'durationMinutes must be > 0 and travelBufferMinutes ≥ 0');
  }
  const size = slotMinutes * MINUTE_MS;
  const interval = bufferedInterval(start, durationMinutes, travelBufferMinutes);
  const slots: Date[] = [];
  for (let t = Math.floor(interval.start.getTime() / size) * size; t < interval.end.getTime(); t += size) {
    slots.push(new Date(t));
  }
  return slots;
}
