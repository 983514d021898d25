import fc from 'fast-check';
import {
  assertBatchTransition,
  bankTransferCsv,
  batchNoFor,
  buildStatements,
  lastClosedPeriod,
  payoutCashChannel,
  periodContaining,
  settleableBy,
  type SettleableEarning,
} from '../../../src/plugins/settlement/server/src/domain/settlement-batch';
import { assertBalanced, payoutPaid } from '../../../src/plugins/settlement/server/src/domain/ledger';

const at = (iso: string) => new Date(iso);

describe('settlement periods in business time (Asia/Shanghai)', () => {
  it('a business day runs from local midnight (16:00 UTC the day before)', () => {
    const p = periodContaining(at('2026-12-03T15:59:59Z'), 'daily');
    expect(p).toEqual({ cycle: 'daily', start: at('2026-12-02T16:00:00Z'), end: at('2026-12-03T16:00:00Z'), key: 'daily:2026-12-03' });
    expect(periodContaining(at('2026-12-03T16:00:00Z'), 'daily').key).toBe('daily:2026-12-04');
  });

  it('a week starts on Monday, a month on the 1st, across year ends', () => {
    // 2026-12-03 is a Thursday.
    expect(periodContaining(at('2026-12-03T02:00:00Z'), 'weekly')).toMatchObject({ key: 'weekly:2026-11-30', start: at('2026-11-29T16:00:00Z'), end: at('2026-12-06T16:00:00Z') });
    expect(periodContaining(at('2026-12-31T17:00:00Z'), 'monthly')).toMatchObject({ key: 'monthly:2027-01-01', end: at('2027-01-31T16:00:00Z') });
    expect(periodContaining(at('2026-12-31T15:00:00Z'), 'monthly')).toMatchObject({ key: 'monthly:2026-12-01', start: at('2026-11-30T16:00:00Z'), end: at('2026-12-31T16:00:00Z') });
  });

  it('the last closed period is the one before the current', () => {
    expect(lastClosedPeriod(at('2026-12-03T02:00:00Z'), 'daily').key).toBe('daily:2026-12-02');
    expect(lastClosedPeriod(at('2026-12-03T02:00:00Z'), 'weekly').key).toBe('weekly:2026-11-23');
    expect(lastClosedPeriod(at('2026-01-10T02:00:00Z'), 'monthly').key).toBe('monthly:2025-12-01');
    expect(batchNoFor(lastClosedPeriod(at('2026-12-03T02:00:00Z'), 'daily'))).toBe('SB20261202D');
  });

  it('periods tile time: every instant lies in exactly one, and consecutive periods touch', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom('daily', 'weekly', 'monthly' as const), (ms, cycle) => {
        const p = periodContaining(new Date(ms), cycle as any);
        expect(p.start.getTime()).toBeLessThanOrEqual(ms);
        expect(p.end.getTime()).toBeGreaterThan(ms);
        expect(periodContaining(p.end, cycle as any).start.getTime()).toBe(p.end.getTime());
        expect(lastClosedPeriod(new Date(ms), cycle as any).end.getTime()).toBe(p.start.getTime());
      }),
    );
  });
});

