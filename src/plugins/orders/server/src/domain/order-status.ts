/**
 * The order lifecycle as data: which event moves an order from which states to which state,
 * and who may fire it. Services only ask `nextStatus`; the table is the single truth, so the
 * API, the admin and the tests cannot disagree about what is legal.
 *
 *   pending_payment ─pay→ pending_acceptance ─accept→ accepted ─depart→ on_the_way ─arrive→ arrived
 *   ─start→ in_service ⇄ paused, in_service ─complete→ completed (or pending_final_payment when a
 *   deposit order still owes its balance ─final_pay→ completed). cancel from anything before completion.
 */
import { DomainError } from '../../../../../runtime/errors';

export const ORDER_STATUSES = [
  'pending_payment',
  'pending_acceptance',
  'accepted',
  'on_the_way',
  'arrived',
  'in_service',
  'paused',
  'pending_final_payment',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  pending_payment: '待支付',
  pending_acceptance: '待接单',
  accepted: '已接单',
  on_the_way: '已出发',
  arrived: '已到达',
  in_service: '服务中',
  paused: '服务暂停',
  pending_final_payment: '待付尾款',
  completed: '已完成',
  cancelled: '已取消',
};

/** member = the order's member; worker = the order's worker (for `accept`, the accepting one). */
export const ORDER_ACTORS = ['member', 'worker', 'operator', 'system'] as const;
export type OrderActor = (typeof ORDER_ACTORS)[number];

export const ORDER_EVENTS = [
  'pay',
  'accept',
  'depart',
  'arrive',
  'start',
  'pause',
  'resume',
  'complete',
  'final_pay',
  'cancel',
  'reassign',
  'release',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Timeline wording for order-event rows. */
export const ORDER_EVENT_LABELS: Readonly<Record<OrderEvent, string>> = {
  pay: '支付',
  accept: '接单',
  depart: '出发',
  arrive: '到达',
  start: '开始服务',
  pause: '暂停服务',
  resume: '继续服务',
  complete: '完成服务',
  final_pay: '支付尾款',
  cancel: '取消订单',
  reassign: '改派',
  release: '退回订单',
};

export interface Transition {
  event: OrderEvent;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** Where the order goes instead when a balance is still due (deposit orders on completion). */
  toWhenBalanceDue?: OrderStatus;
  actors: readonly OrderActor[];
}

/** Everything before completion except pending_final_payment: the service was delivered by then. */
const CANCELLABLE: readonly OrderStatus[] = [
  'pending_payment',
  'pending_acceptance',
  'accepted',
  'on_the_way',
  'arrived',
  'in_service',
  'paused',
];

export const TRANSITIONS: readonly Transition[] = [
  { event: 'pay', from: ['pending_payment'], to: 'pending_acceptance', actors: ['system'] },
  // operator = manual assignment, system = auto-dispatch.
  { event: 'accept', from: ['pending_acceptance'], to: 'accepted', actors: ['worker', 'operator', 'system'] },
  // operator = 客服 performing a step for the order's worker (phone dead, no signal), audited.
  { event: 'depart', from: ['accepted'], to: 'on_the_way', actors: ['worker', 'operator'] },
  { event: 'arrive', from: ['on_the_way'], to: 'arrived', actors: ['worker', 'operator'] },
  { event: 'start', from: ['arrived'], to: 'in_service', actors: ['worker', 'operator'] },
  { event: 'pause', from: ['in_service'], to: 'paused', actors: ['worker', 'operator'] },
  { event: 'resume', from: ['paused'], to: 'in_service', actors: ['worker', 'operator'] },
  {
    event: 'complete',
    from: ['in_service'],
    to: 'completed',
    toWhenBalanceDue: 'pending_final_payment',
    actors: ['worker', 'operator'],
  },
  { event: 'final_pay', from: ['pending_final_payment'], to: 'completed', actors: ['system'] },
  { event: 'cancel', from: CANCELLABLE, to: 'cancelled', actors: ['member', 'operator'] },
  // The system cancels only unpaid orders (timeout) and orders nobody accepted.
  { event: 'cancel', from: ['pending_payment', 'pending_acceptance'], to: 'cancelled', actors: ['system'] },
  // Admin reassignment is possible until the work starts.
  { event: 'reassign', from: ['accepted', 'on_the_way', 'arrived'], to: 'pending_acceptance', actors: ['operator'] },
  // A worker may hand an order back only before setting off.
  { event: 'release', from: ['accepted'], to: 'pending_acceptance', actors: ['worker'] },
];

export interface TransitionGuard {
  /** Fen still owed after completion; > 0 sends `complete` to pending_final_payment. */
  balanceDue: number;
}

function findTransition(from: OrderStatus, event: OrderEvent, actor: OrderActor): Transition | undefined {
  return TRANSITIONS.find((t) => t.event === event && t.from.includes(from) && t.actors.includes(actor));
}

export function canTransition(from: OrderStatus, event: OrderEvent, actor: OrderActor): boolean {
  return findTransition(from, event, actor) !== undefined;
}

/**
 * The status after `event`, or INVALID_TRANSITION (409).
 * nextStatus('in_service', 'complete', 'worker', { balanceDue: 7000 }) → 'pending_final_payment'
 * nextStatus('accepted', 'cancel', 'system') → throws: the system never cancels an accepted order.
 */
export function nextStatus(
  from: OrderStatus,
  event: OrderEvent,
  actor: OrderActor,
  guard?: TransitionGuard,
): OrderStatus {
  const transition = findTransition(from, event, actor);
  if (!transition) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `订单当前状态为「${ORDER_STATUS_LABELS[from] ?? from}」，不能${ORDER_EVENT_LABELS[event] ?? event}`,
      { from, event, actor },
    );
  }
  if (!transition.toWhenBalanceDue) return transition.to;
  // Defaulting to "nothing due" would close deposit orders without their balance; make callers say.
  if (!guard || !Number.isInteger(guard.balanceDue) || guard.balanceDue < 0) {
    throw new DomainError('INTERNAL', `transition ${event} needs { balanceDue } as a non-negative integer`, {
      from,
      event,
    });
  }
  return guard.balanceDue > 0 ? transition.toWhenBalanceDue : transition.to;
}

/** Events `actor` may fire in `status`, in lifecycle order (drives the buttons a client shows). */
export function allowedEvents(status: OrderStatus, actor: OrderActor): OrderEvent[] {
  return ORDER_EVENTS.filter((event) => canTransition(status, event, actor));
}

export function isTerminal(status: OrderStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

/** Time, quantity, requirements and address may change only until a worker accepts. */
export function canModify(status: OrderStatus): boolean {
  return status === 'pending_payment' || status === 'pending_acceptance';
}

export function assertModifiable(status: OrderStatus): void {
  if (!canModify(status)) {
    throw new DomainError('ORDER_NOT_MODIFIABLE', `订单状态为「${ORDER_STATUS_LABELS[status]}」，不能再修改`, {
      status,
    });
  }
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
