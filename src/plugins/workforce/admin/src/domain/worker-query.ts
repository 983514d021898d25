/**
 * 师傅审核 filters live in the page URL (shareable, survive reloads, read by the admin's
 * pagination links). Without a status in the URL the page shows the queue (待审核); choosing
 * 全部状态 is written as `auditStatus=all`.
 */
import type { AuditStatus, Employment } from '../../../shared/contracts/workforce';

export interface WorkerFilters {
  auditStatus?: AuditStatus;
  employment?: Employment;
  page: number;
  pageSize: number;
}
export type WorkerFilterChange = { auditStatus?: AuditStatus | undefined; employment?: Employment | undefined };

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = ['auditStatus', 'employment', 'page'] as const;
const STATUSES: readonly AuditStatus[] = ['pending', 'approved', 'rejected'];
const EMPLOYMENTS: readonly Employment[] = ['active', 'suspended', 'resigned'];

const positiveInt = (value: unknown, fallback: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

export function filtersFromQuery(query: Record<string, string>): WorkerFilters {
  const status = query.auditStatus === undefined ? 'pending' : (STATUSES as readonly string[]).includes(query.auditStatus) ? (query.auditStatus as AuditStatus) : undefined;
  const employment = (EMPLOYMENTS as readonly string[]).includes(query.employment) ? (query.employment as Employment) : undefined;
  return { auditStatus: status, employment, page: positiveInt(query.page, 1, 10_000), pageSize: positiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100) };
}

/** A changed filter starts again from page 1. */
export function queryForFilters(change: WorkerFilterChange): Record<string, string> {
  const out: Record<string, string> = { page: '' };
  if ('auditStatus' in change) out.auditStatus = change.auditStatus ?? 'all';
  if ('employment' in change) out.employment = change.employment ?? '';
  return out;
}

export function toListSearch(filters: WorkerFilters): string {
  return new URLSearchParams({
    page: String(filters.page),
    pageSize: String(filters.pageSize),
    ...(filters.auditStatus ? { auditStatus: filters.auditStatus } : {}),
    ...(filters.employment ? { employment: filters.employment } : {}),
  }).toString();
}
