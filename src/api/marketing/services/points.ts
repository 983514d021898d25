import type { Core } from '@strapi/strapi';
import { lockRow } from '../../../runtime/row-lock';
import { nextPointsBalance } from '../domain/points';
import { nextExpiring, type LedgerEntry } from '../domain/points-expiry';

const UID = 'api::marketing.points-entry';

export type PointsReason =
  | 'order_completed'
  | 'order_refund'
  | 'review'
  | 'register'
  | 'redeem_gift'
  | 'order_deduction'
  | 'deduction_refund'
  | 'expire'
  | 'admin_adjust';

export interface PointsPosting {
  delta: number;
  reason: PointsReason;
  /** Idempotency key, unique across all entries (e.g. `review:<orderId>`): a repeat is a no-op. */
  ref?: string;
  note?: string;
}

/**
 * Points are an append-only ledger; the balance is the latest entry's balanceAfter. Postings
 * for one member are serialised by locking the member's user row in the same transaction.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => strapi.db.query(UID);

  async function latestBalance(userId: number): Promise<number> {
    const last = await entries().findOne({ where: { user: { id: userId } }, orderBy: { id: 'desc' }, select: ['balanceAfter'] });
    return last?.balanceAfter ?? 0;
  }

  return {
    balance: latestBalance,

    /** Entries whose ref is exactly one of `refs` or starts with one of `prefixes`. */
    async byRefs(refs: string[], prefixes: string[] = []) {
      const where = { $or: [{ ref: { $in: refs } }, ...prefixes.map((p) => ({ ref: { $startsWith: p } }))] };
      return entries().findMany({ where, select: ['id', 'delta', 'reason', 'ref'], orderBy: { id: 'asc' } }) as Promise<Array<{ id: number; delta: number; reason: PointsReason; ref: string }>>;
    },

    /** The member's whole ledger in posting order, as the expiry rules read it. */
    async ledger(userId: number): Promise<LedgerEntry[]> {
      const rows = await entries().findMany({ where: { user: { id: userId } }, orderBy: { id: 'asc' }, select: ['id', 'delta', 'reason', 'ref', 'createdAt'] });
      return rows.map((r: any) => ({ id: r.id, delta: r.delta, reason: r.reason, ref: r.ref, at: new Date(r.createdAt) }));
    },

    /** The next bucket to expire (`{ points, at }`), or null when nothing will (or expireMonths is 0). */
    async expiring(userId: number, now: Date, expireMonths: number): Promise<{ points: number; at: string } | null> {
      if (!expireMonths || expireMonths <= 0) return null;
      const next = nextExpiring(await this.ledger(userId), now, expireMonths);
      return next ? { points: next.points, at: next.expiresAt.toISOString() } : null;
    },

    async list(userId: number, page = 1, pageSize = 20) {
      const where = { user: { id: userId } };
      const [rows, total] = await Promise.all([
        entries().findMany({
          where,
          orderBy: { id: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
          select: ['documentId', 'delta', 'balanceAfter', 'reason', 'note', 'createdAt'],
        }),
        entries().count({ where }),
      ]);
      return { rows, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    /** Must run inside `strapi.db.transaction`; pass its trx. */
    async post(trx: any, userId: number, posting: PointsPosting) {
      // Lock before looking for the ref: two deliveries of one event race to the same member row,
      // and the second must see the first's entry rather than trip over the unique index.
      await lockRow(strapi.db.connection, trx, 'up_users', userId);
      if (posting.ref) {
        const existing = await entries().findOne({ where: { ref: posting.ref } });
        if (existing) return existing;
      }
      const balanceAfter = nextPointsBalance(await latestBalance(userId), posting.delta);
      return entries().create({
        data: {
          user: userId,
          delta: posting.delta,
          balanceAfter,
          reason: posting.reason,
          ref: posting.ref ?? null,
          note: posting.note ?? null,
        },
      });
    },
  };
};