describe('statements', () => {
  const earning = (id: number, workerId: number, gross: number, commission: number, settleableAt = '2026-12-01T00:00:00Z', extra: Partial<SettleableEarning> = {}): SettleableEarning => ({
    id, workerId, orderNo: `SM${id}`, gross, commission, net: gross - commission, settleableAt, ...extra,
  });

  it('takes only free earnings settleable before the period end', () => {
    const list = [
      earning(1, 1, 9000, 1000, '2026-12-02T15:59:59Z'),
      earning(2, 1, 9000, 1000, '2026-12-02T16:00:00Z'),
      earning(3, 1, 9000, 1000, '2026-12-01T00:00:00Z', { statementRef: 7 }),
      earning(4, 1, 9000, 1000, '2026-12-01T00:00:00Z', { settledAt: '2026-12-02T00:00:00Z' }),
      // Completed but not yet confirmed by the member (确认完成): not a batch's to take.
      earning(5, 1, 9000, 1000, '2026-12-01T00:00:00Z', { awaitingConfirmation: true }),
      earning(6, 1, 9000, 1000, '2026-12-01T00:00:00Z', { awaitingConfirmation: false }),
    ];
    expect(settleableBy(list, at('2026-12-02T16:00:00Z')).map((e) => e.id)).toEqual([1, 6]);
  });

  it('sums per worker and carries over a worker under the minimum payout', () => {
    const draft = buildStatements([earning(1, 2, 9000, 1000), earning(2, 2, 3000, 1500), earning(3, 5, 1000, 200)], { minPayoutFen: 1000 });
    expect(draft.statements).toEqual([{ workerId: 2, earningIds: [1, 2], orderNos: ['SM1', 'SM2'], orderCount: 2, gross: 12000, commission: 2500, adjustments: 0, net: 9500 }]);
    expect(draft.carriedOver).toEqual([{ workerId: 5, net: 800 }]);
    expect(draft.totals).toEqual({ gross: 12000, commission: 2500, adjustments: 0, net: 9500, workerCount: 1 });
  });

  it('adjustments change the net', () => {
    const draft = buildStatements([earning(1, 2, 9000, 1000)], { minPayoutFen: 0, adjustments: [{ workerId: 2, amount: -500, reason: '工服费' }] });
    expect(draft.statements[0]).toMatchObject({ gross: 9000, commission: 1000, adjustments: -500, net: 7500 });
  });

  it('property: net + commission = gross per statement and batch; each earning in exactly one statement or carried over', () => {
    const arb = fc.array(
      fc.record({ workerId: fc.integer({ min: 1, max: 6 }), gross: fc.integer({ min: 0, max: 500_000 }), pct: fc.integer({ min: 0, max: 100 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 200_000 }), (rows, minPayoutFen) => {
        const earnings = rows.map((r, i) => earning(i + 1, r.workerId, r.gross, Math.floor((r.gross * r.pct) / 100)));
        const draft = buildStatements(earnings, { minPayoutFen });
        const seen = new Map<number, number>();
        for (const st of draft.statements) {
          expect(st.net + st.commission).toBe(st.gross);
          expect(st.net).toBeGreaterThanOrEqual(Math.max(1, minPayoutFen));
          for (const id of st.earningIds) seen.set(id, (seen.get(id) ?? 0) + 1);
        }
        expect(draft.totals.net + draft.totals.commission).toBe(draft.totals.gross);
        const carried = new Set(draft.carriedOver.map((c) => c.workerId));
        for (const e of earnings) expect((seen.get(e.id) ?? 0) + (carried.has(e.workerId) ? 1 : 0)).toBe(1);
        expect(new Set(draft.statements.map((s) => s.workerId)).size).toBe(draft.statements.length);
      }),
    );
  });

  it('rebuilding a batch after its earnings were taken takes nothing again', () => {
    const earnings = [earning(1, 2, 9000, 1000), earning(2, 3, 5000, 1000)];
    const first = buildStatements(settleableBy(earnings, at('2026-12-03T00:00:00Z')), { minPayoutFen: 0 });
    const taken = earnings.map((e) => ({ ...e, statementRef: first.statements.some((s) => s.earningIds.includes(e.id)) ? 1 : null }));
    expect(buildStatements(settleableBy(taken, at('2026-12-04T00:00:00Z')), { minPayoutFen: 0 }).statements).toEqual([]);
  });
});

describe('review, payout and the ledger', () => {
  it('allows approve/reject only from review and pay only once approved', () => {
    expect(() => assertBatchTransition('pending_review', 'approve')).not.toThrow();
    expect(() => assertBatchTransition('approved', 'approve')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => assertBatchTransition('pending_review', 'pay')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => assertBatchTransition('paid', 'reject')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('a payout moves worker payable to cash, balanced, by its payout ref', () => {
    const posting = payoutPaid('PO20261202D-7', 7, payoutCashChannel('manual'), 9500, '结算付款');
    expect(assertBalanced(posting)).toEqual({
      ref: 'payout:PO20261202D-7:paid',
      kind: 'payout',
      memo: '结算付款',
      lines: [{ account: 'worker-payable:7', amount: 9500 }, { account: 'cash:bank', amount: -9500 }],
    });
    expect(payoutCashChannel('wechat')).toBe('wechat');
  });

  it('writes a bank transfer file with yuan amounts and no spreadsheet formulas', () => {
    const csv = bankTransferCsv([{ statementNo: 'SB20261202D-7', accountName: '=王秀英', bankAccount: '6222000011112222', bankName: '工商银行, 徐汇支行', amountFen: 9505, memo: '服务结算' }]);
    expect(csv.startsWith('\uFEFF序号,收款户名')).toBe(true);
    expect(csv).toContain("1,'=王秀英,6222000011112222,\"工商银行, 徐汇支行\",95.05,服务结算,SB20261202D-7\r\n");
  });
});
