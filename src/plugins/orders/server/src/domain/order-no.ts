/**
 * Order numbers members read out to customer service: "SM" + local yyyyMMddHHmm + 6 digits,
 * 20 characters, e.g. SM202611261430042917 for an order placed 2026-11-26 14:30 Shanghai time.
 * Sorting the strings sorts the orders by minute. The 6 digits come from the caller (a random
 * number or a sequence); the database's unique index decides, and the caller retries on a clash.
 */
import { fromZonedTime, zonedParts } from '../../../../../runtime/clock';

export const ORDER_NO_PREFIX = 'SM';
export const ORDER_NO_SUFFIX_DIGITS = 6;
export const ORDER_NO_LENGTH = ORDER_NO_PREFIX.length + 12 + ORDER_NO_SUFFIX_DIGITS;

const ORDER_NO_PATTERN = /^SM(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{6})$/;
const SUFFIX_LIMIT = 10 ** ORDER_NO_SUFFIX_DIGITS;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** formatOrderNo(new Date('2026-11-26T06:30:00Z'), 42917, 'Asia/Shanghai') → "SM202611261430042917" */
export function formatOrderNo(at: Date, suffix: number | string, timezone: string): string {
  const digits = typeof suffix === 'number' ? suffix : Number(suffix);
  if (
    (typeof suffix === 'string' && !/^\d{1,6}$/.test(suffix)) ||
    !Number.isInteger(digits) ||
    digits < 0 ||
    digits >= SUFFIX_LIMIT
  ) {
    throw new RangeError(`order number suffix must be 0–${SUFFIX_LIMIT - 1}, got ${suffix}`);
  }
  const p = zonedParts(at, timezone);
  return `${ORDER_NO_PREFIX}${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(digits, ORDER_NO_SUFFIX_DIGITS)}`;
}

export interface ParsedOrderNo {
  /** The minute the order was placed. */
  placedAt: Date;
  suffix: number;
}

/** The parts of a well-formed order number, or null (wrong shape or an impossible date). */
export function parseOrderNo(orderNo: string, timezone: string): ParsedOrderNo | null {
  const match = ORDER_NO_PATTERN.exec(orderNo);
  if (!match) return null;
  const [year, month, day, hour, minute, suffix] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  // Reject 31 Feb and the like: the date must survive a round trip through the calendar.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return { placedAt: fromZonedTime({ year, month, day, hour, minute }, timezone), suffix };
}

/** Cheap shape check for route params and search boxes (no zone needed). */
export function isOrderNo(value: unknown): value is string {
  if (typeof value !== 'string' || !ORDER_NO_PATTERN.test(value)) return false;
  return parseOrderNo(value, 'UTC') !== null;
}
