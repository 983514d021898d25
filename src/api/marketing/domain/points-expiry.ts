import { DEFAULT_TIMEZONE, fromZonedTime, zonedParts } from '../../../runtime/clock';

/**
 * Points expiry (积分过期). Points earned in calendar month M (business time) expire together at
 * the end of month M + expireMonths, i.e. at midnight starting month M + expireMonths + 1.
 * Spending, take-backs and expiries consume the oldest points first (FIFO), so what a bucket
 * loses on its date is what it earned less what was already consumed from it. Pure: the ledger
 * and the time come in as arguments.
 */

export interface LedgerEntry {
  id: number;
  delta: number;
  reason: string;
  ref?: string | null;
  at: Date;
}

export interface ExpiryBucket {
  /** Month the points were earned, "2026-03" (business time). */
  month: string;
  earned: number;
  /** Taken by spending, take-backs and earlier expiries. */
  consumed: number;
  remaining: number;
  expiresAt: Date;
}

export interface ExpiryDue {
  month: string;
  points: number;
  expiresAt: Date;
}

const EXPIRED_PREFIX = 'points_expired:';

/** Ref of the one expire entry a member's bucket can have. */
export const expiryRef = (memberId: number, month: string) => `${EXPIRED_PREFIX}${memberId}:${month}`;
/** Key of the one advance notice a member's bucket can have. */
export const expiryNoticeKey = (memberId: number, month: string) => `points_expiry_notice:${memberId}:${month}`;

/** Months since year 0 in the zone: 2026-03 → 2026 * 12 + 2. */
export function monthIndex(at: Date, timeZone = DEFAULT_TIMEZONE): number {
  const p = zonedParts(at, timeZone);
  return p.year * 12 + (p.month - 1);
}

export function monthStart(index: number, timeZone = DEFAULT_TIMEZONE): Date {
  return fromZonedTime({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 }, timeZone);
}

export const monthKey = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function parseMonthKey(key: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** When points earned in the month `index` expire. */
export const bucketExpiresAt = (index: number, expireMonths: number, timeZone = DEFAULT_TIMEZONE) => monthStart(index + expireMonths + 1, timeZone);

/** The bucket an expire entry was posted for (from its ref), or null. */
function expiredBucketOf(entry: LedgerEntry): string | null {
  if (entry.reason !== 'expire' || !entry.ref?.startsWith(EXPIRED_PREFIX)) return null;
  const month = entry.ref.slice(entry.ref.lastIndexOf(':') + 1);
  return parseMonthKey(month) === null ? null : month;
}

/**
 * The member's buckets, oldest first, after replaying the ledger in posting order. Every positive
 * entry (earning, a returned deduction, a positive adjustment) adds to its month's bucket;
 * negative entries take from the oldest bucket that still holds points, except an expire entry,
 * which takes from the bucket it names first.
 */
export function pointsBuckets(entries: LedgerEntry[], expireMonths: number, timeZone = DEFAULT_TIMEZONE): ExpiryBucket[] {
  const buckets = new Map<number, ExpiryBucket>();
  const ordered = [...entries].sort((a, b) => a.id - b.id);
  const sorted = () => [...buckets.entries()].sort(([a], [b]) => a - b).map(([, b]) => b);
  for (const entry of ordered) {
    if (!Number.isFinite(entry.delta) || entry.delta === 0) continue;
    if (entry.delta > 0) {
      const index = monthIndex(entry.at, timeZone);
      let bucket = buckets.get(index);
      if (!bucket) {
        bucket = { month: monthKey(index), earned: 0, consumed: 0, remaining: 0, expiresAt: bucketExpiresAt(index, expireMonths, timeZone) };
        buckets.set(index, bucket);
      }
      bucket.earned += entry.delta;
      bucket.remaining += entry.delta;
      continue;
    }
    let owed = -entry.delta;
    const named = expiredBucketOf(entry);
    const order = sorted();
    if (named) {
      const target = order.find((b) => b.month === named);
      if (target) order.unshift(target);
    }
    for (const bucket of order) {
      if (owed === 0) break;
      const take = Math.min(owed, bucket.remaining);
      bucket.remaining -= take;
      bucket.consumed += take;
      owed -= take;
    }
    // A ledger that spent more than it earned (never, the balance cannot go negative) loses nothing more.
  }
  return sorted();
}

const balanceOf = (entries: LedgerEntry[]) => Math.max(0, entries.reduce((sum, e) => sum + (Number.isFinite(e.delta) ? e.delta : 0), 0));

/**
 * Buckets whose date has come and that still hold points, oldest first: what the daily job
 * posts as `expire` entries. Never more than the balance in total; nothing when expireMonths is 0.
 */
export function dueExpiries(entries: LedgerEntry[], now: Date, expireMonths: number, timeZone = DEFAULT_TIMEZONE): ExpiryDue[] {
  if (expireMonths <= 0) return [];
  let balance = balanceOf(entries);
  const due: ExpiryDue[] = [];
  for (const bucket of pointsBuckets(entries, expireMonths, timeZone)) {
    if (bucket.expiresAt.getTime() > now.getTime()) break;
    const points = Math.min(bucket.remaining, balance);
    if (points <= 0) continue;
    balance -= points;
    due.push({ month: bucket.month, points, expiresAt: bucket.expiresAt });
  }
  return due;
}

/** The next bucket to expire after `now` with points left (for `GET /api/me/points`), or null. */
export function nextExpiring(entries: LedgerEntry[], now: Date, expireMonths: number, timeZone = DEFAULT_TIMEZONE): ExpiryDue | null {
  if (expireMonths <= 0) return null;
  const bucket = pointsBuckets(entries, expireMonths, timeZone).find((b) => b.expiresAt.getTime() > now.getTime() && b.remaining > 0);
  return bucket ? { month: bucket.month, points: Math.min(bucket.remaining, balanceOf(entries)), expiresAt: bucket.expiresAt } : null;
}

/** Buckets expiring within the next `noticeDays` days (not yet expired) that still hold points. */
export function noticesDue(entries: LedgerEntry[], now: Date, expireMonths: number, noticeDays: number, timeZone = DEFAULT_TIMEZONE): ExpiryDue[] {
  if (expireMonths <= 0 || noticeDays <= 0) return [];
  const horizon = now.getTime() + noticeDays * 86_400_000;
  return pointsBuckets(entries, expireMonths, timeZone)
    .filter((b) => b.remaining > 0 && b.expiresAt.getTime() > now.getTime() && b.expiresAt.getTime() <= horizon)
    .map((b) => ({ month: b.month, points: b.remaining, expiresAt: b.expiresAt }));
}

/**
 * When entries must have been posted to belong to buckets expiring in (from, to]: the job reads
 * only members with earnings in this window instead of the whole ledger.
 */
export function earnedWindow(from: Date, to: Date, expireMonths: number, timeZone = DEFAULT_TIMEZONE): { from: Date; to: Date } {
  // expiresAt(M) = start(M + E + 1) > from ⟺ M ≥ monthIndex(from) − E; ≤ to ⟺ M ≤ monthIndex(to) − E − 1.
  const lo = monthIndex(from, timeZone) - expireMonths;
  const hi = monthIndex(to, timeZone) - expireMonths - 1;
  return { from: monthStart(lo, timeZone), to: monthStart(Math.max(lo, hi + 1), timeZone) };
}
