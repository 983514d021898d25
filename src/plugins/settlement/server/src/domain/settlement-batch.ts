/**
 * Worker settlement (结算): which earnings a batch takes, the batch's period in business time,
 * and one statement per worker. Pure: the clock, the zone and the earnings are passed in.
 *
 * Rules:
 * - Periods are business days / ISO weeks (Monday) / calendar months in the business zone
 *   (Asia/Shanghai); a batch is built for a period once it has closed.
 * - An earning is taken by the first batch whose period ends after its `settleableAt` (the T+N
 *   fixed when the earning was booked) and that it has not been taken by before; a worker whose
 *   total is under the minimum payout is carried over to a later batch (their earnings stay free).
 * - A statement's net is gross − commission + adjustments, summed from its earnings.
 */
import { DomainError } from '../../../../../runtime/errors';
import { DEFAULT_TIMEZONE, fromZonedTime, zonedParts } from '../../../../../runtime/clock';

export type SettlementCycle = 'daily' | 'weekly' | 'monthly';
export const SETTLEMENT_CYCLES: readonly SettlementCycle[] = ['daily', 'weekly', 'monthly'];
export const CYCLE_LABELS: Readonly<Record<SettlementCycle, string>> = { daily: '日结', weekly: '周结', monthly: '月结' };

export type BatchStatus = 'pending_review' | 'approved' | 'paid' | 'rejected';
export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, string>> = {
  pending_review: '待审核',
  approved: '待付款',
  paid: '已付款',
  rejected: '已驳回',
};

/** A statement follows its batch until it is paid on its own: same states, same labels. */
export type StatementStatus = BatchStatus;
export const STATEMENT_STATUS_LABELS: Readonly<Record<StatementStatus, string>> = BATCH_STATUS_LABELS;

export type PayoutMethod = 'manual' | 'bank-file' | 'wechat' | 'sandbox';
export const PAYOUT_METHODS: readonly PayoutMethod[] = ['manual', 'bank-file', 'wechat', 'sandbox'];
export const PAYOUT_METHOD_LABELS: Readonly<Record<PayoutMethod, string>> = {
  manual: '线下转账',
  'bank-file': '银行批量代发',
  wechat: '微信商家转账',
  sandbox: '沙箱',
};
export type PayoutStatus = 'processing' | 'paid' | 'failed';
export const PAYOUT_STATUS_LABELS: Readonly<Record<PayoutStatus, string>> = { processing: '付款中', paid: '已到账', failed: '付款失败' };

/** The ledger's cash account a payout leaves from: the bank for transfers, WeChat's balance for 商家转账. */
export const payoutCashChannel = (method: PayoutMethod): string => (method === 'wechat' ? 'wechat' : method === 'sandbox' ? 'sandbox' : 'bank');

