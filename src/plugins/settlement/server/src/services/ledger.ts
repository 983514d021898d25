import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { assertBalanced, readableBalance, type Posting } from '../domain/ledger';

const ENTRY_UID = 'plugin::settlement.journal-entry';
const LINE_UID = 'plugin::settlement.journal-line';

/**
 * The general ledger. `post` must run inside the caller's transaction (payments, refunds, order
 * cancellations): the money movement and the business state change commit together. Posting the
 * same ref twice is a no-op, so retried notifications never double-count.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async post(posting: Posting, options: { city?: string | null } = {}): Promise<{ id: number; created: boolean }> {
    assertBalanced(posting);
    const existing = await strapi.db.query(ENTRY_UID).findOne({ where: { ref: posting.ref }, select: ['id'] });
    if (existing) return { id: existing.id, created: false };
    const at = clock.now();
    const entry = await strapi.db.query(ENTRY_UID).create({
      data: { ref: posting.ref, kind: posting.kind, memo: posting.memo, city: options.city ?? null, at },
    });
    for (const line of posting.lines) {
      await strapi.db.query(LINE_UID).create({ data: { entry: entry.id, entryRef: entry.id, account: line.account, amount: line.amount, at } });
    }
    return { id: entry.id, created: true };
  },

  /** Balance as the business reads it (a wallet or cash account shows what it holds). */
  /** Pass the transaction when reading inside one (SQLite has a single connection). */
  async balance(account: string, trx?: any): Promise<number> {
    const query = strapi.db.connection('journal_lines').where({ account });
    const [row] = await (trx ? query.transacting(trx) : query).sum({ total: 'amount' });
    return readableBalance(account, Number(row?.total ?? 0));
  },

  /** Sum of every line ever posted: zero unless the ledger is broken. */
  async trialBalance(): Promise<number> {
    const [row] = await strapi.db.connection('journal_lines').sum({ total: 'amount' });
    return Number(row?.total ?? 0);
  },

  async entries(ref: string) {
    return strapi.db.query(ENTRY_UID).findOne({ where: { ref }, populate: { lines: true } });
  },
});
