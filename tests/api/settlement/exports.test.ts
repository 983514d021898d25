import ExcelJS from 'exceljs';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createCity } from '../../helpers/fixtures';
import { buildOrderWorld, inDepartWindow, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import { zonedParts } from '../../../src/runtime/clock';

let app: TestApp;
let w: OrderWorld;
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
const DAY_MS = 86_400_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let caiwu: Record<string, string>;
let opsHz: Record<string, string>;
let opsSh: Record<string, string>;
let kefu: Record<string, string>;
let batchId: string;
let shName: string;

const day = (offset: number) => {
  const p = zonedParts(new Date(Date.now() + offset * DAY_MS), 'Asia/Shanghai');
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};
// Payment today, completion at the booked day: the range holds both.
const from = day(-1);
const to = day(30);
const range = `from=${from}&to=${to}`;

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (url: string, auth: Record<string, string>) => app.http.get(url).set(auth).buffer(true).parse(binary);

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { ws, rows };
}
const csvRows = (buf: Buffer) =>
  buf
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));
/** The last (total) figure of the row labelled `label`, in fen. */
const figure = (rows: unknown[][], label: string) => {
  // The last such row: a header may carry the same word (收入报表 has a 合计 column).
  const row = [...rows].reverse().find((r) => r.includes(label));
  if (!row) throw new Error(`no row ${label}`);
  return Math.round(Number(row[row.length - 1]) * 100);
};

const totals: Record<string, Array<[string, (d: any) => number]>> = {
  'trial-balance': [['合计', (d) => d.total]],
  income: [['合计', (d) => d.total]],
  expenses: [['费用合计', (d) => d.total]],
  'profit-and-loss': [
    ['收入合计', (d) => d.income],
    ['净利润', (d) => d.net],
  ],
  'balance-sheet': [
    ['资产合计', (d) => d.assets],
    ['负债合计', (d) => d.liabilities],
    ['所有者权益合计', (d) => d.equity],
  ],
  'cash-flow': [
    ['期初现金', (d) => d.opening],
    ['现金净流量', (d) => d.net],
    ['期末现金', (d) => d.closing],
  ],
};
const titles: Record<string, string> = {
  'trial-balance': '试算平衡表',
  income: '收入报表',
  expenses: '费用报表',
  'profit-and-loss': '利润表',
  'balance-sheet': '资产负债表',
  'cash-flow': '现金流量表',
};

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  await app.strapi.documents('api::settings.platform-setting').create({
    data: { commission: { defaultPercent: 20, settlementCycleDays: 7, minCommission: 0 }, settlement: { cycle: 'daily', minPayoutFen: 100 } },
  } as any);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  const sh = await app.strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } });
  shName = sh.name;
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'exp-ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'exp-ops-sh@test.shangmen', cities: [sh.documentId] } } as any);
  caiwu = (await createAdminSession(app.strapi, app.http, 'exp-caiwu@test.shangmen', '财务')).auth;
  opsHz = (await createAdminSession(app.strapi, app.http, 'exp-ops-hz@test.shangmen', '城市运营')).auth;
  opsSh = (await createAdminSession(app.strapi, app.http, 'exp-ops-sh@test.shangmen', '城市运营')).auth;
  kefu = (await createAdminSession(app.strapi, app.http, 'exp-kefu@test.shangmen', '客服')).auth;

  // One delivered order (commission income, a worker payable) and its settlement batch.
  const worker = w.workers[0];
  const order = await placeOrder(app.http, w, 3, 9);
  await pay(app.strapi, order.documentId, 'full', 9000);
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const step of ['depart', 'arrive', 'start']) await app.http.post(`/api/orders/${order.documentId}/${step}`).set(worker.auth).send({}).expect(200);
    await app.http.post(`/api/orders/${order.documentId}/complete`).set(worker.auth).send({}).expect(200);
  });
  // 确认完成 releases the earning to settlement batches.
  await app.http.post(`/api/orders/${order.documentId}/confirm`).set(w.member.auth).send({}).expect(200);
  const earning = await app.strapi.db.query('plugin::settlement.worker-earning').findOne({ where: { orderDocumentId: order.documentId } });
  clock.use(fixedClock(new Date(new Date(earning.settleableAt).getTime() + 2 * DAY_MS)));
  try {
    batchId = (await app.http.post('/settlement/batches/run').set(caiwu).send({}).expect(201)).body.data.batch.documentId;
  } finally {
    clock.reset();
  }
});
afterAll(async () => {
  await app?.close();
});

