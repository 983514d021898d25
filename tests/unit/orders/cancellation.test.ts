import fc from 'fast-check';
import { cancellationFee, pickRule } from '../../../src/plugins/orders/server/src/domain/cancellation';
import { ORDER_STATUSES, type OrderStatus } from '../../../src/plugins/orders/server/src/domain/order-status';
import { DEFAULT_SETTINGS, type CancellationRule } from '../../../src/api/settings/settings-defaults';

const policy = DEFAULT_SETTINGS.cancellationPolicy;
const scheduledAt = new Date('2026-11-28T02:00:00Z'); // Sat 10:00 Shanghai
const hoursBefore = (h: number) => new Date(scheduledAt.getTime() - h * 3_600_000);
const order = (status: OrderStatus, hours: number, paid = 15000, total = 15000) => ({
  status,
  scheduledAt,
  now: hoursBefore(hours),
  paid,
  total,
});

describe('cancellation fee with the default policy (¥150 order, fully paid)', () => {
  it.each<[OrderStatus, number, number]>([
    ['pending_payment', 0, 0],
    ['pending_acceptance', 1, 0],
    ['accepted', 30, 0],
    ['accepted', 24, 0],
    ['accepted', 23.9, 1500],
    ['accepted', 5, 1500],
    ['accepted', 2, 1500],
    ['accepted', 1, 3000],
    ['accepted', -3, 3000],
    ['on_the_way', 1, 4500],
    ['arrived', 0, 7500],
    ['in_service', -1, 15000],
    ['paused', -1, 15000],
  ])('%s, %s h before the start → fee %i', (status, hours, fee) => {
    const outcome = cancellationFee(order(status, hours), policy);
    expect(outcome.fee).toBe(fee);
    expect(outcome.refund).toBe(15000 - fee);
  });

  it('should name the rule that set the fee', () => {
    expect(cancellationFee(order('accepted', 5), policy).rule).toEqual({
      orderStatus: 'accepted',
      minHoursBefore: 2,
      feePercent: 10,
      minFee: 0,
    });
    expect(cancellationFee(order('pending_acceptance', 5), policy).rule).toBeUndefined();
  });

  it('should charge the minimum fee on a small order', () => {
    // ¥50 order, accepted, 1 h left: 20% = 1000 < minimum 2000
    expect(cancellationFee(order('accepted', 1, 5000, 5000), policy)).toMatchObject({ fee: 2000, refund: 3000 });
  });

  it('should never keep more than was paid (deposit orders)', () => {
    expect(cancellationFee(order('on_the_way', 1, 4500, 15000), policy)).toMatchObject({ fee: 4500, refund: 0 });
    expect(cancellationFee(order('accepted', 1, 1000, 5000), policy)).toMatchObject({ fee: 1000, refund: 0 });
  });

  it('should refund everything before acceptance, even after the start time', () => {
    expect(cancellationFee(order('pending_acceptance', -2), policy)).toEqual({ fee: 0, refund: 15000 });
  });

  it('should be free when no rule matches the state', () => {
    const onlyAccepted: CancellationRule[] = [
      { orderStatus: 'accepted', minHoursBefore: 0, feePercent: 50, minFee: 0 },
    ];
    expect(cancellationFee(order('arrived', 0), onlyAccepted)).toEqual({ fee: 0, refund: 15000 });
    const onlyEarly: CancellationRule[] = [{ orderStatus: 'accepted', minHoursBefore: 12, feePercent: 50, minFee: 0 }];
    expect(cancellationFee(order('accepted', 3), onlyEarly)).toEqual({ fee: 0, refund: 15000 });
  });

  it.each<OrderStatus>(['pending_final_payment', 'completed', 'cancelled'])(
    'should refuse to price cancelling a %s order',
    (status) => {
      expect(() => cancellationFee(order(status, 5), policy)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION', status: 409 }),
      );
    },
  );

  it('should pick the band with the largest threshold still reached, whatever the rule order', () => {
    const shuffled = [...policy].reverse();
    expect(pickRule(shuffled, 'accepted', 30)?.minHoursBefore).toBe(24);
    expect(pickRule(shuffled, 'accepted', 3)?.minHoursBefore).toBe(2);
    expect(pickRule(shuffled, 'accepted', 0)?.minHoursBefore).toBe(0);
  });
});

describe('cancellation invariants (property)', () => {
  const rule = fc.record({
    orderStatus: fc.constantFrom<CancellationRule['orderStatus']>(
      'accepted',
      'on_the_way',
      'arrived',
      'in_service',
      'paused',
    ),
    minHoursBefore: fc.integer({ min: 0, max: 72 }),
    feePercent: fc.integer({ min: 0, max: 100 }),
    minFee: fc.integer({ min: 0, max: 50_000 }),
  });
  const cancellable = ORDER_STATUSES.filter((s) => !['pending_final_payment', 'completed', 'cancelled'].includes(s));

  it('should keep 0 ≤ fee ≤ paid and fee + refund = paid', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 8 }),
        fc.constantFrom(...cancellable),
        fc.integer({ min: -48, max: 24 * 40 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (rules, status, hours, total, paidShare) => {
          const paid = Math.min(total, paidShare);
          const { fee, refund } = cancellationFee(order(status, hours, paid, total), rules);
          expect(Number.isInteger(fee) && Number.isInteger(refund)).toBe(true);
          expect(fee).toBeGreaterThanOrEqual(0);
          expect(fee).toBeLessThanOrEqual(paid);
          expect(fee + refund).toBe(paid);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
