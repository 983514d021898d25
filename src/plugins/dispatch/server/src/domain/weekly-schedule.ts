/**
 * A worker's working week and leave, in the business time zone.
 *
 * Weekly windows are wall-clock times per ISO weekday (1 = Monday … 7 = Sunday), end exclusive,
 * "24:00" allowed as an end. A worker who never set windows works the platform's business hours
 * every day, so a new worker is dispatchable before they touch their schedule.
 *   windows [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '14:00', end: '18:00' }]
 *   from Mon 2026-11-30 00:00 to Tue 00:00 (Shanghai) → [Mon 09:00–12:00, Mon 14:00–18:00]
 */
import { fromZonedTime, zonedParts } from '../../../../../runtime/clock';
import { mergeOverlapping, type Range } from './ranges';

export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

export type LeaveKind = 'leave' | 'day_off';

export interface LeavePeriod {
  kind: LeaveKind;
  startsAt: string;
  endsAt: string;
  reason?: string | null;
}

export const LEAVE_KIND_LABELS: Readonly<Record<LeaveKind, string>> = { leave: '请假', day_off: '休息日' };
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

const HHMM = /^(\d{2}):(\d{2})$/;

/** "09:30" → 570, "24:00" → 1440; NaN for anything else. */
export function minutesOf(text: string): number {
  const match = HHMM.exec(text ?? '');
  if (!match) return NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return NaN;
  return hours * 60 + minutes;
}

export interface ScheduleProblem {
  /** Path of the offending field in the request body, e.g. `weekly[2].end`. */
  field: string;
  message: string;
}

/** Every reason the windows cannot be saved: bad times, an end not after its start, overlaps on one weekday. */
export function weeklyWindowProblems(windows: readonly WeeklyWindow[], field = 'weekly'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  windows.forEach((w, i) => {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      problems.push({ field: `${field}[${i}].weekday`, message: '星期须为 1（周一）到 7（周日）' });
    }
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (Number.isNaN(start) || start >= 1440) problems.push({ field: `${field}[${i}].start`, message: '开始时间须为 HH:mm，如 09:00' });
    else if (Number.isNaN(end)) problems.push({ field: `${field}[${i}].end`, message: '结束时间须为 HH:mm，如 18:00' });
    else if (end <= start) problems.push({ field: `${field}[${i}].end`, message: `${WEEKDAY_LABELS[w.weekday] ?? ''}的结束时间须晚于开始时间` });
  });
  if (problems.length) return problems;
  for (let weekday = 1; weekday <= 7; weekday++) {
    const sameDay = windows
      .map((w, index) => ({ index, start: minutesOf(w.start), end: minutesOf(w.end), weekday: w.weekday }))
      .filter((w) => w.weekday === weekday)
      .sort((a, b) => a.start - b.start);
    for (let k = 1; k < sameDay.length; k++) {
      if (sameDay[k].start < sameDay[k - 1].end) {
        problems.push({
          field: `${field}[${sameDay[k].index}]`,
          message: `${WEEKDAY_LABELS[weekday]}的时间段 ${windows[sameDay[k].index].start}–${windows[sameDay[k].index].end} 与 ${windows[sameDay[k - 1].index].start}–${windows[sameDay[k - 1].index].end} 重叠`,
        });
      }
    }
  }
  return problems;
}

export function leaveProblems(leave: readonly LeavePeriod[], field = 'leave'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  leave.forEach((l, i) => {
    const start = Date.parse(l.startsAt);
    const end = Date.parse(l.endsAt);
    if (Number.isNaN(start)) problems.push({ field: `${field}[${i}].startsAt`, message: '请假开始时间无效' });
    else if (Number.isNaN(end)) problems.push({ field: `${field}[${i}].endsAt`, message: '请假结束时间无效' });
    else if (end <= start) problems.push({ field: `${field}[${i}].endsAt`, message: '请假结束时间须晚于开始时间' });
  });
  return problems;
}

export interface BusinessHours {
  opensAt: string;
  closesAt: string;
}

/** The business hours as windows on every weekday: what a worker without a schedule works. */
export function defaultWeek(hours: BusinessHours): WeeklyWindow[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: hours.opensAt, end: hours.closesAt }));
}

/** The ISO weekday and calendar date of each business day touching [from, to). */
function businessDays(from: number, to: number, timeZone: string) {
  const days: Array<{ year: number; month: number; day: number; weekday: number }> = [];
  const first = zonedParts(new Date(from), timeZone);
  // Calendar arithmetic on a UTC date avoids the zone; fromZonedTime turns each day back into an instant.
  for (let cursor = Date.UTC(first.year, first.month - 1, first.day); ; cursor += 86_400_000) {
    const d = new Date(cursor);
    const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (fromZonedTime(wall, timeZone).getTime() >= to) break;
    days.push({ ...wall, weekday: ((d.getUTCDay() + 6) % 7) + 1 });
    if (days.length > 400) break;
  }
  return days;
}

/** Instants the weekly windows cover within [from, to). */
export function weeklyRanges(windows: readonly WeeklyWindow[], from: number, to: number, timeZone: string): Range[] {
  const out: Range[] = [];
  for (const day of businessDays(from, to, timeZone)) {
    for (const w of windows) {
      if (w.weekday !== day.weekday) continue;
      const start = minutesOf(w.start);
      const end = minutesOf(w.end);
      if (!(end > start)) continue;
      const at = (m: number) => fromZonedTime({ ...day, hour: Math.floor(m / 60), minute: m % 60 }, timeZone).getTime();
      // 24:00 is midnight of the next day.
      const endAt = end === 1440 ? fromZonedTime(nextDay(day), timeZone).getTime() : at(end);
      out.push({ start: Math.max(from, at(start)), end: Math.min(to, endAt) });
    }
  }
  return mergeOverlapping(out);
}

function nextDay(day: { year: number; month: number; day: number }) {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const leaveRanges = (leave: readonly LeavePeriod[]): Range[] =>
  mergeOverlapping(leave.map((l) => ({ start: Date.parse(l.startsAt), end: Date.parse(l.endsAt) })).filter((r) => r.end > r.start));

/** A whole business day off: "2026-12-03" → its local midnight to the next. */
export function dayOff(ymd: string, timeZone: string, reason?: string | null): LeavePeriod {
  const [year, month, day] = ymd.split('-').map(Number);
  const start = fromZonedTime({ year, month, day }, timeZone);
  const end = fromZonedTime(nextDay({ year, month, day }), timeZone);
  return { kind: 'day_off', startsAt: start.toISOString(), endsAt: end.toISOString(), reason: reason ?? null };
}
