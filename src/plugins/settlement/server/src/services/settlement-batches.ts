import type { Core } from '@strapi/strapi';
import { adminCityScope, type ScopedAdmin } from '../../../../../bootstrap/city-scope';
import { clock, isoOrNull } from '../../../../../runtime/clock';
import { DomainError, notFound, validationFailed } from '../../../../../runtime/errors';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import { isUniqueViolation } from '../../../../../runtime/unique-violation';
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';
import { payoutPaid } from '../domain/ledger';
import {
  assertBatchTransition,
  BATCH_STATUS_LABELS,
  bankTransferCsv,
  batchNoFor,
  buildStatements,
  CYCLE_LABELS,
  lastClosedPeriod,
  PAYOUT_METHOD_LABELS,
  PAYOUT_STATUS_LABELS,
  payoutCashChannel,
  payoutNoFor,
  settleableBy,
  STATEMENT_STATUS_LABELS,
  statementNoFor,
  type BatchStatus,
  type PayoutMethod,
  type PayoutStatus,
  type SettlementCycle,
  type StatementStatus,
} from '../domain/settlement-batch';
import { EARNING_UID, getService, WORKER_UID } from '../utils';
import { payoutProvider } from './payout-providers';

export const BATCH_UID = 'plugin::settlement.settlement-batch';
export const STATEMENT_UID = 'plugin::settlement.settlement-statement';
export const PAYOUT_UID = 'plugin::settlement.settlement-payout';
/** RBAC: 财务 and 超级管理员 manage; 城市运营 reads their cities' statements. */
export const PAYOUT_READ = 'plugin::settlement.payouts-read';
export const PAYOUT_MANAGE = 'plugin::settlement.payouts-manage';


interface BatchRow {
  id: number;
  documentId: string;
  batchNo: string;
  periodKey: string;
  cycle: SettlementCycle;
  periodStart: string;
  periodEnd: string;
  batchStatus: BatchStatus;
  workerCount: number;
  gross: number;
  commission: number;
  adjustments: number;
  net: number;
  builtAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  paidAt: string | null;
}

interface StatementRow {
  id: number;
  documentId: string;
  statementNo: string;
  batchRef: number;
  batchNo: string;
  workerId: number;
  workerDocumentId: string | null;
  workerName: string | null;
  city: string | null;
  orderCount: number;
  orderNos: string[] | string | null;
  gross: number;
  commission: number;
  adjustments: number;
  net: number;
  statementStatus: StatementStatus;
  paidAt: string | null;
}

interface PayoutRow {
  id: number;
  documentId: string;
  payoutNo: string;
  statementRef: number;
  method: PayoutMethod;
  amount: number;
  payoutStatus: PayoutStatus;
  reference: string | null;
  paidAt: string | null;
  createdAt: string;
}

const num = (v: unknown) => Number(v ?? 0);

export const batchView = (b: BatchRow) => ({
  documentId: b.documentId,
  batchNo: b.batchNo,
  cycle: b.cycle,
  cycleLabel: CYCLE_LABELS[b.cycle] ?? b.cycle,
  periodStart: isoOrNull(b.periodStart),
  periodEnd: isoOrNull(b.periodEnd),
  status: b.batchStatus,
  statusLabel: BATCH_STATUS_LABELS[b.batchStatus] ?? b.batchStatus,
  workerCount: num(b.workerCount),
  gross: num(b.gross),
  commission: num(b.commission),
  adjustments: num(b.adjustments),
  net: num(b.net),
  builtAt: isoOrNull(b.builtAt),
  reviewedAt: isoOrNull(b.reviewedAt),
  reviewNote: b.reviewNote ?? null,
  paidAt: isoOrNull(b.paidAt),
});

export const payoutView = (p: PayoutRow) => ({
  payoutNo: p.payoutNo,
  method: p.method,
  methodLabel: PAYOUT_METHOD_LABELS[p.method] ?? p.method,
  amount: num(p.amount),
  status: p.payoutStatus,
  statusLabel: PAYOUT_STATUS_LABELS[p.payoutStatus] ?? p.payoutStatus,
  reference: p.reference ?? null,
  paidAt: isoOrNull(p.paidAt),
});

const orderNosOf = (s: StatementRow): string[] => (Array.isArray(s.orderNos) ? s.orderNos : typeof s.orderNos === 'string' ? JSON.parse(s.orderNos) : []);

