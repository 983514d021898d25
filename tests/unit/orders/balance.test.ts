import fc from 'fast-check';
import { amountDueNow, amountHeld, amountOutstanding, priceChange } from '../../../src/plugins/orders/server/src/domain/balance';

const position = (o: Partial<{ total: number; paid: number; refunded: number; refundPending: number }> = {}) => ({
  total: 18000,
  paid: 18000,
  refunded: 0,
  refundPending: 0,
  ...o,
});

describe('order money position', () => {
  it('holds what was paid less what went back or is owed back', () => {
    expect(amountHeld(position({ paid: 18000, refunded: 4500, refundPending: 1000 }))).toBe(12500);
  });

  it('asks for the difference after a partial refund, not for total − paid', () => {
    // Paid 180, 45 refunded after a cheaper change, then the price went up to 360.
    expect(amountOutstanding(position({ total: 36000, paid: 18000, refunded: 4500 }))).toBe(22500);
    expect(priceChange(position({ paid: 18000, refunded: 4500 }), 36000)).toEqual({ balanceDue: 22500, refund: 0 });
  });

  it('never refunds money that already went back', () => {
    expect(priceChange(position({ paid: 18000, refunded: 9000 }), 4500)).toEqual({ balanceDue: 0, refund: 4500 });
    expect(priceChange(position({ paid: 18000, refundPending: 9000 }), 9000)).toEqual({ balanceDue: 0, refund: 0 });
  });

  it('asks for the deposit first and the rest of the price at the end', () => {
    const deposit = { ...position({ total: 30000, paid: 0 }), paymentMode: 'deposit' as const, deposit: 9000 };
    expect(amountDueNow({ ...deposit, orderStatus: 'pending_payment' })).toBe(9000);
    expect(amountDueNow({ ...deposit, paid: 9000, orderStatus: 'in_service' })).toBe(0);
    expect(amountDueNow({ ...deposit, paid: 9000, orderStatus: 'pending_final_payment' })).toBe(21000);
    expect(amountDueNow({ ...deposit, paymentMode: 'full', orderStatus: 'pending_payment' })).toBe(30000);
  });

  it('keeps held + due − refund equal to the new price, whatever happened before', () => {
    const fen = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(fen, fen, fen, fen, (paid, refundedRaw, pendingRaw, newTotal) => {
        const refunded = Math.min(refundedRaw, paid);
        const refundPending = Math.min(pendingRaw, paid - refunded);
        const o = { paid, refunded, refundPending };
        const { balanceDue, refund } = priceChange(o, newTotal);
        expect(balanceDue).toBeGreaterThanOrEqual(0);
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(balanceDue === 0 || refund === 0).toBe(true);
        expect(amountHeld(o) + balanceDue - refund).toBe(newTotal);
      }),
    );
  });
});
