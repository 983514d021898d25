/**
 * Where a worker's earning stands: `pending` until the settlement cycle (T+N days from the
 * completion) has passed, `settleable` after it, `settled` once a settlement batch paid it.
 * Pure: the clock is passed in.
 */
export type EarningStatus = 'pending' | 'settleable' | 'settled';

export const EARNING_STATUS_LABELS: Readonly<Record<EarningStatus, string>> = {
  pending: '待结算',
  settleable: '可结算',
  settled: '已结算',
};

const DAY_MS = 86_400_000;

export const settleableFrom = (earnedAt: Date, cycleDays: number): Date => new Date(earnedAt.getTime() + cycleDays * DAY_MS);

export function earningStatus(earning: { settleableAt: Date | string; settledAt?: Date | string | null }, now: Date): EarningStatus {
  if (earning.settledAt) return 'settled';
  return now.getTime() >= new Date(earning.settleableAt).getTime() ? 'settleable' : 'pending';
}
