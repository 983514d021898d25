import fc from 'fast-check';
import {
  accountName,
  balanceSheet,
  cashFlow,
  expensesReport,
  incomeStatement,
  profitAndLoss,
  trialBalance,
  type AccountSum,
} from '../../../src/plugins/settlement/server/src/domain/statements';

const codes = [
  'cash:wechat',
  'cash:bank',
  'customer-prepayments',
  'wallet:7',
  'worker-payable:3',
  'income:commission',
  'income:cancellation-fees',
  'income:advertising',
  'expense:wages',
  'expense:marketing:coupons',
  'equity:capital',
];

/** Random balanced entry: a debit on one account, the same credit spread over others. */
const entry = fc
  .tuple(fc.constantFrom(...codes), fc.array(fc.tuple(fc.constantFrom(...codes), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 4 }))
  .map(([debit, credits]) => [
    { account: debit, amount: credits.reduce((s, [, a]) => s + a, 0) },
    ...credits.map(([account, a]) => ({ account, amount: -a })),
  ]);

const sums = (entries: Array<Array<{ account: string; amount: number }>>): AccountSum[] => {
  const m = new Map<string, number>();
  for (const e of entries) for (const l of e) m.set(l.account, (m.get(l.account) ?? 0) + l.amount);
  return [...m.entries()].map(([account, sum]) => ({ account, sum }));
};
const split = (entries: Array<Array<{ account: string; amount: number }>>) => {
  const m = new Map<string, { account: string; debit: number; credit: number }>();
  for (const e of entries)
    for (const l of e) {
      const r = m.get(l.account) ?? { account: l.account, debit: 0, credit: 0 };
      if (l.amount > 0) r.debit += l.amount;
      else r.credit -= l.amount;
      m.set(l.account, r);
    }
  return [...m.values()];
};
const cashOf = (s: AccountSum[]) => s.filter((x) => x.account.startsWith('cash:')).reduce((t, x) => t + x.sum, 0);
/** Non-cash lines of entries that touch cash: what the service's counter-account query returns. */
const movements = (entries: Array<Array<{ account: string; amount: number }>>) =>
  sums(entries.filter((e) => e.some((l) => l.account.startsWith('cash:'))).map((e) => e.filter((l) => !l.account.startsWith('cash:'))));

describe('statements', () => {
  it('trial balance totals 0 for any balanced postings, opening included (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), (before, during) => {
        const tb = trialBalance(split(during), sums(before));
        expect(tb.total).toBe(0);
        for (const a of tb.accounts) expect(a.debit).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('balance sheet balances to the fen and P&L net = change in equity (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), (before, during) => {
        const open = balanceSheet(sums(before));
        const close = balanceSheet(sums([...before, ...during]));
        expect(close.assets).toBe(close.liabilities + close.equity);
        expect(open.assets).toBe(open.liabilities + open.equity);
        const pl = profitAndLoss(sums(during));
        const capital = (s: AccountSum[]) => -s.filter((x) => x.account.startsWith('equity:')).reduce((t, x) => t + x.sum, 0);
        // Net profit is the change in equity apart from owners' contributions.
        expect(pl.net).toBe(close.equity - open.equity - capital(sums(during)));
      }),
    );
  });

  it('cash-flow net = change in cash accounts (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), (before, during) => {
        const opening = cashOf(sums(before));
        const cf = cashFlow(movements(during), opening);
        expect(cf.net).toBe(cashOf(sums(during)));
        expect(cf.closing).toBe(cashOf(sums([...before, ...during])));
        expect(cf.inflow - cf.outflow).toBe(cf.net);
      }),
    );
  });

  it('income by source and bucket; expenses; sums given as strings (pg/mysql) are numbers', () => {
    const inc = incomeStatement([
      { bucket: '2026-12-01', account: 'income:commission', sum: '-2000' as unknown as number },
      { bucket: '2026-12-01', account: 'income:advertising', sum: -500 },
      { bucket: '2026-11-30', account: 'income:cancellation-fees', sum: -300 },
      { bucket: '2026-11-30', account: 'cash:wechat', sum: 300 },
    ]);
    expect(inc.total).toBe(2800);
    expect(inc.bySource).toMatchObject({ orders: 2000, advertising: 500, 'cancellation-fees': 300 });
    expect(inc.buckets.map((b) => [b.bucket, b.total])).toEqual([
      ['2026-11-30', 300],
      ['2026-12-01', 2500],
    ]);
    const ex = expensesReport([{ account: 'expense:wages', sum: 10000 }, { account: 'cash:bank', sum: -10000 }]);
    expect(ex).toEqual({ total: 10000, lines: [{ code: 'expense:wages', name: '工资', amount: 10000 }] });
  });

  it('names accounts in Chinese', () => {
    expect(accountName('cash:wechat')).toBe('现金-微信支付');
    expect(accountName('customer-prepayments')).toBe('客户预收款');
    expect(accountName('worker-payable:3')).toBe('应付师傅-3');
  });
});
