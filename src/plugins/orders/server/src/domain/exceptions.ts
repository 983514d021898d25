/**
 * Orders an operator should look at now (订单监控 highlights them):
 * - overdue_acceptance: paid, still no worker after the acceptance timeout;
 * - late_departure: accepted, not on the way 30 min before the start;
 * - late_arrival: not arrived 15 min after the start;
 * - overrun: in service (or paused) an hour past the planned end.
 * Pure: the clock and the timeout come in as arguments.
 */
import type { OrderStatus } from './order-status';

export type OrderException = 'overdue_acceptance' | 'late_departure' | 'late_arrival' | 'overrun';

export const ORDER_EXCEPTION_LABELS: Readonly<Record<OrderException, string>> = {
  overdue_acceptance: '超时未接单',
  late_departure: '临近上门未出发',
  late_arrival: '迟到未到达',
  overrun: '服务超时',
};

export interface ExceptionInput {
  orderStatus: OrderStatus;
  scheduledAt: string | Date;
  durationMinutes: number;
  paidAt?: string | Date | null;
}

const MIN = 60_000;

export function orderExceptions(order: ExceptionInput, now: Date, acceptanceTimeoutMinutes: number): OrderException[] {
  const start = new Date(order.scheduledAt).getTime();
  const t = now.getTime();
  const found: OrderException[] = [];
  if (order.orderStatus === 'pending_acceptance') {
    const paid = order.paidAt ? new Date(order.paidAt).getTime() : start;
    if (t > paid + acceptanceTimeoutMinutes * MIN || t > start) found.push('overdue_acceptance');
  }
  if (order.orderStatus === 'accepted' && t > start - 30 * MIN) found.push('late_departure');
  if ((order.orderStatus === 'accepted' || order.orderStatus === 'on_the_way') && t > start + 15 * MIN) found.push('late_arrival');
  if ((order.orderStatus === 'in_service' || order.orderStatus === 'paused') && t > start + (order.durationMinutes + 60) * MIN) {
    found.push('overrun');
  }
  return found;
}
