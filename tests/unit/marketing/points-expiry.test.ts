import fc from 'fast-check';
import {
  dueExpiries,
  earnedWindow,
  expiryRef,
  nextExpiring,
  noticesDue,
  pointsBuckets,
  type LedgerEntry,
} from '../../../src/api/marketing/domain/points-expiry';

const MEMBER = 7;
/** Business time in Shanghai, written as wall clock. */
const sh = (wall: string) => new Date(`${wall}+08:00`);

function ledger(...rows: Array<[number, string, string?]>): LedgerEntry[] {
  return rows.map(([delta, wall, reason], i) => ({ id: i + 1, delta, at: sh(wall), reason: reason ?? (delta > 0 ? 'order_completed' : 'order_deduction') }));
}

/** What the daily job does: post one expire entry per due bucket (a second run finds none). */
function runExpiry(entries: LedgerEntry[], now: Date, months: number): LedgerEntry[] {
  const next = [...entries];
  const refs = new Set(next.map((e) => e.ref));
  for (const due of dueExpiries(next, now, months)) {
    const ref = expiryRef(MEMBER, due.month);
    if (refs.has(ref)) continue;
    refs.add(ref);
    next.push({ id: next.length + 1, delta: -due.points, reason: 'expire', ref, at: now });
  }
  return next;
}

const balance = (entries: LedgerEntry[]) => entries.reduce((s, e) => s + e.delta, 0);

describe('points buckets', () => {
  it('groups earnings by Shanghai month and dates them to the end of month + expireMonths', () => {
    // 2026-02-28 20:00 UTC is already 1 March in Shanghai.
    const entries: LedgerEntry[] = [
      { id: 1, delta: 50, reason: 'review', at: sh('2026-01-31T23:59:00') },
      { id: 2, delta: 30, reason: 'review', at: new Date('2026-02-28T20:00:00Z') },
    ];
    const buckets = pointsBuckets(entries, 24);
    expect(buckets.map((b) => [b.month, b.earned, b.expiresAt.toISOString()])).toEqual([
      ['2026-01', 50, sh('2028-02-01T00:00:00').toISOString()],
      ['2026-03', 30, sh('2028-04-01T00:00:00').toISOString()],
    ]);
  });

  it('spends the oldest points first', () => {
    const entries = ledger([100, '2026-01-10T10:00:00'], [100, '2026-02-10T10:00:00'], [-150, '2026-03-01T10:00:00']);
    expect(pointsBuckets(entries, 12).map((b) => [b.month, b.remaining])).toEqual([
      ['2026-01', 0],
      ['2026-02', 50],
    ]);
  });
});

describe('dueExpiries', () => {
  const entries = ledger([100, '2026-01-10T10:00:00'], [40, '2026-02-10T10:00:00']);

  it('expires nothing before midnight at the end of the month, then the whole bucket', () => {
    expect(dueExpiries(entries, sh('2027-01-31T23:59:59'), 12)).toEqual([]);
    expect(dueExpiries(entries, sh('2027-02-01T00:00:00'), 12)).toEqual([{ month: '2026-01', points: 100, expiresAt: sh('2027-02-01T00:00:00') }]);
  });

  it('expires less after spending: earned in the bucket minus what was consumed from it', () => {
    const spent = [...entries, { id: 3, delta: -70, reason: 'redeem_gift', at: sh('2026-06-01T10:00:00') }];
    expect(dueExpiries(spent, sh('2027-02-01T00:00:00'), 12)).toEqual([{ month: '2026-01', points: 30, expiresAt: sh('2027-02-01T00:00:00') }]);
    // A take-back bigger than the old bucket eats into the next one.
    const more = [...entries, { id: 3, delta: -120, reason: 'order_refund', at: sh('2026-06-01T10:00:00') }];
    expect(dueExpiries(more, sh('2027-03-01T00:00:00'), 12)).toEqual([{ month: '2026-02', points: 20, expiresAt: sh('2027-03-01T00:00:00') }]);
  });

  it('never expires anything when expireMonths is 0', () => {
    expect(dueExpiries(entries, sh('2099-01-01T00:00:00'), 0)).toEqual([]);
    expect(nextExpiring(entries, sh('2026-03-01T00:00:00'), 0)).toBeNull();
    expect(noticesDue(entries, sh('2026-12-31T00:00:00'), 0, 30)).toEqual([]);
  });

  it('posts once when the run happens twice', () => {
    const now = sh('2027-03-01T00:05:00');
    const once = runExpiry(entries, now, 12);
    expect(once.filter((e) => e.reason === 'expire').map((e) => [e.ref, e.delta])).toEqual([
      [expiryRef(MEMBER, '2026-01'), -100],
      [expiryRef(MEMBER, '2026-02'), -40],
    ]);
    expect(dueExpiries(once, now, 12)).toEqual([]);
    expect(runExpiry(once, now, 12)).toEqual(once);
    expect(balance(once)).toBe(0);
  });

  it('leaves a later earning alone after an expiry and expires it on its own date', () => {
    const after = runExpiry(entries, sh('2027-02-01T00:05:00'), 12);
    after.push({ id: after.length + 1, delta: 10, reason: 'review', at: sh('2027-02-02T09:00:00') });
    after.push({ id: after.length + 1, delta: -5, reason: 'redeem_gift', at: sh('2027-02-03T09:00:00') });
    // The spend came out of February 2026's 40 (oldest), not the new 10.
    expect(nextExpiring(after, sh('2027-02-03T10:00:00'), 12)).toEqual({ month: '2026-02', points: 35, expiresAt: sh('2027-03-01T00:00:00') });
    const later = runExpiry(after, sh('2027-03-01T00:00:00'), 12);
    expect(balance(later)).toBe(10);
    expect(nextExpiring(later, sh('2027-03-01T00:00:00'), 12)).toEqual({ month: '2027-02', points: 10, expiresAt: sh('2028-03-01T00:00:00') });
  });
});