describe('report exports', () => {
  it.each(Object.keys(totals))('%s as CSV and XLSX carries the JSON totals', async (name) => {
    const json = (await app.http.get(`/settlement/reports/${name}?${range}`).set(caiwu).expect(200)).body.data;
    const file = `${titles[name]}-${from}-${to}`;

    const csv = await download(`/settlement/reports/${name}?${range}&format=csv`, caiwu).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${name}-${from}-${to}.csv"; filename*=UTF-8''${encodeURIComponent(`${file}.csv`)}`);
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const crows = csvRows(csv.body);

    const xlsx = await download(`/settlement/reports/${name}?${range}&format=xlsx`, caiwu).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${file}.xlsx`)}`);
    const { ws, rows } = await readXlsx(xlsx.body);
    expect(ws.getCell('A1').value).toBe(titles[name]);
    expect(ws.getCell('B2').value).toBe(`${from} 至 ${to}`);
    expect(ws.getCell('B3').value).toBe('全部城市');
    // Header line 6 in XLSX is the CSV's first line.
    expect(rows[5]).toEqual(crows[0]);
    expect(rows.length - 6).toBe(crows.length - 1);

    for (const [label, pick] of totals[name]) {
      expect([label, figure(crows, label)]).toEqual([label, pick(json)]);
      expect([label, figure(rows, label)]).toEqual([label, pick(json)]);
    }
    // Money is numeric in XLSX, formatted so it sums in Excel.
    const total = ws.getRow(rows.length);
    expect(typeof total.getCell(total.cellCount).value).toBe('number');
    expect(total.getCell(total.cellCount).numFmt).toBe('#,##0.00');
  });

  it('has figures worth comparing: cash in, commission income', async () => {
    const pl = (await app.http.get(`/settlement/reports/profit-and-loss?${range}`).set(caiwu).expect(200)).body.data;
    const bs = (await app.http.get(`/settlement/reports/balance-sheet?${range}`).set(caiwu).expect(200)).body.data;
    expect(pl.income).toBeGreaterThan(0);
    expect(bs.assets).toBeGreaterThan(0);
    const tb = csvRows((await download(`/settlement/reports/trial-balance?${range}&format=csv`, caiwu).expect(200)).body);
    expect(tb[0]).toEqual(['科目编码', '科目名称', '本期借方', '本期贷方', '期末余额']);
    expect(tb.find((r) => r[0] === 'cash:sandbox')).toEqual(['cash:sandbox', '现金-沙箱', '90.00', '0.00', '90.00']);
  });

  it('a 城市运营 export holds only their cities', async () => {
    const all = (await app.http.get(`/settlement/reports/balance-sheet?${range}`).set(caiwu).expect(200)).body.data;
    const sh = await readXlsx((await download(`/settlement/reports/balance-sheet?${range}&format=xlsx`, opsSh).expect(200)).body);
    expect(sh.ws.getCell('B3').value).toBe(shName);
    expect(figure(sh.rows, '资产合计')).toBe(all.assets);
    const hz = csvRows((await download(`/settlement/reports/balance-sheet?${range}&format=csv`, opsHz).expect(200)).body);
    expect(figure(hz, '资产合计')).toBe(0);
    expect(hz.filter((r) => r[1] !== '')).toEqual([['类别', '科目编码', '科目名称', '金额']]);
    // Another city's adcode gives nothing, as in JSON.
    expect(figure(csvRows((await download(`/settlement/reports/balance-sheet?${range}&city=310100&format=csv`, opsHz).expect(200)).body), '资产合计')).toBe(0);
  });

  it('refuses an admin without the action and validates format', async () => {
    await app.http.get(`/settlement/reports/balance-sheet?${range}&format=csv`).set(kefu).expect(403);
    await app.http.get(`/settlement/reports/balance-sheet?${range}&format=xlsx`).expect(401);
    for (const url of [`/settlement/reports/balance-sheet?${range}&format=pdf`, `/settlement/batches/${batchId}?format=xls`]) {
      const res = await app.http.get(url).set(caiwu);
      expect([url, res.status, res.body.error?.details?.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
    }
  });
});

describe('settlement batch export', () => {
  it('lists the statements per worker with the status label, totals as in JSON', async () => {
    const json = (await app.http.get(`/settlement/batches/${batchId}`).set(caiwu).expect(200)).body.data;
    expect(json.statements).toHaveLength(1);
    const st = json.statements[0];

    const xlsx = await download(`/settlement/batches/${batchId}?format=xlsx`, caiwu).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="settlement-batch-[A-Za-z0-9._-]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(xlsx.headers['content-disposition'].split("UTF-8''")[1])).toMatch(new RegExp(`^结算批次-${json.batchNo}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const { ws, rows } = await readXlsx(xlsx.body);
    expect(ws.getCell('A1').value).toBe(`结算批次-${json.batchNo}`);
    expect(rows[5]).toEqual(['结算单号', '师傅', '城市', '订单数', '订单号', '订单金额', '平台佣金', '调整', '应付金额', '状态', '付款时间']);
    expect(rows[6].slice(0, 10)).toEqual([st.statementNo, st.worker.name, st.city, st.orderCount, st.orders.join(' '), st.gross / 100, st.commission / 100, st.adjustments ? st.adjustments / 100 : 0, st.net / 100, '待审核']);
    expect(figure(rows.map((r) => r.slice(0, 9)), '合计')).toBe(json.net);

    const csv = csvRows((await download(`/settlement/batches/${batchId}?format=csv`, caiwu).expect(200)).body);
    expect(csv[1].slice(8, 10)).toEqual([(st.net / 100).toFixed(2), '待审核']);
    expect(csv[2].slice(0, 1).concat(csv[2].slice(8, 9))).toEqual(['合计', (json.net / 100).toFixed(2)]);
  });

  it('same RBAC and city scope as the JSON answer', async () => {
    await app.http.get(`/settlement/batches/${batchId}?format=csv`).set(kefu).expect(403);
    expect((await app.http.get(`/settlement/batches/${batchId}?format=xlsx`).set(opsHz).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    const sh = await readXlsx((await download(`/settlement/batches/${batchId}?format=xlsx`, opsSh).expect(200)).body);
    expect(sh.ws.getCell('B3').value).toBe(shName);
    expect(sh.rows.slice(6, -1).map((r) => r[2])).toEqual(['310100']);
  });
});
