import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { notFound } from '../../../../../runtime/errors';
import type { EarningEntry, MyEarningsResponse } from '../../../shared/contracts/settlement-ledger';
import { EARNING_STATUS_LABELS, earningStatus } from '../domain/earning-status';
import { EARNING_UID, WORKER_UID } from '../utils';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A worker's earnings: totals by status (all of them) and one page of entries, newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forUser(userId: number, page: { page: number; pageSize: number }): Promise<MyEarningsResponse> {
    const worker = await strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, select: ['id'] });
    if (!worker) throw notFound('您还不是平台服务人员');
    const now = clock.now();
    // Summed here rather than in SQL: a bound Date compares differently per driver (SQLite keeps epoch ms).
    const all = (await strapi.db.query(EARNING_UID).findMany({ where: { workerId: worker.id }, select: ['net', 'settleableAt', 'settledAt', 'awaitingConfirmation'] })) as Array<{
      net: number;
      settleableAt: string;
      settledAt: string | null;
      awaitingConfirmation: boolean | null;
    }>;
    const totals = { pending: 0, settleable: 0, settled: 0 };
    for (const row of all) totals[earningStatus(row, now)] += row.net;
    const { pending, settleable, settled } = totals;
    const count = all.length;
    const rows = (await strapi.db.query(EARNING_UID).findMany({
      where: { workerId: worker.id },
      orderBy: [{ earnedAt: 'desc' }, { id: 'desc' }],
      offset: (page.page - 1) * page.pageSize,
      limit: page.pageSize,
    })) as Array<Record<string, any>>;
    const entries: EarningEntry[] = rows.map((row) => {
      const status = earningStatus({ settleableAt: row.settleableAt, settledAt: row.settledAt, awaitingConfirmation: row.awaitingConfirmation }, now);
      return {
        order: row.orderDocumentId,
        orderNo: row.orderNo,
        kind: row.kind,
        gross: row.gross,
        commission: row.commission,
        net: row.net,
        status,
        statusLabel: EARNING_STATUS_LABELS[status],
        earnedAt: iso(row.earnedAt),
        settleableAt: iso(row.settleableAt),
        ...(row.settledAt ? { settledAt: iso(row.settledAt) } : {}),
      };
    });
    return {
      data: { pending, settleable, settled, entries },
      meta: { pagination: { page: page.page, pageSize: page.pageSize, pageCount: Math.ceil(count / page.pageSize), total: count } },
    };
  },
});