export const statementView = (s: StatementRow, payout: PayoutRow | undefined, batch?: BatchRow) => ({
  documentId: s.documentId,
  statementNo: s.statementNo,
  batchNo: s.batchNo,
  ...(batch ? { periodStart: isoOrNull(batch.periodStart), periodEnd: isoOrNull(batch.periodEnd), cycle: batch.cycle } : {}),
  worker: { documentId: s.workerDocumentId, name: s.workerName },
  city: s.city ?? null,
  orderCount: num(s.orderCount),
  orders: orderNosOf(s),
  gross: num(s.gross),
  commission: num(s.commission),
  adjustments: num(s.adjustments),
  net: num(s.net),
  status: s.statementStatus,
  statusLabel: STATEMENT_STATUS_LABELS[s.statementStatus] ?? s.statementStatus,
  paidAt: isoOrNull(s.paidAt),
  payout: payout ? payoutView(payout) : null,
});

/**
 * Settlement batches: built for each closed period (job `settlement-batch` or 财务's run), reviewed
 * by 财务, then paid statement by statement. Every state change is one transaction; an earning is
 * taken by one statement only (a conditional update on its free `settlementRef`), a period has one
 * batch (unique `periodKey`), a statement one payout (unique `statementRef`), and the ledger entry
 * of a payout is posted once by its ref.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db;
  const settings = (): Promise<PlatformSettings> => strapi.service('api::settings.platform-setting').current();

  async function scopeOf(admin: ScopedAdmin, action = PAYOUT_READ): Promise<string[] | undefined> {
    return adminCityScope(strapi, admin, action);
  }
  const inScope = (scope: string[] | undefined, city: string | null) => !scope || (city !== null && scope.includes(city));

  async function findBatch(documentId: string): Promise<BatchRow> {
    const row = (await db().query(BATCH_UID).findOne({ where: { documentId } })) as BatchRow | null;
    if (!row) throw notFound('结算批次不存在');
    return row;
  }

  async function statementsOf(batchId: number, scope?: string[]): Promise<StatementRow[]> {
    const where: Record<string, unknown> = { batchRef: batchId };
    if (scope) where.city = { $in: scope.length ? scope : ['-'] };
    return (await db().query(STATEMENT_UID).findMany({ where, orderBy: [{ workerId: 'asc' }, { id: 'asc' }] })) as StatementRow[];
  }

  async function payoutsOf(statementIds: number[]): Promise<Map<number, PayoutRow>> {
    if (!statementIds.length) return new Map();
    const rows = (await db().query(PAYOUT_UID).findMany({ where: { statementRef: { $in: statementIds } } })) as PayoutRow[];
    return new Map(rows.map((p) => [Number(p.statementRef), p]));
  }

  /** Builds the batch of one period inside one transaction; the period's batch if it exists. */
  async function buildForPeriod(now: Date): Promise<{ batch: BatchRow | null; created: boolean }> {
    const current = await settings();
    const cycle = current.settlement.cycle;
    const period = lastClosedPeriod(now, cycle, current.timezone);
    const existing = (await db().query(BATCH_UID).findOne({ where: { periodKey: period.key } })) as BatchRow | null;
    if (existing) return { batch: existing, created: false };
    try {
      return await transaction(strapi, async () => {
        // The batch row first: a concurrent run of the same period stops here on the unique key.
        const batch = (await db().query(BATCH_UID).create({
          data: {
            batchNo: batchNoFor(period),
            periodKey: period.key,
            cycle,
            periodStart: period.start,
            periodEnd: period.end,
            batchStatus: 'pending_review',
            workerCount: 0,
            gross: 0,
            commission: 0,
            adjustments: 0,
            net: 0,
            builtAt: now,
          },
        })) as BatchRow;
        const free = (await db().query(EARNING_UID).findMany({
          where: { settlementRef: { $null: true }, settledAt: { $null: true } },
          select: ['id', 'workerId', 'orderNo', 'gross', 'commission', 'net', 'settleableAt', 'awaitingConfirmation'],
          orderBy: [{ id: 'asc' }],
        })) as Array<{ id: number; workerId: number; orderNo: string; gross: number; commission: number; net: number; settleableAt: string; awaitingConfirmation: boolean | null }>;
        const draft = buildStatements(
          settleableBy(free.map((e) => ({ ...e, gross: num(e.gross), commission: num(e.commission), net: num(e.net) })), period.end),
          { minPayoutFen: current.settlement.minPayoutFen },
        );
        if (!draft.statements.length) {
          // An empty period keeps its (empty, closed) batch so nobody reviews nothing.
          await db().query(BATCH_UID).updateMany({ where: { id: batch.id }, data: { batchStatus: 'paid', paidAt: now } });
          return batch;
        }
        const workers = (await db().query(WORKER_UID).findMany({
          where: { id: { $in: draft.statements.map((s) => s.workerId) } },
          select: ['id', 'documentId', 'realName'],
          populate: { city: { select: ['adcode'] } },
        })) as Array<{ id: number; documentId: string; realName: string; city?: { adcode: string } | null }>;
        const byId = new Map(workers.map((w) => [w.id, w]));
        for (const st of draft.statements) {
          const worker = byId.get(st.workerId);
          const statement = await db().query(STATEMENT_UID).create({
            data: {
              statementNo: statementNoFor(batch.batchNo, st.workerId),
              batchRef: batch.id,
              batchNo: batch.batchNo,
              workerId: st.workerId,
              workerDocumentId: worker?.documentId ?? null,
              workerName: worker?.realName ?? null,
              city: worker?.city?.adcode ?? null,
              orderCount: st.orderCount,
              orderNos: st.orderNos,
              gross: st.gross,
              commission: st.commission,
              adjustments: st.adjustments,
              net: st.net,
              statementStatus: 'pending_review',
            },
          });
          // Taken only if still free: another run that got there first makes this one roll back.
          const { count } = await db().query(EARNING_UID).updateMany({
            where: { id: { $in: st.earningIds }, settlementRef: { $null: true } },
            data: { settlementRef: statement.id },
          });
          if (Number(count) !== st.earningIds.length) throw new DomainError('CONFLICT', '收入已被其他结算批次结算', { batch: batch.batchNo });
        }
        await db().query(BATCH_UID).updateMany({
          where: { id: batch.id },
          data: { workerCount: draft.totals.workerCount, gross: draft.totals.gross, commission: draft.totals.commission, adjustments: draft.totals.adjustments, net: draft.totals.net },
        });
        return batch;
      }).then(async (batch) => ({ batch: (await db().query(BATCH_UID).findOne({ where: { id: batch.id } })) as BatchRow, created: true }));
    } catch (err) {
      if (!isUniqueViolation(err) && !(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
      const batch = (await db().query(BATCH_UID).findOne({ where: { periodKey: period.key } })) as BatchRow | null;
      return { batch, created: false };
    }
  }

  async function review(admin: ScopedAdmin, documentId: string, action: 'approve' | 'reject', note: string | undefined) {
    const scope = await scopeOf(admin, PAYOUT_MANAGE);
    const found = await findBatch(documentId);
    // A scoped reviewer would act on other cities' statements too: batches are reviewed whole.
    if (scope) throw notFound('结算批次不存在');
    const now = clock.now();
    await transaction(strapi, async ({ trx }) => {
      await lockRow(db().connection, trx, 'settlement_batches', found.id);
      const batch = (await db().query(BATCH_UID).findOne({ where: { id: found.id } })) as BatchRow;
      assertBatchTransition(batch.batchStatus, action);
      const next: BatchStatus = action === 'approve' ? 'approved' : 'rejected';
      const { count } = await db().query(BATCH_UID).updateMany({
        where: { id: batch.id, batchStatus: 'pending_review' },
        data: { batchStatus: next, reviewedBy: admin.id, reviewedAt: now, reviewNote: note ?? null },
      });
      if (Number(count) !== 1) throw new DomainError('INVALID_TRANSITION', '结算批次已被他人处理');
      const statements = await statementsOf(batch.id);
      await db().query(STATEMENT_UID).updateMany({ where: { batchRef: batch.id }, data: { statementStatus: next } });
      if (action === 'reject' && statements.length) {
        // Rejected: the earnings are free again and go into the next batch.
        await db().query(EARNING_UID).updateMany({ where: { settlementRef: { $in: statements.map((s) => s.id) }, settledAt: { $null: true } }, data: { settlementRef: null } });
      }
    });
    return detail(admin, documentId);
  }

  async function payStatementRow(admin: ScopedAdmin, statementId: number, method: PayoutMethod, reference: string | undefined, now: Date) {
    const provider = payoutProvider(strapi, method);
    if (!provider.synchronous) throw new DomainError('CHANNEL_DISABLED', '该付款方式尚未接入', { method });
    return transaction(strapi, async ({ trx }) => {
      await lockRow(db().connection, trx, 'settlement_statements', statementId);
      const statement = (await db().query(STATEMENT_UID).findOne({ where: { id: statementId } })) as StatementRow;
      if (statement.statementStatus === 'paid') throw new DomainError('CONFLICT', '结算单已付款', { statement: statement.statementNo });
      if (statement.statementStatus !== 'approved') {
        throw new DomainError('INVALID_TRANSITION', `结算单当前为「${STATEMENT_STATUS_LABELS[statement.statementStatus]}」，审核通过后才能付款`, { status: statement.statementStatus });
      }
      const payoutNo = payoutNoFor(statement.statementNo);
      const result = await provider.pay({ payoutNo, statementNo: statement.statementNo, workerId: statement.workerId, amount: num(statement.net), reference });
      await db().query(PAYOUT_UID).create({
        data: {
          payoutNo,
          statementRef: statement.id,
          batchRef: statement.batchRef,
          workerId: statement.workerId,
          method,
          amount: num(statement.net),
          payoutStatus: 'paid',
          reference: result.reference,
          operatorId: admin.id,
          paidAt: now,
          raw: result.raw ?? null,
        },
      });
      const { count } = await db().query(STATEMENT_UID).updateMany({ where: { id: statement.id, statementStatus: 'approved' }, data: { statementStatus: 'paid', paidAt: now } });
      if (Number(count) !== 1) throw new DomainError('CONFLICT', '结算单已付款');
      await db().query(EARNING_UID).updateMany({ where: { settlementRef: statement.id, settledAt: { $null: true } }, data: { settledAt: now } });
      await getService(strapi, 'ledger').post(payoutPaid(payoutNo, statement.workerId, payoutCashChannel(method), num(statement.net), `结算付款 ${statement.statementNo}`), { city: statement.city });
      const unpaid = await db().query(STATEMENT_UID).count({ where: { batchRef: statement.batchRef, statementStatus: { $ne: 'paid' } } });
      if (Number(unpaid) === 0) await db().query(BATCH_UID).updateMany({ where: { id: statement.batchRef, batchStatus: 'approved' }, data: { batchStatus: 'paid', paidAt: now } });
    });
  }

  async function detail(admin: ScopedAdmin, documentId: string) {
    const scope = await scopeOf(admin);
    const batch = await findBatch(documentId);
    const statements = await statementsOf(batch.id, scope);
    if (scope && !statements.length) throw notFound('结算批次不存在');
    const payouts = await payoutsOf(statements.map((s) => s.id));
    return { ...batchView(batch), scoped: Boolean(scope), statements: statements.map((s) => statementView(s, payouts.get(s.id))) };
  }

  return {
    /** The batch of the last closed period at `now` (built if missing). */
    buildForPeriod,

    async list(admin: ScopedAdmin, filters: { status?: BatchStatus; page: number; pageSize: number }) {
      const scope = await scopeOf(admin);
      const where: Record<string, unknown> = {};
      if (filters.status) where.batchStatus = filters.status;
      if (scope) {
        const rows = (await db().query(STATEMENT_UID).findMany({ where: { city: { $in: scope.length ? scope : ['-'] } }, select: ['batchRef'] })) as Array<{ batchRef: number }>;
        where.id = { $in: [...new Set(rows.map((r) => Number(r.batchRef)))].concat([-1]) };
      }
      const [rows, total] = await Promise.all([
        db().query(BATCH_UID).findMany({ where, orderBy: [{ periodStart: 'desc' }, { id: 'desc' }], offset: (filters.page - 1) * filters.pageSize, limit: filters.pageSize }),
        db().query(BATCH_UID).count({ where }),
      ]);
      return {
        data: (rows as BatchRow[]).map(batchView),
        pagination: { page: filters.page, pageSize: filters.pageSize, pageCount: Math.ceil(Number(total) / filters.pageSize), total: Number(total) },
      };
    },

    detail,

    async run(admin: ScopedAdmin) {
      if (await scopeOf(admin, PAYOUT_MANAGE)) throw new DomainError('FORBIDDEN', '城市运营不能生成结算批次');
      const { batch, created } = await buildForPeriod(clock.now());
      return { created, batch: batch ? batchView(batch) : null };
    },

    approve: (admin: ScopedAdmin, documentId: string, note?: string) => review(admin, documentId, 'approve', note),
    reject: (admin: ScopedAdmin, documentId: string, reason: string) => review(admin, documentId, 'reject', reason),

    /** Pays every approved statement of the batch (in the operator's scope) with one method. */
    async payBatch(admin: ScopedAdmin, documentId: string, method: PayoutMethod, reference?: string) {
      const scope = await scopeOf(admin, PAYOUT_MANAGE);
      const batch = await findBatch(documentId);
      if (scope) throw notFound('结算批次不存在');
      assertBatchTransition(batch.batchStatus, 'pay');
      const now = clock.now();
      const open = (await statementsOf(batch.id)).filter((s) => s.statementStatus === 'approved');
      // One payout per statement, each its own transaction: a failure leaves the others paid.
      for (const s of open) await payStatementRow(admin, s.id, method, reference ? `${reference}` : undefined, now);
      return detail(admin, documentId);
    },

    async payStatement(admin: ScopedAdmin, statementDocumentId: string, method: PayoutMethod, reference?: string) {
      const scope = await scopeOf(admin, PAYOUT_MANAGE);
      const statement = (await db().query(STATEMENT_UID).findOne({ where: { documentId: statementDocumentId } })) as StatementRow | null;
      if (!statement || !inScope(scope, statement.city)) throw notFound('结算单不存在');
      await payStatementRow(admin, statement.id, method, reference, clock.now());
      const fresh = (await db().query(STATEMENT_UID).findOne({ where: { id: statement.id } })) as StatementRow;
      return statementView(fresh, (await payoutsOf([statement.id])).get(statement.id));
    },

    /** 银行批量代发 file of the batch's approved statements (no state change). */
    async bankFile(admin: ScopedAdmin, documentId: string): Promise<{ filename: string; csv: string }> {
      const scope = await scopeOf(admin, PAYOUT_MANAGE);
      const batch = await findBatch(documentId);
      if (scope) throw notFound('结算批次不存在');
      if (batch.batchStatus !== 'approved') throw new DomainError('INVALID_TRANSITION', '审核通过后才能导出代发文件', { status: batch.batchStatus });
      const statements = (await statementsOf(batch.id)).filter((s) => s.statementStatus === 'approved');
      // Workers have no bank account fields yet: the bank columns stay empty for finance to fill.
      const csv = bankTransferCsv(
        statements.map((s) => ({ statementNo: s.statementNo, accountName: s.workerName ?? '', bankAccount: '', bankName: '', amountFen: num(s.net), memo: `上门服务结算 ${batch.batchNo}` })),
      );
      return { filename: `${batch.batchNo}-bank-transfer.csv`, csv };
    },

    /** GET /api/me/settlements: the worker's statements (not rejected ones) with their payout, newest first. */
    async forUser(userId: number, page: { page: number; pageSize: number }) {
      const worker = await db().query(WORKER_UID).findOne({ where: { user: { id: userId } }, select: ['id'] });
      if (!worker) throw notFound('您还不是平台服务人员');
      const where = { workerId: worker.id, statementStatus: { $ne: 'rejected' } };
      const [rows, total] = await Promise.all([
        db().query(STATEMENT_UID).findMany({ where, orderBy: [{ id: 'desc' }], offset: (page.page - 1) * page.pageSize, limit: page.pageSize }),
        db().query(STATEMENT_UID).count({ where }),
      ]);
      const statements = rows as StatementRow[];
      const payouts = await payoutsOf(statements.map((s) => s.id));
      const batches = statements.length
        ? ((await db().query(BATCH_UID).findMany({ where: { id: { $in: [...new Set(statements.map((s) => s.batchRef))] } } })) as BatchRow[])
        : [];
      const batchById = new Map(batches.map((b) => [b.id, b]));
      const data = statements.map((s) => {
        const { worker: _w, city: _c, ...view } = statementView(s, payouts.get(s.id), batchById.get(Number(s.batchRef)));
        return view;
      });
      return {
        data: { statements: data, payouts: data.flatMap((s) => (s.payout ? [{ ...s.payout, statementNo: s.statementNo }] : [])) },
        meta: { pagination: { page: page.page, pageSize: page.pageSize, pageCount: Math.ceil(Number(total) / page.pageSize), total: Number(total) } },
      };
    },

    validateMethod(method: unknown): PayoutMethod {
      if (typeof method !== 'string' || !(method in PAYOUT_METHOD_LABELS)) throw validationFailed('付款方式不正确', { field: 'method' });
      return method as PayoutMethod;
    },
  };
};
