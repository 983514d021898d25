import fc from 'fast-check';
import {
  accounts,
  assertBalanced,
  cancellationFeeKept,
  paymentReceived,
  readableBalance,
  refundPaid,
  unmatchedReceipt,
  walletPayment,
  walletTopUp,
} from '../../../src/plugins/settlement/server/src/domain/ledger';

const sum = (lines: Array<{ amount: number }>) => lines.reduce((s, l) => s + l.amount, 0);

describe('ledger postings', () => {
  it('every builder balances to zero for any amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('wechat', 'alipay', 'unionpay', 'sandbox'), fc.nat(10_000), (amount, channel, user) => {
        for (const p of [
          paymentReceived('PY1', channel, amount, 'm'),
          walletPayment('PY1', user, amount, 'm'),
          refundPaid('RF1', channel, user, amount, 'm'),
          refundPaid('RF1', 'balance', user, amount, 'm'),
          walletTopUp('PY1', channel, user, amount, 'm'),
          cancellationFeeKept('SM1', amount, 'm'),
          unmatchedReceipt('PY1', channel, amount, 'm'),
        ]) {
          expect(sum(p.lines)).toBe(0);
          expect(p.lines.every((l) => Number.isSafeInteger(l.amount) && l.amount !== 0)).toBe(true);
        }
      }),
    );
  });

  it('refuses unbalanced, fractional or one-line entries', () => {
    expect(() => assertBalanced({ ref: 'x', kind: 'k', memo: '', lines: [{ account: 'a', amount: 5 }, { account: 'b', amount: -4 }] })).toThrow();
    expect(() => assertBalanced({ ref: 'x', kind: 'k', memo: '', lines: [{ account: 'a', amount: 0.5 }, { account: 'b', amount: -0.5 }] })).toThrow();
    expect(() => assertBalanced({ ref: 'x', kind: 'k', memo: '', lines: [{ account: 'a', amount: 0 }] })).toThrow();
  });

  it('sends balance refunds back to the wallet and channel refunds back to the channel', () => {
    expect(refundPaid('RF1', 'balance', 7, 500, 'm').lines).toEqual([
      { account: accounts.prepayments(), amount: 500 },
      { account: accounts.wallet(7), amount: -500 },
    ]);
    expect(refundPaid('RF1', 'wechat', 7, 500, 'm').lines[1]).toEqual({ account: 'cash:wechat', amount: -500 });
  });

  it('refuses to post a wallet payment as a channel receipt', () => {
    expect(() => paymentReceived('PY1', 'balance', 100, 'm')).toThrow();
  });

  it('reads balances on the natural side of each account', () => {
    expect(readableBalance('cash:wechat', 900)).toBe(900);
    expect(readableBalance('wallet:3', -900)).toBe(900);
    expect(readableBalance('income:cancellation-fees', -300)).toBe(300);
    expect(readableBalance('suspense:payments', -100)).toBe(100);
  });
});
