import fc from 'fast-check';
import { readableBalance } from '../../../src/plugins/settlement/server/src/domain/ledger';
import {
  cancellationFeeSplitPosting,
  completionRef,
  orderCompletedPosting,
  type CompletedOrder,
  type RecognitionPolicy,
} from '../../../src/plugins/settlement/server/src/domain/revenue-recognition';
import { earningStatus, settleableFrom } from '../../../src/plugins/settlement/server/src/domain/earning-status';

const sum = (lines: Array<{ amount: number }>) => lines.reduce((s, l) => s + l.amount, 0);
const line = (lines: Array<{ account: string; amount: number }>, account: string) => lines.find((l) => l.account === account)?.amount;

const policy = (over: Partial<RecognitionPolicy> = {}): RecognitionPolicy => ({
  defaultPercent: 20,
  minCommission: 0,
  categoryPercents: [],
  levelPercents: [],
  couponsPlatformFunded: true,
  pointsPlatformFunded: true,
  ...over,
});
const order = (over: Partial<CompletedOrder> = {}): CompletedOrder => ({
  orderNo: 'SM20261203000001',
  workerId: 7,
  categorySlug: 'home-cleaning',
  workerLevel: 3,
  prepaymentHeld: 7500,
  couponDiscount: 2000,
  pointsDeduction: 500,
  ...over,
});

describe('revenue recognition on completion', () => {
  it('moves the prepayment and platform-funded discounts to worker payable and commission', () => {
    const { posting, split } = orderCompletedPosting(order(), policy());
    expect(split).toMatchObject({ gross: 10000, commission: 2000, net: 8000 });
    expect(posting!.ref).toBe(completionRef('SM20261203000001'));
    expect(posting!.lines).toEqual([
      { account: 'customer-prepayments', amount: 7500 },
      { account: 'expense:marketing:coupons', amount: 2000 },
      { account: 'expense:marketing:points', amount: 500 },
      { account: 'worker-payable:7', amount: -8000 },
      { account: 'income:commission', amount: -2000 },
    ]);
    // The worker reads what they are owed, the platform its commission income.
    expect(readableBalance('worker-payable:7', -8000)).toBe(8000);
    expect(readableBalance('income:commission', -2000)).toBe(2000);
  });

  it('lets the worker carry discounts that are not platform-funded', () => {
    const { posting, split } = orderCompletedPosting(order(), policy({ couponsPlatformFunded: false, pointsPlatformFunded: false }));
    expect(split).toMatchObject({ gross: 7500, commission: 1500, net: 6000 });
    expect(posting!.lines.map((l) => l.account)).toEqual(['customer-prepayments', 'worker-payable:7', 'income:commission']);
  });

  it('leaves out zero lines: a 0% commission books no commission line', () => {
    const { posting } = orderCompletedPosting(order({ couponDiscount: 0, pointsDeduction: 0 }), policy({ defaultPercent: 0 }));
    expect(posting!.lines).toEqual([
      { account: 'customer-prepayments', amount: 7500 },
      { account: 'worker-payable:7', amount: -7500 },
    ]);
  });

  it('books nothing for an order with nothing to recognise', () => {
    expect(orderCompletedPosting(order({ prepaymentHeld: 0, couponDiscount: 0, pointsDeduction: 0 }), policy()).posting).toBeNull();
  });

  it('refuses negative amounts instead of booking them', () => {
    expect(() => orderCompletedPosting(order({ prepaymentHeld: -1 }), policy())).toThrow(RangeError);
  });

  it('every entry balances, has no zero or fractional line, and gross = net + commission (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          prepaymentHeld: fc.nat(5_000_000),
          couponDiscount: fc.nat(100_000),
          pointsDeduction: fc.nat(100_000),
          workerLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        }),
        fc.record({
          defaultPercent: fc.integer({ min: 0, max: 100 }),
          minCommission: fc.nat(20_000),
          couponsPlatformFunded: fc.boolean(),
          pointsPlatformFunded: fc.boolean(),
          levelPercents: fc.array(fc.record({ level: fc.integer({ min: 1, max: 5 }), percent: fc.integer({ min: 0, max: 100 }) }), { maxLength: 5 }),
        }),
        (facts, rules) => {
          const { posting, split } = orderCompletedPosting(order(facts), policy(rules));
          expect(split.net + split.commission).toBe(split.gross);
          const expectedGross = facts.prepaymentHeld + (rules.couponsPlatformFunded ? facts.couponDiscount : 0) + (rules.pointsPlatformFunded ? facts.pointsDeduction : 0);
          expect(split.gross).toBe(expectedGross);
          if (posting === null) {
            expect(expectedGross).toBe(0);
            return;
          }
          expect(sum(posting.lines)).toBe(0);
          expect(posting.lines.every((l) => Number.isSafeInteger(l.amount) && l.amount !== 0)).toBe(true);
          expect(0 - (line(posting.lines, 'worker-payable:7') ?? 0)).toBe(split.net);
          expect(0 - (line(posting.lines, 'income:commission') ?? 0)).toBe(split.commission);
          expect(line(posting.lines, 'customer-prepayments') ?? 0).toBe(facts.prepaymentHeld);
        },
      ),
    );
  });
});

describe('cancellation fee shared with the worker', () => {
  it('moves the worker share out of fee income into their payable', () => {
    const { posting, split } = cancellationFeeSplitPosting('SM1', 7, 3000, 40);
    expect(split).toMatchObject({ gross: 3000, net: 1200, commission: 1800 });
    expect(posting!.lines).toEqual([
      { account: 'income:cancellation-fees', amount: 1200 },
      { account: 'worker-payable:7', amount: -1200 },
    ]);
  });

  it('books nothing when the worker gets no share', () => {
    expect(cancellationFeeSplitPosting('SM1', 7, 3000, 0).posting).toBeNull();
  });

  it('balances for any fee and share (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 0, max: 100 }), (fee, share) => {
        const { posting, split } = cancellationFeeSplitPosting('SM1', 7, fee, share);
        expect(split.net + split.commission).toBe(fee);
        if (posting) expect(sum(posting.lines)).toBe(0);
        else expect(split.net).toBe(0);
      }),
    );
  });
});

describe('earning status', () => {
  const earnedAt = new Date('2026-12-03T10:00:00Z');
  const settleableAt = settleableFrom(earnedAt, 7);

  it('is pending until T+N days, settleable from then, settled once paid', () => {
    expect(settleableAt.toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(earningStatus({ settleableAt }, new Date('2026-12-10T09:59:59Z'))).toBe('pending');
    expect(earningStatus({ settleableAt }, new Date('2026-12-10T10:00:00Z'))).toBe('settleable');
    expect(earningStatus({ settleableAt, settledAt: '2026-12-11T00:00:00Z' }, new Date('2026-12-10T00:00:00Z'))).toBe('settled');
  });

  it('stays pending past T+N while the order awaits 确认完成', () => {
    expect(earningStatus({ settleableAt, awaitingConfirmation: true }, new Date('2026-12-20T00:00:00Z'))).toBe('pending');
    expect(earningStatus({ settleableAt, awaitingConfirmation: false }, new Date('2026-12-20T00:00:00Z'))).toBe('settleable');
  });
});
