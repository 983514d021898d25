import { statusAfterRefund } from '../../../src/plugins/payments/server/src/domain/payment-status';
import { isTradeNo, tradeNo } from '../../../src/plugins/payments/server/src/domain/trade-no';

describe('refunds over payments', () => {
  // Allocation over an order's payments: tests/unit/payments/refund-allocation.test.ts.
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
