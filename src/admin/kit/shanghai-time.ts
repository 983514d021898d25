/**
 * Orders are booked, and payments reconciled against channel statements, in Shanghai business
 * time, whatever the operator's browser zone says: every time shown and every date filter sent
 * is Asia/Shanghai.
 */
import { DEFAULT_TIMEZONE, fromZonedTime, zonedParts } from '../../runtime/clock';

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "2026-11-27T02:00:00.000Z" → "2026-11-27 周五 10:00" (appointments read with their weekday). */
export function formatShanghaiDateTime(iso: string | null | undefined, withWeekday = true): string {
  const at = parseInstant(iso);
  if (!at) return '—';
  const p = zonedParts(at, DEFAULT_TIMEZONE);
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return `${day}${withWeekday ? ` ${WEEKDAYS[p.weekday]}` : ''} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-11-26T07:33:36.000Z" → "2026-11-26 15:33:36" (to the second, as channel statements list them). */
export function formatShanghaiTimestamp(iso: string | null | undefined): string {
  const at = parseInstant(iso);
  if (!at) return '—';
  const p = zonedParts(at, DEFAULT_TIMEZONE);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "10:03:27" in Shanghai, for "last refreshed". */
export function formatShanghaiClock(at: Date): string {
  const p = zonedParts(at, DEFAULT_TIMEZONE);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

export function isYmd(value: unknown): value is string {
  return typeof value === 'string' && YMD.test(value);
}

function ymdParts(ymd: string): { year: number; month: number; day: number } {
  const match = YMD.exec(ymd);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Midnight starting that Shanghai day, as an instant: "2026-11-01" → "2026-10-31T16:00:00.000Z". */
export function shanghaiDayStart(ymd: string): string {
  return fromZonedTime(ymdParts(ymd), DEFAULT_TIMEZONE).toISOString();
}

/** Midnight ending that Shanghai day (exclusive bound of an inclusive "to" date). */
export function shanghaiDayEnd(ymd: string): string {
  const { year, month, day } = ymdParts(ymd);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return fromZonedTime({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, DEFAULT_TIMEZONE).toISOString();
}

/** The calendar day a date picker produced (a local-midnight Date) as "YYYY-MM-DD". */
export function ymdOfPickedDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local-midnight Date a date picker shows for "YYYY-MM-DD". */
export function pickedDateOfYmd(ymd: string): Date {
  const { year, month, day } = ymdParts(ymd);
  return new Date(year, month - 1, day);
}
