/**
 * Business time. Pure helpers take the clock or the time zone as arguments; the runtime holds
 * one current clock so tests can pin "now" without touching Date.
 */
export interface Clock {
  now(): Date;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return { now: () => new Date(instant.getTime()) };
};

let current: Clock = systemClock;

export const clock = {
  now: (): Date => current.now(),
  use(next: Clock): void {
    current = next;
  },
  reset(): void {
    current = systemClock;
  },
};

/**
 * A stored instant as ISO 8601, or null when there is none. Drivers return datetimes as Date
 * (pg, mysql2) or text (SQLite); API views always show the same UTC string.
 */
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : new Date(value as string | Date).toISOString());

export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: Monday 1 … Sunday 7 */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Matching turns the same few wall-clock times into instants for thousands of workers per
// request, and Intl formatting costs microseconds each: both conversions are remembered. They
// are pure for a zone (its rules do not change while the process runs); the maps are bounded.
const MEMO_LIMIT = 50_000;
const partsMemo = new Map<string, ZonedParts>();
const instantMemo = new Map<string, number>();

function remember<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(at: Date, timeZone = DEFAULT_TIMEZONE): ZonedParts {
  const time = at.getTime();
  if (Number.isNaN(time)) return computeZonedParts(at, timeZone);
  return { ...remember(partsMemo, `${timeZone}|${time}`, () => computeZonedParts(at, timeZone)) };
}

function computeZonedParts(at: Date, timeZone: string): ZonedParts {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(at: Date, timeZone = DEFAULT_TIMEZONE): number {
  const p = zonedParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the zone's wall clock shows the given time. */
export function fromZonedTime(
  wall: Pick<ZonedParts, 'year' | 'month' | 'day'> & Partial<Pick<ZonedParts, 'hour' | 'minute' | 'second'>>,
  timeZone = DEFAULT_TIMEZONE,
): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
  const compute = () => {
    // Two passes settle the offset even on a DST boundary.
    const guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
    return naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  };
  return new Date(Number.isNaN(naive) ? compute() : remember(instantMemo, `${timeZone}|${naive}`, compute));
}

/** Midnight of the business day containing `at`. */
export function startOfZonedDay(at: Date, timeZone = DEFAULT_TIMEZONE): Date {
  const p = zonedParts(at, timeZone);
  return fromZonedTime({ year: p.year, month: p.month, day: p.day }, timeZone);
}

/** Minutes since local midnight, e.g. 14:30 → 870; compared against business hours. */
export function minuteOfZonedDay(at: Date, timeZone = DEFAULT_TIMEZONE): number {
  const p = zonedParts(at, timeZone);
  return p.hour * 60 + p.minute;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-26T14:00:00+08:00" */
export function toZonedIso(at: Date, timeZone = DEFAULT_TIMEZONE): string {
  const p = zonedParts(at, timeZone);
  const offset = zoneOffsetMinutes(at, timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-11-26 14:00" for SMS and notifications. */
export function formatZoned(at: Date, timeZone = DEFAULT_TIMEZONE): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
