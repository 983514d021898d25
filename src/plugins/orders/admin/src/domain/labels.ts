/**
 * Chinese wording of order states, events and exceptions. Statuses, transition events and
 * exceptions come from the server's pure domain so the monitor can never disagree with the API;
 * only the timeline's bookkeeping events and the actors are named here.
 */
import { canTransition, ORDER_EVENT_LABELS, ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from '../../../server/src/domain/order-status';
import { ORDER_EXCEPTION_LABELS, type OrderException } from '../../../server/src/domain/exceptions';

export { ORDER_STATUSES, ORDER_STATUS_LABELS, ORDER_EXCEPTION_LABELS };
export type { OrderStatus, OrderException };

/** Timeline rows that are not status transitions (order-event `event` values written by the services). */
const BOOKKEEPING_EVENT_LABELS: Readonly<Record<string, string>> = {
  create: '下单',
  modify: '修改订单',
  refund_owed: '待退款',
  // 确认完成 by the member, 客服 or the system (not a status change: the order stays completed).
  confirmed: '确认完成',
};

export function eventLabel(event: string): string {
  return (ORDER_EVENT_LABELS as Readonly<Record<string, string>>)[event] ?? BOOKKEEPING_EVENT_LABELS[event] ?? event;
}

export function statusLabel(status: string | null | undefined): string {
  if (!status) return '—';
  return (ORDER_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
}

const ACTOR_LABELS: Readonly<Record<string, string>> = {
  member: '客户',
  worker: '师傅',
  operator: '运营',
  system: '系统',
};

export const actorLabel = (actor: string): string => ACTOR_LABELS[actor] ?? actor;

export type BadgeTone = 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

/** Waiting states are amber, work in progress blue/purple, done green, cancelled grey. */
const STATUS_TONES: Readonly<Record<OrderStatus, BadgeTone>> = {
  pending_payment: 'neutral',
  pending_acceptance: 'warning',
  accepted: 'primary',
  on_the_way: 'primary',
  arrived: 'secondary',
  in_service: 'alternative',
  paused: 'warning',
  pending_final_payment: 'warning',
  completed: 'success',
  cancelled: 'neutral',
};

export const statusTone = (status: string): BadgeTone => STATUS_TONES[status as OrderStatus] ?? 'neutral';

/** Red when the customer is already affected (nobody coming, worker late), orange when it may still be saved. */
export const exceptionTone = (code: string): 'danger' | 'warning' =>
  code === 'overdue_acceptance' || code === 'late_arrival' ? 'danger' : 'warning';

/** What an operator may do to an order in this status, straight from the transition table. */
export function operatorActions(status: OrderStatus): { cancel: boolean; reassign: boolean; assign: boolean } {
  return {
    cancel: canTransition(status, 'cancel', 'operator'),
    reassign: canTransition(status, 'reassign', 'operator'),
    assign: canTransition(status, 'accept', 'operator'),
  };
}

export const PAYMENT_MODE_LABELS: Readonly<Record<string, string>> = { full: '全额支付', deposit: '定金 + 尾款' };

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  'mini-program': '小程序',
  app: 'App',
  h5: 'H5',
  'wechat-mp': '公众号',
  admin: '后台',
};
