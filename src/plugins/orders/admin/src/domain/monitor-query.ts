/**
 * The monitor's filters live in the page URL (shareable, survive reloads, work with the admin's
 * pagination links); this module turns that URL query into filters and filters into the
 * `GET /orders/orders` query the server validates.
 */
import { ORDER_STATUSES, type OrderStatus } from './labels';
import { isYmd, shanghaiDayEnd, shanghaiDayStart } from '../../../../../admin/kit/shanghai-time';

export interface MonitorFilters {
  status: OrderStatus[];
  /** City adcode, e.g. "310100". */
  city?: string;
  /** Category slug. */
  category?: string;
  /** Shanghai calendar days, both inclusive: "2026-11-01". */
  from?: string;
  to?: string;
  /** Part of an order number. */
  q?: string;
  exceptionsOnly: boolean;
  page: number;
  pageSize: number;
}

export type FilterChange = Partial<Omit<MonitorFilters, 'page' | 'pageSize'>>;

export const DEFAULT_PAGE_SIZE = 20;
/** Every URL key the filters own; pageSize is the pagination's. */
export const FILTER_KEYS = ['status', 'city', 'category', 'from', 'to', 'q', 'exceptions', 'page'] as const;
const PAGE_SIZES = [10, 20, 50, 100];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function positiveInt(value: unknown, fallback: number, max: number): number {
  const n = Number(text(value));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Anything a user may have typed into the address bar degrades to "no filter", never to a 400. */
export function filtersFromQuery(query: Record<string, unknown>): MonitorFilters {
  const status = (text(query.status) ?? '')
    .split(',')
    .filter((s): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s));
  const city = text(query.city);
  const category = text(query.category);
  const pageSize = positiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100);
  return {
    status: [...new Set(status)],
    city: city && /^\d{6}$/.test(city) ? city : undefined,
    category: category && /^[a-z0-9-]+$/.test(category) ? category : undefined,
    from: isYmd(query.from) ? query.from : undefined,
    to: isYmd(query.to) ? query.to : undefined,
    q: text(query.q)?.slice(0, 40),
    exceptionsOnly: query.exceptions === 'true',
    page: positiveInt(query.page, 1, 99_999),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The list endpoint's query string. Dates become the Shanghai day bounds, so "to 11-30"
 * includes orders at 23:30 Beijing time on the 30th:
 * { from: '2026-11-01', to: '2026-11-30' } → from=2026-10-31T16:00:00.000Z&to=2026-11-30T16:00:00.000Z
 */
export function toListSearch(filters: MonitorFilters): string {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.city) params.set('city', filters.city);
  if (filters.category) params.set('category', filters.category);
  if (filters.from) params.set('from', shanghaiDayStart(filters.from));
  if (filters.to) params.set('to', shanghaiDayEnd(filters.to));
  if (filters.q) params.set('q', filters.q);
  if (filters.exceptionsOnly) params.set('exceptions', 'true');
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

/** URL query values for changed filters ('' = remove the key); any change goes back to page 1. */
export function queryForFilters(change: FilterChange): Record<string, string> {
  const next: Record<string, string> = { page: '1' };
  if ('status' in change) next.status = (change.status ?? []).join(',');
  if ('city' in change) next.city = change.city ?? '';
  if ('category' in change) next.category = change.category ?? '';
  if ('from' in change) next.from = change.from ?? '';
  if ('to' in change) next.to = change.to ?? '';
  if ('q' in change) next.q = change.q ?? '';
  if ('exceptionsOnly' in change) next.exceptions = change.exceptionsOnly ? 'true' : '';
  return next;
}

export function hasActiveFilters(filters: MonitorFilters): boolean {
  return Boolean(filters.status.length || filters.city || filters.category || filters.from || filters.to || filters.q || filters.exceptionsOnly);
}
