/**
 * Financial statements from per-account sums of journal lines. Pure: the service aggregates with
 * SQL GROUP BY (account, and bucket/counter-account where needed) and hands the sums here, so
 * a statement over millions of lines never loads the lines into JS.
 *
 * Sums follow the ledger's sign convention: debit positive, credit negative, integer fen.
 * Because every entry balances, the sums over all accounts are 0 for any date range; the
 * balance sheet closes income and expenses into equity as retained earnings so that
 * assets = liabilities + equity to the fen.
 */
import { accountKind, type AccountKind } from './ledger';

export interface AccountSum {
  account: string;
  /** Sum of line amounts (debit +, credit −). */
  sum: number;
}

/** Display names; prefixes map to a name with the suffix kept (e.g. `cash:wechat` → 现金-微信支付). */
const names: Record<string, string> = {
  'customer-prepayments': '客户预收款',
  'suspense:payments': '待查收款',
  'income:cancellation-fees': '取消费收入',
  'income:commission': '佣金收入',
  'income:advertising': '广告收入',
  'income:value-added': '增值服务收入',
  'expense:marketing:coupons': '营销费用-优惠券',
  'expense:marketing:points': '营销费用-积分',
  'expense:wages': '工资',
  'expense:bonus': '奖金',
  'expense:advertising': '广告费',
  'expense:servers': '服务器费用',
  'expense:rent': '房租',
  'expense:other': '其他费用',
  'equity:retained-earnings': '留存收益',
};
const channelNames: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '银联', sandbox: '沙箱', bank: '银行' };
const prefixNames: Array<[string, string]> = [
  ['cash:', '现金'],
  ['wallet:', '会员余额'],
  ['worker-payable:', '应付师傅'],
  ['income:', '其他收入'],
  ['expense:', '其他费用'],
  ['equity:', '所有者权益'],
];

export function accountName(code: string): string {
  if (names[code]) return names[code];
  for (const [prefix, name] of prefixNames) {
    if (code.startsWith(prefix)) {
      const rest = code.slice(prefix.length);
      return `${name}-${channelNames[rest] ?? rest}`;
    }
  }
  return code;
}

/** Sign so that the figure reads positive on the account's normal side. */
const readable = (kind: AccountKind, sum: number) => (kind === 'asset' || kind === 'expense' ? sum : -sum);

const merge = (sums: AccountSum[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const s of sums) m.set(s.account, (m.get(s.account) ?? 0) + Number(s.sum));
  return m;
};
const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export interface TrialBalanceAccount {
  code: string;
  name: string;
  debit: number;
  credit: number;
  balance: number;
}

/**
 * Trial balance of the period: debit/credit are the period's turnover on each side, balance the
 * closing balance (opening + period) with the ledger's sign. `total` is the sum of balances: 0.
 * Needs debit and credit sums separately, so it takes them split.
 */
export function trialBalance(
  period: Array<{ account: string; debit: number; credit: number }>,
  opening: AccountSum[] = [],
): { total: number; accounts: TrialBalanceAccount[] } {
  const open = merge(opening);
  const rows = new Map<string, TrialBalanceAccount>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, name: accountName(code), debit: 0, credit: 0, balance: open.get(code) ?? 0 }));
    return r;
  };
  for (const code of open.keys()) row(code);
  for (const p of period) {
    const r = row(p.account);
    r.debit += Number(p.debit);
    r.credit += Number(p.credit);
    r.balance += Number(p.debit) - Number(p.credit);
  }
  const accounts = [...rows.values()].sort(byCode);
  return { total: accounts.reduce((s, a) => s + a.balance, 0), accounts };
}

export type IncomeSource = 'orders' | 'cancellation-fees' | 'advertising' | 'value-added' | 'other';
export const incomeSourceLabels: Record<IncomeSource, string> = {
  orders: '订单佣金',
  'cancellation-fees': '取消费',
  advertising: '广告',
  'value-added': '增值服务',
  other: '其他',
};

export function incomeSource(code: string): IncomeSource {
  if (code === 'income:commission') return 'orders';
  if (code === 'income:cancellation-fees') return 'cancellation-fees';
  if (code === 'income:advertising') return 'advertising';
  if (code === 'income:value-added') return 'value-added';
  return 'other';
}

export interface StatementLine {
  code: string;
  name: string;
  amount: number;
}

const linesOfKind = (sums: Map<string, number>, kinds: AccountKind[]): StatementLine[] =>
  [...sums.entries()]
    .filter(([code]) => kinds.includes(accountKind(code)))
    .map(([code, sum]) => ({ code, name: accountName(code), amount: readable(accountKind(code), sum) }))
    .filter((l) => l.amount !== 0)
    .sort(byCode);

