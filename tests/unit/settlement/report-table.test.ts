import ExcelJS from 'exceljs';
import { batchTable, contentDisposition, csvCell, reportTable, tableCsv } from '../../../src/plugins/settlement/server/src/domain/report-table';
import { balanceSheet, cashFlow, profitAndLoss, reportNames, trialBalance } from '../../../src/plugins/settlement/server/src/domain/statements';
import { tableXlsx } from '../../../src/plugins/settlement/server/src/services/exports';

const period = { from: '2026-11-01', to: '2026-11-30' };
const sums = [
  { account: 'cash:wechat', sum: 123450 },
  { account: 'customer-prepayments', sum: -100000 },
  { account: 'income:commission', sum: -30000 },
  { account: 'expense:servers', sum: 6550 },
];

describe('report tables', () => {
  it('trial balance: Chinese headers, one row per account and a 合计 row', () => {
    const t = reportTable('trial-balance', trialBalance(sums.map((s) => ({ account: s.account, debit: Math.max(s.sum, 0), credit: Math.max(-s.sum, 0) }))), period);
    expect(t.title).toBe('试算平衡表');
    expect(t.columns.map((c) => c.label)).toEqual(['科目编码', '科目名称', '本期借方', '本期贷方', '期末余额']);
    expect(t.rows[0]).toEqual({ code: 'cash:wechat', name: '现金-微信支付', debit: 123450, credit: 0, balance: 123450 });
    expect(t.rows.at(-1)).toEqual({ code: '', name: '合计', debit: 130000, credit: 130000, balance: 0 });
  });

  it('balance sheet, P&L and cash flow carry the JSON totals as labelled rows', () => {
    const bs = reportTable('balance-sheet', balanceSheet(sums), period);
    expect(bs.rows.find((r) => r.section === '资产合计')?.amount).toBe(123450);
    expect(bs.rows.filter((r) => r.section === '所有者权益').map((r) => r.name)).toEqual(['本期留存收益']);
    const pl = reportTable('profit-and-loss', profitAndLoss(sums), period);
    expect(pl.title).toBe('利润表');
    expect(pl.rows.map((r) => [r.section, r.amount])).toEqual([['收入', 30000], ['费用', 6550], ['收入合计', 30000], ['费用合计', 6550], ['净利润', 23450]]);
    const cf = reportTable('cash-flow', cashFlow([{ account: 'customer-prepayments', sum: -5000 }], 100), period);
    expect(cf.rows.map((r) => [r.section, r.amount])).toEqual([['期初现金', 100], ['经营活动', 5000], ['现金流入', 5000], ['现金流出', 0], ['现金净流量', 5000], ['期末现金', 5100]]);
  });

  it('every report name has a table', () => {
    for (const name of reportNames) expect(reportTable(name, {}, period).columns.length).toBeGreaterThan(1);
    const income = reportTable('income', { total: 300, bySource: { orders: 300 }, buckets: [{ bucket: '2026-11-02', orders: 300, total: 300 }] }, period);
    expect(income.columns.map((c) => c.label)).toEqual(['日期', '订单佣金', '取消费', '广告', '增值服务', '其他', '合计']);
    expect(income.rows.at(-1)).toMatchObject({ bucket: '合计', orders: 300, total: 300 });
  });

  it('batch: one row per statement with the status label, the period in Asia/Shanghai', () => {
    const t = batchTable({
      batchNo: 'JS20261103',
      periodStart: '2026-11-02T16:00:00.000Z',
      periodEnd: '2026-11-03T16:00:00.000Z',
      statements: [
        { statementNo: 'S1', worker: { name: '张师傅' }, city: '310100', orderCount: 2, orders: ['A', 'B'], gross: 9000, commission: 1800, adjustments: -100, net: 7100, statusLabel: '待审核', paidAt: '2026-11-04T02:30:00.000Z' },
      ],
    });
    expect([t.from, t.to]).toEqual(['2026-11-03', '2026-11-03']);
    expect(t.rows[0]).toMatchObject({ worker: '张师傅', orders: 'A B', net: 7100, status: '待审核' });
    expect(t.rows.at(-1)).toMatchObject({ statementNo: '合计', gross: 9000, net: 7100 });
    expect(tableCsv(t)).toContain('2026-11-04 10:30');
  });
});

describe('CSV', () => {
  it('money in yuan, BOM, CRLF, RFC 4180 quoting and formula prefix on text only', () => {
    expect(csvCell(123450, 'money')).toBe('1234.50');
    expect(csvCell(-5, 'money')).toBe('-0.05');
    expect(csvCell('=HYPERLINK("x")', 'text')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const c of ['+1', '-1', '@SUM(A1)']) expect(csvCell(c, 'text')).toBe(`'${c}`);
    expect(csvCell('a,b', 'text')).toBe('"a,b"');
    expect(csvCell('a\nb', 'text')).toBe('"a\nb"');
    expect(csvCell(null, 'money')).toBe('');
    const csv = tableCsv(reportTable('expenses', { total: 6550, lines: [{ code: 'expense:servers', name: '服务器费用', amount: 6550 }] }, period));
    expect(csv).toBe('\uFEFF科目编码,科目名称,金额\r\nexpense:servers,服务器费用,65.50\r\n,费用合计,65.50\r\n');
  });

  it('Content-Disposition has an ASCII filename and the Chinese one per RFC 5987', () => {
    const t = reportTable('profit-and-loss', profitAndLoss([]), period);
    expect(contentDisposition(t, 'xlsx')).toBe(
      `attachment; filename="profit-and-loss-2026-11-01-2026-11-30.xlsx"; filename*=UTF-8''${encodeURIComponent('利润表-2026-11-01-2026-11-30.xlsx')}`,
    );
  });
});

describe('XLSX', () => {
  it('reads back with a title block, numeric money cells formatted #,##0.00', async () => {
    const t = reportTable('profit-and-loss', profitAndLoss(sums), period);
    const buf = await tableXlsx(t, { cities: '上海', generatedAt: new Date('2026-12-01T02:00:00Z') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('利润表');
    expect(ws.getCell('B2').value).toBe('2026-11-01 至 2026-11-30');
    expect(ws.getCell('B3').value).toBe('上海');
    expect(ws.getCell('B4').value).toBe('2026-12-01 10:00');
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['项目', '科目编码', '科目名称', '金额']);
    const net = ws.getRow(6 + t.rows.length);
    expect(net.getCell(1).value).toBe('净利润');
    expect(net.getCell(4).value).toBe(234.5);
    expect(net.getCell(4).numFmt).toBe('#,##0.00');
  });
});

describe('dates', () => {
  it('instants in Asia/Shanghai, bare dates and labels kept', () => {
    expect(csvCell('2026-11-30T16:30:00.000Z', 'date')).toBe('2026-12-01 00:30');
    expect(csvCell('2026-11-02', 'date')).toBe('2026-11-02');
    expect(csvCell('合计', 'date')).toBe('合计');
  });
});
