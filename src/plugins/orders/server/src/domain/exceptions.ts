/**
 * Orders an operator should look at now (订单监控 highlights them), thresholds from 平台参数 →
 * 订单异常规则 (defaults in brackets):
 * - overdue_acceptance: paid, still no worker after the acceptance timeout (or past the start);
 * - late_departure: accepted, not on the way lateDepartureMinutes (30) before the start;
 * - late_arrival: not arrived lateArrivalMinutes (15) after the start;
 * - idle_after_arrival: arrived, not started arrivedIdleMinutes (30) after the start or the
 *   arrival, whichever is later (a worker who came early is not flagged for waiting);
 * - overrun: in service (or paused) overrunMinutes (60) past the planned end;
 * - final_payment_overdue: 待付尾款 finalPaymentOverdueMinutes (1440) after the planned end.
 * Pure: the clock and the rules come in as arguments.
 */
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';
import type { OrderStatus } from './order-status';

export type OrderException =
  | 'overdue_acceptance'
  | 'late_departure'
  | 'late_arrival'
  | 'idle_after_arrival'
  | 'overrun'
  | 'final_payment_overdue';

export const ORDER_EXCEPTION_LABELS: Readonly<Record<OrderException, string>> = {
  overdue_acceptance: '超时未接单',
  late_departure: '临近上门未出发',
  late_arrival: '迟到未到达',
  idle_after_arrival: '到达后未开始',
  overrun: '服务超时',
  final_payment_overdue: '尾款逾期未付',
};

/** The statuses any exception can apply to (the exceptions-only list scans these). */
export const EXCEPTION_STATUSES: readonly OrderStatus[] = [
  'pending_acceptance',
  'accepted',
  'on_the_way',
  'arrived',
  'in_service',
  'paused',
  'pending_final_payment',
];

export interface ExceptionInput {
  orderStatus: OrderStatus;
  scheduledAt: string | Date;
  durationMinutes: number;
  paidAt?: string | Date | null;
  arrivedAt?: string | Date | null;
}

export type ExceptionRules = PlatformSettings['exceptions'] & { acceptanceTimeoutMinutes: number };

const MIN = 60_000;

export function orderExceptions(order: ExceptionInput, now: Date, rules: ExceptionRules): OrderException[] {
  const start = new Date(order.scheduledAt).getTime();
  const end = start + order.durationMinutes * MIN;
  const t = now.getTime();
  const status = order.orderStatus;
  const found: OrderException[] = [];
  if (status === 'pending_acceptance') {
    const paid = order.paidAt ? new Date(order.paidAt).getTime() : start;
    if (t > paid + rules.acceptanceTimeoutMinutes * MIN || t > start) found.push('overdue_acceptance');
  }
  if (status === 'accepted' && t > start - rules.lateDepartureMinutes * MIN) found.push('late_departure');
  if ((status === 'accepted' || status === 'on_the_way') && t > start + rules.lateArrivalMinutes * MIN) found.push('late_arrival');
  if (status === 'arrived') {
    const arrived = order.arrivedAt ? new Date(order.arrivedAt).getTime() : start;
    if (t > Math.max(start, arrived) + rules.arrivedIdleMinutes * MIN) found.push('idle_after_arrival');
  }
  if ((status === 'in_service' || status === 'paused') && t > end + rules.overrunMinutes * MIN) found.push('overrun');
  if (status === 'pending_final_payment' && t > end + rules.finalPaymentOverdueMinutes * MIN) found.push('final_payment_overdue');
  return found;
}
