import fc from 'fast-check';
import { allocateRefund, refundable, statusAfterRefund } from '../../../src/plugins/payments/server/src/domain/payment-status';
import { isTradeNo, tradeNo } from '../../../src/plugins/payments/server/src/domain/trade-no';

describe('refunds over payments', () => {
  const deposit = { id: 1, amount: 3000, refundedAmount: 0, paymentStatus: 'paid' as const, paidAt: '2026-11-01T10:00:00Z' };
  const final = { id: 2, amount: 7000, refundedAmount: 0, paymentStatus: 'paid' as const, paidAt: '2026-11-03T10:00:00Z' };

  it('refunds the latest payment first', () => {
    expect(allocateRefund(8000, [deposit, final])).toEqual([
      [2, 7000],
      [1, 1000],
    ]);
  });

  it('returns null when the payments cannot cover the amount', () => {
    expect(allocateRefund(10_001, [deposit, final])).toBeNull();
    expect(allocateRefund(100, [{ ...deposit, paymentStatus: 'refunded' as const, refundedAmount: 3000 }])).toBeNull();
  });

  it('allocations always sum to the amount and stay within each payment (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 100_000 }), refunded: fc.nat(100_000) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 500_000 }),
        (rows, amount) => {
          const payments = rows.map((r, i) => ({
            id: i + 1,
            amount: r.amount,
            refundedAmount: Math.min(r.refunded, r.amount),
            paymentStatus: 'partially_refunded' as const,
            paidAt: new Date(2026, 0, i + 1),
          }));
          const plan = allocateRefund(amount, payments);
          const available = payments.reduce((s, p) => s + refundable(p), 0);
          if (amount > available) expect(plan).toBeNull();
          else {
            expect(plan!.reduce((s, [, a]) => s + a, 0)).toBe(amount);
            for (const [id, a] of plan!) expect(a).toBeLessThanOrEqual(refundable(payments[id - 1]));
          }
        },
      ),
    );
  });

  it('marks partial and full refunds', () => {
    expect(statusAfterRefund(9000, 6000)).toBe('partially_refunded');
    expect(statusAfterRefund(9000, 9000)).toBe('refunded');
  });
});

describe('trade numbers', () => {
  it('are 24 characters, local time first', () => {
    const no = tradeNo('PY', new Date('2026-11-26T06:30:05Z'), 42, 'Asia/Shanghai');
    expect(no).toBe('PY2026112614300500000042');
    expect(isTradeNo(no)).toBe(true);
    expect(isTradeNo('PY123')).toBe(false);
  });
});
