/**
 * Statements and settlement batches as one flat table, the shape both the CSV and the XLSX writer
 * take. Pure: the JSON answers of the report and batch services go in, Chinese headers and labels
 * come out, so the three formats can never disagree on a figure.
 *
 * Money cells stay integer fen here; the writers turn them into yuan (a plain "1234.50" in CSV,
 * a numeric cell formatted '#,##0.00' in XLSX) so nothing is rounded twice.
 */
import { DEFAULT_TIMEZONE, zonedParts } from '../../../../../runtime/clock';
import { incomeSourceLabels, type IncomeSource, type ReportName } from './statements';

export type ColumnKind = 'text' | 'money' | 'date' | 'int';
export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}
export type TableCell = string | number | null;
export type TableRow = Record<string, TableCell>;

export interface ReportTable {
  /** Chinese name of the report, also the start of the download's filename. */
  title: string;
  /** ASCII stem of the filename for clients that ignore filename*. */
  name: string;
  from: string;
  to: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export const reportTitles: Record<ReportName, string> = {
  'trial-balance': '试算平衡表',
  income: '收入报表',
  expenses: '费用报表',
  'profit-and-loss': '利润表',
  'balance-sheet': '资产负债表',
  'cash-flow': '现金流量表',
};

const sectionLabels: Record<string, string> = { assets: '资产', liabilities: '负债', equity: '所有者权益' };
const cashFlowClassLabels: Record<string, string> = { operating: '经营活动', financing: '筹资活动', investing: '投资活动' };

const col = (key: string, label: string, kind: ColumnKind = 'text'): TableColumn => ({ key, label, kind });
const accountColumns = [col('code', '科目编码'), col('name', '科目名称')];

const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function zonedDate(at: Date | string, timeZone = DEFAULT_TIMEZONE): string {
  const p = zonedParts(new Date(at), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
/** "YYYY-MM-DD HH:mm" of an instant in Asia/Shanghai; a bare date or a label (合计) is kept as it is. */
export function zonedDateTime(at: Date | string, timeZone = DEFAULT_TIMEZONE): string {
  if (typeof at === 'string' && (/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(Date.parse(at)))) return at;
  const p = zonedParts(new Date(at), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

interface Line {
  code: string;
  name: string;
  amount: number;
}

/** The JSON `data` of GET /settlement/reports/:name as a table. */
export function reportTable(name: ReportName, data: any, period: { from: string; to: string }): ReportTable {
  const base = { title: reportTitles[name], name, from: period.from, to: period.to };
  switch (name) {
    case 'trial-balance': {
      const accounts: Array<Line & { debit: number; credit: number; balance: number }> = data.accounts ?? [];
      const sum = (k: 'debit' | 'credit') => accounts.reduce((s, a) => s + Number(a[k]), 0);
      return {
        ...base,
        columns: [...accountColumns, col('debit', '本期借方', 'money'), col('credit', '本期贷方', 'money'), col('balance', '期末余额', 'money')],
        rows: [
          ...accounts.map((a) => ({ code: a.code, name: a.name, debit: a.debit, credit: a.credit, balance: a.balance })),
          { code: '', name: '合计', debit: sum('debit'), credit: sum('credit'), balance: data.total },
        ],
      };
    }
    case 'income': {
      const sources = Object.keys(incomeSourceLabels) as IncomeSource[];
      return {
        ...base,
        columns: [col('bucket', '日期', 'date'), ...sources.map((s) => col(s, incomeSourceLabels[s], 'money')), col('total', '合计', 'money')],
        rows: [
          ...(data.buckets ?? []).map((b: any) => ({ bucket: b.bucket, ...Object.fromEntries(sources.map((s) => [s, b[s]])), total: b.total })),
          { bucket: '合计', ...Object.fromEntries(sources.map((s) => [s, data.bySource?.[s] ?? 0])), total: data.total },
        ],
      };
    }
    case 'expenses':
      return {
        ...base,
        columns: [...accountColumns, col('amount', '金额', 'money')],
        rows: [...(data.lines ?? []).map((l: Line) => ({ code: l.code, name: l.name, amount: l.amount })), { code: '', name: '费用合计', amount: data.total }],
      };
    case 'profit-and-loss': {
      const lines: Line[] = data.lines ?? [];
      const section = (l: Line) => (l.code.startsWith('income:') ? '收入' : '费用');
      return {
        ...base,
        columns: [col('section', '项目'), ...accountColumns, col('amount', '金额', 'money')],
        rows: [
          ...lines.map((l) => ({ section: section(l), code: l.code, name: l.name, amount: l.amount })),
          { section: '收入合计', code: '', name: '', amount: data.income },
          { section: '费用合计', code: '', name: '', amount: data.expenses },
          { section: '净利润', code: '', name: '', amount: data.net },
        ],
      };
    }
    case 'balance-sheet': {
      const lines: Array<Line & { section: string }> = data.lines ?? [];
      return {
        ...base,
        columns: [col('section', '类别'), ...accountColumns, col('amount', '金额', 'money')],
        rows: [
          ...lines.map((l) => ({ section: sectionLabels[l.section] ?? l.section, code: l.code, name: l.name, amount: l.amount })),
          { section: '资产合计', code: '', name: '', amount: data.assets },
          { section: '负债合计', code: '', name: '', amount: data.liabilities },
          { section: '所有者权益合计', code: '', name: '', amount: data.equity },
        ],
      };
    }
    case 'cash-flow': {
      const lines: Array<Line & { class: string }> = data.lines ?? [];
      const total = (section: string, amount: number) => ({ section, code: '', name: '', amount });
      return {
        ...base,
        columns: [col('section', '类别'), ...accountColumns, col('amount', '金额', 'money')],
        rows: [
          total('期初现金', data.opening),
          ...lines.map((l) => ({ section: cashFlowClassLabels[l.class] ?? l.class, code: l.code, name: l.name, amount: l.amount })),
          total('现金流入', data.inflow),
          total('现金流出', data.outflow),
          total('现金净流量', data.net),
          total('期末现金', data.closing),
        ],
      };
    }
  }
}

/** The JSON `data` of GET /settlement/batches/:id (already limited to the admin's cities) as a table. */
export function batchTable(batch: any): ReportTable {
  const statements: any[] = batch.statements ?? [];
  const sum = (k: string) => statements.reduce((s, st) => s + Number(st[k] ?? 0), 0);
  // periodEnd is the exclusive start of the next period: the last day is the instant before it.
  const to = batch.periodEnd ? zonedDate(new Date(new Date(batch.periodEnd).getTime() - 1)) : '';
  return {
    title: `结算批次${batch.batchNo ? `-${batch.batchNo}` : ''}`,
    name: `settlement-batch${batch.batchNo ? `-${batch.batchNo}` : ''}`,
    from: batch.periodStart ? zonedDate(batch.periodStart) : '',
    to,
    columns: [
      col('statementNo', '结算单号'),
      col('worker', '师傅'),
      col('city', '城市'),
      col('orderCount', '订单数', 'int'),
      col('orders', '订单号'),
      col('gross', '订单金额', 'money'),
      col('commission', '平台佣金', 'money'),
      col('adjustments', '调整', 'money'),
      col('net', '应付金额', 'money'),
      col('status', '状态'),
      col('paidAt', '付款时间', 'date'),
    ],
    rows: [
      ...statements.map((s) => ({
        statementNo: s.statementNo,
        worker: s.worker?.name ?? '',
        city: s.city ?? '',
        orderCount: s.orderCount,
        orders: (s.orders ?? []).join(' '),
        gross: s.gross,
        commission: s.commission,
        adjustments: s.adjustments,
        net: s.net,
        status: s.statusLabel,
        paidAt: s.paidAt ?? null,
      })),
      {
        statementNo: '合计',
        worker: '',
        city: '',
        orderCount: sum('orderCount'),
        orders: '',
        gross: sum('gross'),
        commission: sum('commission'),
        adjustments: sum('adjustments'),
        net: sum('net'),
        status: '',
        paidAt: null,
      },
    ],
  };
}

/** A CSV cell per RFC 4180; text starting with = + - @ gets a leading ' so a spreadsheet never runs it. */
export function csvCell(value: TableCell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (kind === 'money') text = (Number(value) / 100).toFixed(2);
  else if (kind === 'int') text = String(Math.trunc(Number(value)));
  else if (kind === 'date') text = zonedDateTime(String(value));
  else text = String(value);
  // Our own numbers ("-12.50") are data, not formulas; only text a user could have typed is escaped.
  if ((kind === 'text' || kind === 'date') && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 BOM (Excel otherwise reads the Chinese as GBK) and CRLF line ends. */
export function tableCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.label, 'text')), ...table.rows.map((r) => table.columns.map((c) => csvCell(r[c.key] ?? null, c.kind)))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** `attachment; filename="trial-balance-2026-11-01-2026-11-30.csv"; filename*=UTF-8''试算平衡表-….csv` */
export function contentDisposition(table: ReportTable, ext: 'csv' | 'xlsx'): string {
  const suffix = [table.from, table.to].filter(Boolean).join('-');
  const stem = (s: string) => (suffix ? `${s}-${suffix}` : s);
  const ascii = stem(table.name).replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(`${stem(table.title)}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encoded}`;
}
