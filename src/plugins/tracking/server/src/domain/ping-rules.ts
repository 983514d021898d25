import { DomainError, notFound, validationFailed } from '../../../../../runtime/errors';

/**
 * When a worker's position is collected and shown. The worker reports from setting off
 * (on_the_way) until the service starts (arrived is still "at the door, parking"); members keep
 * seeing the last position while the service runs, and nothing once the order is over.
 */
export const REPORTING_STATUSES = ['on_the_way', 'arrived'] as const;
export const VISIBLE_STATUSES = ['on_the_way', 'arrived', 'in_service', 'paused'] as const;

const reporting = new Set<string>(REPORTING_STATUSES);
const visible = new Set<string>(VISIBLE_STATUSES);

export const isReportingStatus = (status: string): boolean => reporting.has(status);
export const isVisibleStatus = (status: string): boolean => visible.has(status);

/** INVALID_TRANSITION (409) for a ping on an order the worker is not travelling to. */
export function assertReporting(status: string): void {
  if (!isReportingStatus(status)) {
    throw new DomainError('INVALID_TRANSITION', '订单当前状态不需要上报位置（仅在出发后、开始服务前上报）', { orderStatus: status });
  }
}

/** Completed, cancelled or not yet on the way: there is no position to show (404, as API.md says "once on the way"). */
export function assertVisible(status: string): void {
  if (!isVisibleStatus(status)) throw notFound('暂无服务人员位置', { orderStatus: status });
}

/** A phone clock this far ahead of the server is wrong, not early. */
export const MAX_CLOCK_SKEW_MS = 60_000;

/**
 * The time a ping is recorded at: the phone's own `at` (pings queued without signal keep their
 * times), else the server's. 400 for a time ahead of the server by more than the skew allowance
 * or older than `maxAgeMs`: such a point says nothing about where the worker is now.
 */
export function pingTime(reported: number | undefined, now: number, maxAgeMs: number): number {
  if (reported === undefined) return now;
  if (!Number.isFinite(reported) || reported > now + MAX_CLOCK_SKEW_MS || reported < now - maxAgeMs) {
    throw validationFailed('定位时间不正确（不能晚于当前时间，也不能太久以前）', { field: 'at' });
  }
  return Math.min(reported, now);
}
