/**
 * 支付流水 filters live in the page URL (shareable, survive reloads, work with the admin's
 * pagination links); this module turns that URL query into filters and filters into the
 * `GET /payments/payments` query the server validates.
 */
import { CHANNELS, PAYMENT_STATUSES, type Channel, type PaymentStatus } from './labels';
import { isYmd, shanghaiDayEnd, shanghaiDayStart } from '../../../../../admin/kit/shanghai-time';

export interface PaymentFilters {
  /** Part of an order number, merchant trade number or channel transaction id. */
  q?: string;
  channel?: Channel;
  status?: PaymentStatus;
  /** Shanghai calendar days, both inclusive: "2026-11-01". */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type FilterChange = Partial<Omit<PaymentFilters, 'page' | 'pageSize'>>;

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = ['q', 'channel', 'status', 'from', 'to', 'page'] as const;
const PAGE_SIZES = [10, 20, 50, 100];
const Q_MAX = 64;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function positiveInt(value: unknown, fallback: number, max: number): number {
  const n = Number(text(value));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Anything a user may have typed into the address bar degrades to "no filter", never to a 400. */
export function filtersFromQuery(query: Record<string, unknown>): PaymentFilters {
  const pageSize = positiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100);
  return {
    q: text(query.q)?.slice(0, Q_MAX),
    channel: oneOf(CHANNELS, query.channel),
    status: oneOf(PAYMENT_STATUSES, query.status),
    from: isYmd(query.from) ? query.from : undefined,
    to: isYmd(query.to) ? query.to : undefined,
    page: positiveInt(query.page, 1, 99_999),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The list endpoint's query string. Dates become Shanghai day bounds, so "to 11-30" includes a
 * payment at 23:59 Beijing time on the 30th:
 * { from: '2026-11-01', to: '2026-11-30' } → from=2026-10-31T16:00:00.000Z&to=2026-11-30T16:00:00.000Z
 */
export function toListSearch(filters: PaymentFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', shanghaiDayStart(filters.from));
  if (filters.to) params.set('to', shanghaiDayEnd(filters.to));
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

/** URL query values for changed filters ('' = remove the key); any change goes back to page 1. */
export function queryForFilters(change: FilterChange): Record<string, string> {
  const next: Record<string, string> = { page: '1' };
  for (const key of ['q', 'channel', 'status', 'from', 'to'] as const) {
    if (key in change) next[key] = change[key] ?? '';
  }
  return next;
}

export function hasActiveFilters(filters: PaymentFilters): boolean {
  return Boolean(filters.q || filters.channel || filters.status || filters.from || filters.to);
}