export interface Period {
  cycle: SettlementCycle;
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Stable name of the period, unique per cycle: `daily:2026-12-03`, `weekly:2026-11-30`, `monthly:2026-11-01`. */
  key: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** The period of `cycle` that contains `at` in the business zone. */
export function periodContaining(at: Date, cycle: SettlementCycle, timeZone = DEFAULT_TIMEZONE): Period {
  if (!SETTLEMENT_CYCLES.includes(cycle)) throw new DomainError('VALIDATION_FAILED', `unknown settlement cycle ${cycle}`);
  const p = zonedParts(at, timeZone);
  let first = { year: p.year, month: p.month, day: p.day };
  if (cycle === 'weekly') {
    // Noon UTC of the wall-clock date keeps calendar arithmetic away from zone offsets.
    const noon = new Date(Date.UTC(p.year, p.month - 1, p.day, 12) - (p.weekday - 1) * DAY_MS);
    first = { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
  } else if (cycle === 'monthly') {
    first = { year: p.year, month: p.month, day: 1 };
  }
  const next =
    cycle === 'monthly'
      ? { year: first.month === 12 ? first.year + 1 : first.year, month: first.month === 12 ? 1 : first.month + 1, day: 1 }
      : (() => {
          const noon = new Date(Date.UTC(first.year, first.month - 1, first.day, 12) + (cycle === 'weekly' ? 7 : 1) * DAY_MS);
          return { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
        })();
  return {
    cycle,
    start: fromZonedTime(first, timeZone),
    end: fromZonedTime(next, timeZone),
    key: `${cycle}:${first.year}-${pad(first.month)}-${pad(first.day)}`,
  };
}

/** The latest period that has fully closed at `now` (the one before the period containing it). */
export function lastClosedPeriod(now: Date, cycle: SettlementCycle, timeZone = DEFAULT_TIMEZONE): Period {
  const current = periodContaining(now, cycle, timeZone);
  return periodContaining(new Date(current.start.getTime() - 1), cycle, timeZone);
}

export interface SettleableEarning {
  id: number;
  workerId: number;
  orderNo: string;
  gross: number;
  commission: number;
  net: number;
  settleableAt: Date | string;
  /** A service earning whose order is not confirmed yet (确认完成): no batch takes it. */
  awaitingConfirmation?: boolean | null;
  /** The statement that took it, if any. */
  statementRef?: number | null;
  settledAt?: Date | string | null;
}

/** Earnings a batch for the period closing at `periodEnd` may take: free, confirmed, and settleable before the end. */
export function settleableBy<E extends SettleableEarning>(earnings: readonly E[], periodEnd: Date): E[] {
  return earnings.filter((e) => !e.statementRef && !e.settledAt && !e.awaitingConfirmation && new Date(e.settleableAt).getTime() < periodEnd.getTime());
}

export interface Adjustment {
  workerId: number;
  /** Fen, positive adds to what the worker is paid, negative takes from it. */
  amount: number;
  reason: string;
}

export interface StatementDraft {
  workerId: number;
  earningIds: number[];
  orderNos: string[];
  orderCount: number;
  gross: number;
  commission: number;
  adjustments: number;
  net: number;
}

export interface BatchDraft {
  statements: StatementDraft[];
  /** Workers whose total is below the minimum payout: nothing of theirs is taken this time. */
  carriedOver: Array<{ workerId: number; net: number }>;
  totals: { gross: number; commission: number; adjustments: number; net: number; workerCount: number };
}

/**
 * One statement per worker over the given (already settleable) earnings. A worker whose net is
 * below `minPayoutFen` (or not positive) is carried over. Statements come ordered by worker id so
 * a rebuild gives the same batch.
 */
export function buildStatements(earnings: readonly SettleableEarning[], options: { minPayoutFen: number; adjustments?: readonly Adjustment[] }): BatchDraft {
  const byWorker = new Map<number, SettleableEarning[]>();
  for (const e of earnings) {
    if (e.net + e.commission !== e.gross) throw new DomainError('INTERNAL', `earning ${e.id} does not add up (net + commission ≠ gross)`);
    const list = byWorker.get(e.workerId) ?? [];
    list.push(e);
    byWorker.set(e.workerId, list);
  }
  const adjustmentsOf = (workerId: number) => (options.adjustments ?? []).filter((a) => a.workerId === workerId).reduce((sum, a) => sum + a.amount, 0);
  const statements: StatementDraft[] = [];
  const carriedOver: BatchDraft['carriedOver'] = [];
  for (const workerId of [...byWorker.keys()].sort((a, b) => a - b)) {
    const list = (byWorker.get(workerId) ?? []).slice().sort((a, b) => a.id - b.id);
    const gross = list.reduce((s, e) => s + e.gross, 0);
    const commission = list.reduce((s, e) => s + e.commission, 0);
    const adjustments = adjustmentsOf(workerId);
    const net = gross - commission + adjustments;
    if (net <= 0 || net < options.minPayoutFen) {
      carriedOver.push({ workerId, net });
      continue;
    }
    statements.push({
      workerId,
      earningIds: list.map((e) => e.id),
      orderNos: [...new Set(list.map((e) => e.orderNo))],
      orderCount: new Set(list.map((e) => e.orderNo)).size,
      gross,
      commission,
      adjustments,
      net,
    });
  }
  const sum = (k: 'gross' | 'commission' | 'adjustments' | 'net') => statements.reduce((s, st) => s + st[k], 0);
  return { statements, carriedOver, totals: { gross: sum('gross'), commission: sum('commission'), adjustments: sum('adjustments'), net: sum('net'), workerCount: statements.length } };
}

/** Batch review: who may move a batch where. */
export function assertBatchTransition(from: BatchStatus, action: 'approve' | 'reject' | 'pay'): void {
  const allowed: Record<typeof action, BatchStatus[]> = { approve: ['pending_review'], reject: ['pending_review'], pay: ['approved'] };
  if (!allowed[action].includes(from)) {
    throw new DomainError('INVALID_TRANSITION', `结算批次当前为「${BATCH_STATUS_LABELS[from] ?? from}」，不能${action === 'approve' ? '审核通过' : action === 'reject' ? '驳回' : '付款'}`, { status: from });
  }
}

/** `SB` + period start (yyyymmdd) + cycle letter: SB20261203D. One batch per period. */
export function batchNoFor(period: Period): string {
  const date = period.key.split(':')[1].replace(/-/g, '');
  return `SB${date}${period.cycle[0].toUpperCase()}`;
}

export const statementNoFor = (batchNo: string, workerId: number) => `${batchNo}-${workerId}`;
export const payoutNoFor = (statementNo: string) => `PO${statementNo.replace(/^SB/, '')}`;

const csvCell = (value: string | number) => {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export interface BankFileRow {
  statementNo: string;
  accountName: string;
  bankAccount: string;
  bankName: string;
  amountFen: number;
  memo: string;
}

/** 银行批量代发 file: one transfer per statement, amounts in yuan with two decimals. */
export function bankTransferCsv(rows: readonly BankFileRow[]): string {
  const header = ['序号', '收款户名', '收款账号', '开户行', '金额（元）', '用途', '结算单号'];
  const lines = rows.map((r, i) => [i + 1, r.accountName, r.bankAccount, r.bankName, (r.amountFen / 100).toFixed(2), r.memo, r.statementNo].map(csvCell).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