describe('notices', () => {
  const entries = ledger([100, '2026-01-10T10:00:00'], [40, '2026-02-10T10:00:00']);

  it('names buckets expiring within the notice period that still hold points', () => {
    expect(noticesDue(entries, sh('2027-01-01T23:59:59'), 12, 30)).toEqual([]);
    expect(noticesDue(entries, sh('2027-01-02T00:00:00'), 12, 30)).toEqual([{ month: '2026-01', points: 100, expiresAt: sh('2027-02-01T00:00:00') }]);
    const spent = [...entries, { id: 3, delta: -100, reason: 'redeem_gift', at: sh('2026-12-01T00:00:00') }];
    expect(noticesDue(spent, sh('2027-01-15T00:00:00'), 12, 30)).toEqual([]);
  });

  it('reads only the months whose buckets expire in the window', () => {
    const w = earnedWindow(sh('2027-01-02T00:00:00'), sh('2027-02-01T00:00:00'), 12);
    expect([w.from, w.to]).toEqual([sh('2026-01-01T00:00:00'), sh('2026-02-01T00:00:00')]);
  });
});

describe('properties', () => {
  const MONTHS = 12;
  // A random ledger the way the points service builds one: a posting may not take the balance below 0.
  const ledgerArb = fc
    .array(fc.record({ delta: fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0), day: fc.nat(900), reason: fc.constantFrom('order_completed', 'review', 'redeem_gift', 'order_refund', 'order_deduction') }), { maxLength: 40 })
    .map((rows) => {
      const sorted = [...rows].sort((a, b) => a.day - b.day);
      const entries: LedgerEntry[] = [];
      let bal = 0;
      for (const row of sorted) {
        const delta = row.delta < 0 ? -Math.min(-row.delta, bal) : row.delta;
        if (delta === 0) continue;
        bal += delta;
        entries.push({ id: entries.length + 1, delta, reason: row.delta > 0 ? 'order_completed' : row.reason, at: new Date(Date.UTC(2025, 0, 1) + row.day * 86_400_000) });
      }
      return entries;
    });
  const nowArb = fc.nat(1_800).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000 + 3_600_000));

  it('never expires more than the balance, and buckets hold exactly the balance', () => {
    fc.assert(
      fc.property(ledgerArb, nowArb, (entries, now) => {
        const due = dueExpiries(entries, now, MONTHS);
        expect(due.reduce((s, d) => s + d.points, 0)).toBeLessThanOrEqual(balance(entries));
        expect(due.every((d) => d.points > 0 && d.expiresAt.getTime() <= now.getTime())).toBe(true);
        expect(pointsBuckets(entries, MONTHS).reduce((s, b) => s + b.remaining, 0)).toBe(balance(entries));
      }),
    );
  });

  it('an expiry run twice posts once and leaves the balance non-negative', () => {
    fc.assert(
      fc.property(ledgerArb, nowArb, (entries, now) => {
        const once = runExpiry(entries, now, MONTHS);
        expect(runExpiry(once, now, MONTHS)).toEqual(once);
        expect(balance(once)).toBeGreaterThanOrEqual(0);
        expect(dueExpiries(once, now, MONTHS)).toEqual([]);
      }),
    );
  });

  it('spending after earning never raises what expires', () => {
    fc.assert(
      fc.property(ledgerArb, nowArb, fc.integer({ min: 1, max: 500 }), (entries, now, spend) => {
        const bal = balance(entries);
        fc.pre(bal > 0);
        const last = entries[entries.length - 1];
        const spent = [...entries, { id: entries.length + 1, delta: -Math.min(spend, bal), reason: 'redeem_gift', at: new Date(last.at.getTime() + 1000) }];
        const total = (es: LedgerEntry[]) => dueExpiries(es, now, MONTHS).reduce((s, d) => s + d.points, 0);
        expect(total(spent)).toBeLessThanOrEqual(total(entries));
        expect(pointsBuckets(spent, MONTHS).reduce((s, b) => s + b.remaining, 0)).toBe(bal - Math.min(spend, bal));
      }),
    );
  });

  it('everything left after the last expiry date is eventually expired, nothing before its date', () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        fc.pre(entries.length > 0);
        const end = new Date(entries[entries.length - 1].at.getTime() + (MONTHS + 2) * 31 * 86_400_000);
        expect(balance(runExpiry(entries, end, MONTHS))).toBe(0);
        const next = nextExpiring(entries, entries[entries.length - 1].at, MONTHS);
        if (next) expect(dueExpiries(entries, new Date(next.expiresAt.getTime() - 1), MONTHS).some((d) => d.month === next.month)).toBe(false);
      }),
    );
  });
});
