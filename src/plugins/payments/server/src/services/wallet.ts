import type { Core } from '@strapi/strapi';
import { accounts } from '../../../../settlement/server/src/domain/ledger';
import { ledger } from '../utils';

/** A member's balance (余额) is their wallet account in the ledger; nothing else stores it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async balance(userId: number, trx?: any): Promise<number> {
    return ledger(strapi).balance(accounts.wallet(userId), trx);
  },

  async statement(userId: number, page: number, pageSize: number) {
    const account = accounts.wallet(userId);
    const where = { account };
    const [rows, total] = await Promise.all([
      strapi.db.query('plugin::settlement.journal-line').findMany({
        where,
        orderBy: { id: 'desc' },
        offset: (page - 1) * pageSize,
        limit: pageSize,
        populate: { entry: { select: ['kind', 'memo', 'ref'] } },
      }),
      strapi.db.query('plugin::settlement.journal-line').count({ where }),
    ]);
    return {
      // Credits to a liability increase the member's balance: show them as positive.
      entries: rows.map((r: any) => ({ amount: -r.amount, kind: r.entry?.kind, memo: r.entry?.memo, at: r.at })),
      pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
    };
  },
});
