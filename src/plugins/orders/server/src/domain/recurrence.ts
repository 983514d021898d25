/**
 * Recurring bookings: the start times of a weekly or monthly series, a subset of RFC 5545 RRULE
 * (FREQ, INTERVAL, COUNT, UNTIL, BYDAY for weekly). Dates are generated on the local calendar and
 * converted with the zone, so every occurrence keeps the first one's wall-clock time.
 *
 *   first Sat 2026-11-28 09:00, weekly, byWeekday SA SU, count 8
 *     → Sat 28, Sun 29 Nov, Sat 5, Sun 6, Sat 12, Sun 13, Sat 19, Sun 20 Dec, all at 09:00
 *   first 2027-01-31 10:00, monthly, count 4
 *     → 31 Jan, 31 Mar, 31 May, 31 Jul: months without a 31st are skipped (as RFC 5545 does,
 *       rather than moving the visit to the 30th), and skipped months do not use up the count.
 *
 * The first start is always the first element (it is the booking itself, validated elsewhere);
 * the others stop at the horizon, at `until` (inclusive) and after `count` (at most 52) in total.
 */
import { validationFailed } from '../../../../../runtime/errors';
import { fromZonedTime, zonedParts } from '../../../../../runtime/clock';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface RecurrenceRule {
  freq: 'weekly' | 'monthly';
  /** Every n weeks / months, 1–12 (default 1). */
  interval?: number | null;
  /** Occurrences in total including the first, 1–52. */
  count?: number | null;
  /** Last possible start, inclusive; a bare date "2026-12-31" means the end of that local day. */
  until?: Date | string | null;
  /** Weekly only: the days of each week (default: the first start's weekday). */
  byWeekday?: readonly WeekdayCode[] | null;
}

export const MAX_OCCURRENCES = 52;
const DAY_MS = 86_400_000;

const invalid = (message: string, reason: string) => validationFailed(message, { field: 'recurrence', reason });

function parseUntil(until: Date | string, timezone: string): Date {
  if (typeof until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(until)) {
    const [year, month, day] = until.split('-').map(Number);
    const nextDay = new Date(Date.UTC(year, month - 1, day + 1));
    const startOfNext = fromZonedTime(
      { year: nextDay.getUTCFullYear(), month: nextDay.getUTCMonth() + 1, day: nextDay.getUTCDate() },
      timezone,
    );
    return new Date(startOfNext.getTime() - 1);
  }
  const at = new Date(until);
  if (Number.isNaN(at.getTime())) throw invalid('周期预约的结束日期无效', 'until');
  return at;
}

/** Checks the rule's shape; returns the interval and the effective count cap. */
export function validateRecurrence(rule: RecurrenceRule): { interval: number; maxCount: number } {
  if (rule.freq !== 'weekly' && rule.freq !== 'monthly') throw invalid('周期只能为每周或每月', 'freq');
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) throw invalid('周期间隔须为 1–12', 'interval');
  if (rule.count != null && rule.until != null) throw invalid('次数与结束日期只能选择一个', 'count_and_until');
  if (rule.count != null && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > MAX_OCCURRENCES)) {
    throw invalid(`重复次数须为 1–${MAX_OCCURRENCES}`, 'count');
  }
  if (rule.byWeekday != null && rule.byWeekday.length > 0) {
    if (rule.freq !== 'weekly') throw invalid('按星期重复仅适用于每周预约', 'by_weekday');
    if (!rule.byWeekday.every((d) => (WEEKDAY_CODES as readonly string[]).includes(d))) {
      throw invalid('星期取值无效', 'by_weekday');
    }
  }
  return { interval, maxCount: rule.count ?? MAX_OCCURRENCES };
}

export function occurrences(rule: RecurrenceRule, first: Date, horizonEnd: Date, timezone: string): Date[] {
  const { interval, maxCount } = validateRecurrence(rule);
  let limit = horizonEnd.getTime();
  if (rule.until != null) {
    const until = parseUntil(rule.until, timezone);
    if (until.getTime() < first.getTime()) throw invalid('周期预约的结束日期早于首次服务时间', 'until');
    limit = Math.min(limit, until.getTime());
  }

  const wall = zonedParts(first, timezone);
  const at = (dayNumber: number): Date => {
    const d = new Date(dayNumber * DAY_MS);
    return fromZonedTime(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: wall.hour,
        minute: wall.minute,
        second: wall.second,
      },
      timezone,
    );
  };

  const result: Date[] = [first];
  const accept = (candidate: Date): boolean => {
    // Candidates come in increasing order, so the first one past the limit ends the series.
    if (candidate.getTime() > limit) return false;
    if (candidate.getTime() > first.getTime()) result.push(candidate);
    return result.length < maxCount;
  };

  // Local calendar days counted from the epoch; the zone only matters when converting back.
  const firstDay = Math.round(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS);
  if (rule.freq === 'weekly') {
    const weekdays = rule.byWeekday?.length
      ? [...new Set(rule.byWeekday.map((code) => WEEKDAY_CODES.indexOf(code) + 1))].sort((a, b) => a - b)
      : [wall.weekday];
    const firstMonday = firstDay - (wall.weekday - 1);
    for (let week = 0; result.length < maxCount; week += interval) {
      for (const weekday of weekdays) {
        const day = firstMonday + week * 7 + weekday - 1;
        if (day <= firstDay) continue;
        if (!accept(at(day))) return result;
      }
    }
    return result;
  }

  for (let step = interval; result.length < maxCount; step += interval) {
    const monthStart = new Date(Date.UTC(wall.year, wall.month - 1 + step, 1));
    const year = monthStart.getUTCFullYear();
    const month = monthStart.getUTCMonth() + 1;
    if (fromZonedTime({ year, month, day: 1 }, timezone).getTime() > limit) break;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (wall.day > daysInMonth) continue;
    if (!accept(at(Math.round(Date.UTC(year, month - 1, wall.day) / DAY_MS)))) break;
  }
  return result;
}