export type Granularity = 'day' | 'week' | 'month';

/**
 * Income by source and bucket. `rows` carry the bucket key the SQL computed (YYYY-MM-DD of the
 * day, week's Monday, or month's first day), so bucketing stays in the database.
 */
export function incomeStatement(rows: Array<AccountSum & { bucket: string }>) {
  const buckets = new Map<string, Record<IncomeSource, number>>();
  const bySource: Record<IncomeSource, number> = { orders: 0, 'cancellation-fees': 0, advertising: 0, 'value-added': 0, other: 0 };
  for (const r of rows) {
    if (accountKind(r.account) !== 'income') continue;
    const amount = -Number(r.sum);
    const src = incomeSource(r.account);
    let b = buckets.get(r.bucket);
    if (!b) buckets.set(r.bucket, (b = { orders: 0, 'cancellation-fees': 0, advertising: 0, 'value-added': 0, other: 0 }));
    b[src] += amount;
    bySource[src] += amount;
  }
  const total = Object.values(bySource).reduce((s, v) => s + v, 0);
  return {
    total,
    bySource,
    buckets: [...buckets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([bucket, v]) => ({ bucket, ...v, total: Object.values(v).reduce((s, x) => s + x, 0) })),
  };
}

export function expensesReport(period: AccountSum[]) {
  const lines = linesOfKind(merge(period), ['expense']);
  return { total: lines.reduce((s, l) => s + l.amount, 0), lines };
}

/** Income − expenses of the period. Equals the change in equity once profit is closed into it. */
export function profitAndLoss(period: AccountSum[]) {
  const sums = merge(period);
  const income = linesOfKind(sums, ['income']);
  const expenses = linesOfKind(sums, ['expense']);
  const totalIncome = income.reduce((s, l) => s + l.amount, 0);
  const totalExpenses = expenses.reduce((s, l) => s + l.amount, 0);
  return { income: totalIncome, expenses: totalExpenses, net: totalIncome - totalExpenses, lines: [...income, ...expenses] };
}

/**
 * Balance sheet at a date from cumulative sums up to it. Income and expenses never closed in the
 * ledger are shown as retained earnings inside equity, which makes the sheet balance exactly.
 */
export function balanceSheet(cumulative: AccountSum[]) {
  const sums = merge(cumulative);
  const assets = linesOfKind(sums, ['asset']);
  const liabilities = linesOfKind(sums, ['liability']);
  const equity = linesOfKind(sums, ['equity']);
  const retained = profitAndLoss(cumulative).net;
  if (retained !== 0) equity.push({ code: 'equity:retained-earnings:current', name: '本期留存收益', amount: retained });
  const total = (ls: StatementLine[]) => ls.reduce((s, l) => s + l.amount, 0);
  return {
    assets: total(assets),
    liabilities: total(liabilities),
    equity: total(equity),
    lines: [
      ...assets.map((l) => ({ ...l, section: 'assets' as const })),
      ...liabilities.map((l) => ({ ...l, section: 'liabilities' as const })),
      ...equity.map((l) => ({ ...l, section: 'equity' as const })),
    ],
  };
}

export type CashFlowClass = 'operating' | 'financing' | 'investing';
const counterClass = (code: string): CashFlowClass => (accountKind(code) === 'equity' ? 'financing' : 'operating');

/**
 * Cash flow, direct method. `movements` are the cash side of each entry attributed to its
 * counter-accounts: for every entry touching cash, the non-cash lines summed per account with the
 * sign flipped (cash in when the counter-account is credited). Transfers between cash accounts
 * have no non-cash line and move no net cash. Net = change in the cash:* balances.
 */
export function cashFlow(movements: AccountSum[], openingCash: number) {
  const sums = merge(movements);
  const lines = [...sums.entries()]
    .filter(([code]) => !code.startsWith('cash:'))
    .map(([code, sum]) => ({ code, name: accountName(code), class: counterClass(code), amount: -sum }))
    .filter((l) => l.amount !== 0)
    .sort(byCode);
  const net = lines.reduce((s, l) => s + l.amount, 0);
  const inflow = lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0);
  return { opening: Number(openingCash), inflow, outflow: inflow - net, net, closing: Number(openingCash) + net, lines };
}

export const reportNames = ['income', 'expenses', 'profit-and-loss', 'balance-sheet', 'cash-flow', 'trial-balance'] as const;
export type ReportName = (typeof reportNames)[number];
