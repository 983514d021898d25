import fc from 'fast-check';
import { allocateOrderRefund, type AllocatablePayment, type ExistingRefund } from '../../../src/plugins/payments/server/src/domain/refund-allocation';
import { refundable } from '../../../src/plugins/payments/server/src/domain/payment-status';

const ORDER = 7;
const deposit: AllocatablePayment = { id: 1, orderRef: ORDER, amount: 3000, refundedAmount: 0, paymentStatus: 'paid', paidAt: '2026-11-01T10:00:00Z' };
const final: AllocatablePayment = { id: 2, orderRef: ORDER, amount: 7000, refundedAmount: 0, paymentStatus: 'paid', paidAt: '2026-11-03T10:00:00Z' };
const duplicate: AllocatablePayment = { id: 3, orderRef: ORDER, amount: 10_000, refundedAmount: 0, paymentStatus: 'paid', paidAt: '2026-11-03T10:01:00Z' };
const returningDuplicate: ExistingRefund = { paymentRef: 3, orderRef: null, amount: 10_000, refundStatus: 'pending' };

describe('allocating an order refund over its payments', () => {
  it('takes the newest payment first', () => {
    expect(allocateOrderRefund(8000, { orderId: ORDER, payments: [deposit, final], refunds: [] })).toEqual({
      ok: true,
      parts: [
        { paymentId: 2, amount: 7000 },
        { paymentId: 1, amount: 1000 },
      ],
    });
  });

  it('never uses a duplicate payment that is being returned on its own', () => {
    const plan = allocateOrderRefund(10_000, { orderId: ORDER, payments: [deposit, final, duplicate], refunds: [returningDuplicate] });
    expect(plan).toEqual({ ok: true, parts: [{ paymentId: 2, amount: 7000 }, { paymentId: 1, amount: 3000 }] });
    // Even once that return has failed, the duplicate's money was never the order's.
    const afterFailure = allocateOrderRefund(10_001, { orderId: ORDER, payments: [deposit, final, duplicate], refunds: [{ ...returningDuplicate, refundStatus: 'failed' }] });
    expect(afterFailure).toEqual({ ok: false, code: 'REFUND_NOT_COVERED', owed: 10_001, available: 10_000 });
  });

  it('counts refunds still in flight as taken, and forgets failed ones', () => {
    const refunds: ExistingRefund[] = [
      { paymentRef: 2, orderRef: ORDER, amount: 5000, refundStatus: 'processing' },
      { paymentRef: 1, orderRef: ORDER, amount: 1000, refundStatus: 'pending' },
      { paymentRef: 2, orderRef: ORDER, amount: 2000, refundStatus: 'failed' },
    ];
    expect(allocateOrderRefund(4000, { orderId: ORDER, payments: [deposit, final], refunds })).toEqual({
      ok: true,
      parts: [
        { paymentId: 2, amount: 2000 },
        { paymentId: 1, amount: 2000 },
      ],
    });
    expect(allocateOrderRefund(4001, { orderId: ORDER, payments: [deposit, final], refunds })).toMatchObject({ ok: false, available: 4000 });
  });

  it('uses only the order’s own payments that still hold money', () => {
    const otherOrder = { ...final, id: 9, orderRef: 8 };
    const closed = { ...deposit, id: 10, paymentStatus: 'closed' as const };
    const review = { ...deposit, id: 11, paymentStatus: 'review' as const };
    const spent = { ...final, id: 12, paymentStatus: 'refunded' as const, refundedAmount: 7000 };
    expect(allocateOrderRefund(3001, { orderId: ORDER, payments: [deposit, otherOrder, closed, review, spent], refunds: [] })).toEqual({
      ok: false,
      code: 'REFUND_NOT_COVERED',
      owed: 3001,
      available: 3000,
    });
  });

  it('refuses an amount that is not a positive number of fen', () => {
    expect(() => allocateOrderRefund(0, { orderId: ORDER, payments: [deposit], refunds: [] })).toThrow(RangeError);
    expect(() => allocateOrderRefund(10.5, { orderId: ORDER, payments: [deposit], refunds: [] })).toThrow(RangeError);
  });

  it('never gives a payment more than it has left, and covers the whole amount or fails (property)', () => {
    const statuses: Array<ExistingRefund['refundStatus']> = ['pending', 'processing', 'success', 'failed'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: 1, max: 50_000 }),
            refunded: fc.nat(50_000),
            own: fc.boolean(),
            status: fc.constantFrom<AllocatablePayment['paymentStatus']>('paid', 'partially_refunded', 'closed', 'review'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(
          fc.record({ payment: fc.nat(5), amount: fc.integer({ min: 1, max: 50_000 }), outside: fc.boolean(), status: fc.constantFrom(...statuses) }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 200_000 }),
        (rows, refundRows, owed) => {
          const payments: AllocatablePayment[] = rows.map((r, i) => ({
            id: i + 1,
            orderRef: r.own ? ORDER : ORDER + 1,
            amount: r.amount,
            refundedAmount: Math.min(r.refunded, r.amount),
            paymentStatus: r.status,
            paidAt: new Date(2026, 0, (i * 7) % 5 + 1),
          }));
          const refunds: ExistingRefund[] = refundRows
            .filter((r) => r.payment < payments.length)
            .map((r) => ({ paymentRef: r.payment + 1, orderRef: r.outside ? null : ORDER, amount: r.amount, refundStatus: r.status }));
          const plan = allocateOrderRefund(owed, { orderId: ORDER, payments, refunds });
          // What each payment can still give, computed independently of the allocator.
          const left = (p: AllocatablePayment) => {
            if (p.orderRef !== ORDER || refunds.some((r) => r.paymentRef === p.id && r.orderRef === null)) return 0;
            const open = refunds.filter((r) => r.paymentRef === p.id && (r.refundStatus === 'pending' || r.refundStatus === 'processing')).reduce((s, r) => s + r.amount, 0);
            return Math.max(0, refundable(p) - open);
          };
          const available = payments.reduce((s, p) => s + left(p), 0);
          if (!plan.ok) {
            expect(plan).toEqual({ ok: false, code: 'REFUND_NOT_COVERED', owed, available });
            expect(available).toBeLessThan(owed);
            return;
          }
          expect(plan.parts.reduce((s, part) => s + part.amount, 0)).toBe(owed);
          expect(new Set(plan.parts.map((p) => p.paymentId)).size).toBe(plan.parts.length);
          for (const part of plan.parts) {
            expect(part.amount).toBeGreaterThan(0);
            expect(part.amount).toBeLessThanOrEqual(left(payments[part.paymentId - 1]));
          }
        },
      ),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
