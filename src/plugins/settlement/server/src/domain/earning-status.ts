/**
 * Where a worker's earning stands: `pending` until the settlement cycle (T+N days from the
 * completion) has passed and the order is confirmed (确认完成), `settleable` after it, `settled` once a settlement batch paid it.
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

/** A service earning whose order awaits 确认完成 stays pending whatever the date. */
export function earningStatus(earning: { settleableAt: Date | string; settledAt?: Date | string | null; awaitingConfirmation?: boolean | null }, now: Date): EarningStatus {
  if (earning.settledAt) return 'settled';
  if (earning.awaitingConfirmation) return 'pending';
  return now.getTime() >= new Date(earning.settleableAt).getTime() ? 'settleable' : 'pending';
}
