import fc from 'fast-check';
import {
  allowedEvents,
  assertModifiable,
  canModify,
  isTerminal,
  nextStatus,
  ORDER_ACTORS,
  ORDER_EVENTS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderActor,
  type OrderEvent,
  type OrderStatus,
} from '../../../src/plugins/orders/server/src/domain/order-status';
import { DomainError } from '../../../src/runtime/errors';

// Written out independently of the source table: every legal (status, event, actor) and its target.
// Anything not listed must be refused.
const LEGAL: Record<string, OrderStatus> = {
  'pending_payment pay system': 'pending_acceptance',
  'pending_acceptance accept worker': 'accepted',
  'pending_acceptance accept operator': 'accepted',
  'pending_acceptance accept system': 'accepted',
  'accepted depart worker': 'on_the_way',
  'on_the_way arrive worker': 'arrived',
  'arrived start worker': 'in_service',
  'in_service pause worker': 'paused',
  'paused resume worker': 'in_service',
  'in_service complete worker': 'completed',
  'accepted depart operator': 'on_the_way',
  'on_the_way arrive operator': 'arrived',
  'arrived start operator': 'in_service',
  'in_service pause operator': 'paused',
  'paused resume operator': 'in_service',
  'in_service complete operator': 'completed',
  'pending_final_payment final_pay system': 'completed',
  'pending_payment cancel member': 'cancelled',
  'pending_payment cancel operator': 'cancelled',
  'pending_payment cancel system': 'cancelled',
  'pending_acceptance cancel member': 'cancelled',
  'pending_acceptance cancel operator': 'cancelled',
  'pending_acceptance cancel system': 'cancelled',
  'accepted cancel member': 'cancelled',
  'accepted cancel operator': 'cancelled',
  'on_the_way cancel member': 'cancelled',
  'on_the_way cancel operator': 'cancelled',
  'arrived cancel member': 'cancelled',
  'arrived cancel operator': 'cancelled',
  'in_service cancel member': 'cancelled',
  'in_service cancel operator': 'cancelled',
  'paused cancel member': 'cancelled',
  'paused cancel operator': 'cancelled',
  'accepted reassign operator': 'pending_acceptance',
  'on_the_way reassign operator': 'pending_acceptance',
  'arrived reassign operator': 'pending_acceptance',
  'accepted release worker': 'pending_acceptance',
};

type Case = [OrderStatus, OrderEvent, OrderActor, OrderStatus | 'refused'];
const everyCase: Case[] = ORDER_STATUSES.flatMap((status) =>
  ORDER_EVENTS.flatMap((event) =>
    ORDER_ACTORS.map((actor): Case => [status, event, actor, LEGAL[`${status} ${event} ${actor}`] ?? 'refused']),
  ),
);

describe('order transition table', () => {
  it('should cover 10 states × 12 events × 4 actors', () => {
    expect(everyCase).toHaveLength(480);
    expect(everyCase.filter(([, , , to]) => to !== 'refused')).toHaveLength(Object.keys(LEGAL).length);
  });

  it.each(everyCase)('%s + %s by %s → %s', (status, event, actor, expected) => {
    const attempt = () => nextStatus(status, event, actor, { balanceDue: 0 });
    if (expected !== 'refused') {
      expect(attempt()).toBe(expected);
      expect(allowedEvents(status, actor)).toContain(event);
    } else {
      expect(attempt).toThrow(
        expect.objectContaining({
          code: 'INVALID_TRANSITION',
          status: 409,
          details: { from: status, event, actor, code: 'INVALID_TRANSITION' },
        }),
      );
      expect(allowedEvents(status, actor)).not.toContain(event);
    }
  });
});

describe('completing a service', () => {
  it('should wait for the final payment when a deposit order still owes its balance', () => {
    expect(nextStatus('in_service', 'complete', 'worker', { balanceDue: 7000 })).toBe('pending_final_payment');
    expect(nextStatus('in_service', 'complete', 'worker', { balanceDue: 0 })).toBe('completed');
    expect(nextStatus('pending_final_payment', 'final_pay', 'system')).toBe('completed');
  });

  it('should refuse to guess the balance when the caller forgot it', () => {
    expect(() => nextStatus('in_service', 'complete', 'worker')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => nextStatus('in_service', 'complete', 'worker', { balanceDue: -1 })).toThrow(DomainError);
  });

  it('should not let a member finish or a worker skip the final payment', () => {
    expect(() => nextStatus('in_service', 'complete', 'member', { balanceDue: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => nextStatus('pending_final_payment', 'final_pay', 'worker')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => nextStatus('pending_final_payment', 'cancel', 'member')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });
});

describe('status helpers', () => {
  it('should label every state in Chinese', () => {
    expect(ORDER_STATUS_LABELS.pending_final_payment).toBe('待付尾款');
    expect(ORDER_STATUSES.every((s) => ORDER_STATUS_LABELS[s].length > 0)).toBe(true);
  });

  it('should explain a refused transition in Chinese', () => {
    expect(() => nextStatus('completed', 'cancel', 'member')).toThrow('订单当前状态为「已完成」，不能取消订单');
  });

  it('should treat only completed and cancelled as terminal', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['completed', 'cancelled']);
  });

  it('should allow modification only before a worker accepts', () => {
    expect(ORDER_STATUSES.filter(canModify)).toEqual(['pending_payment', 'pending_acceptance']);
    expect(() => assertModifiable('accepted')).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_MODIFIABLE', status: 409 }),
    );
    expect(() => assertModifiable('pending_acceptance')).not.toThrow();
  });

  it('should offer the worker of an accepted order depart and release, the member only cancel', () => {
    expect(allowedEvents('accepted', 'worker')).toEqual(['depart', 'release']);
    expect(allowedEvents('accepted', 'member')).toEqual(['cancel']);
    expect(allowedEvents('accepted', 'operator')).toEqual(['depart', 'cancel', 'reassign']);
    expect(allowedEvents('accepted', 'system')).toEqual([]);
  });
});

describe('random event sequences (property)', () => {
  const step = fc.record({
    event: fc.constantFrom(...ORDER_EVENTS),
    actor: fc.constantFrom(...ORDER_ACTORS),
    balanceDue: fc.constantFrom(0, 1, 5000),
  });

  it('should stay inside the state set and never leave a terminal state', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let status: OrderStatus = 'pending_payment';
        for (const { event, actor, balanceDue } of steps) {
          const wasTerminal = isTerminal(status);
          let next: OrderStatus;
          try {
            next = nextStatus(status, event, actor, { balanceDue });
          } catch (err) {
            expect((err as DomainError).code).toBe('INVALID_TRANSITION');
            expect(allowedEvents(status, actor)).not.toContain(event);
            continue;
          }
          expect(wasTerminal).toBe(false);
          expect(ORDER_STATUSES).toContain(next);
          status = next;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
