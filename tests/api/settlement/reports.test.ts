import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createCity } from '../../helpers/fixtures';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { zonedParts } from '../../../src/runtime/clock';

let app: TestApp;
let w: OrderWorld;
let caiwu: { Authorization: string };
let opsHz: { Authorization: string };
let opsSh: { Authorization: string };

const today = () => {
  const p = zonedParts(new Date(), 'Asia/Shanghai');
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};
const range = () => `from=${today()}&to=${today()}`;
const report = async (name: string, auth: { Authorization: string }, extra = '') =>
  (await app.http.get(`/settlement/reports/${name}?${range()}${extra}`).set(auth).expect(200)).body.data;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  const sh = await app.strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } });
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-sh@test.shangmen', cities: [sh.documentId] } } as any);
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu@test.shangmen', '财务')).auth;
  opsHz = (await createAdminSession(app.strapi, app.http, 'ops-hz@test.shangmen', '城市运营')).auth;
  opsSh = (await createAdminSession(app.strapi, app.http, 'ops-sh@test.shangmen', '城市运营')).auth;
  for (const [item, mode, stage, days] of [[w.hourly, 'full', 'full', 3], [w.deposit, 'deposit', 'deposit', 4]] as const) {
    const res = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: item, quantity: mode === 'full' ? 2 : 1, address: w.address, scheduledAt: localAt(days, 9), paymentMode: mode })
      .expect(201);
    await pay(app.strapi, res.body.data.documentId, stage, 9000);
  }
});
afterAll(async () => {
  await app?.close();
});

describe('finance reports', () => {
  it('trial balance totals 0 and lists the period turnover with Chinese names', async () => {
    const tb = await report('trial-balance', caiwu);
    expect(tb.total).toBe(0);
    const cash = tb.accounts.find((a: any) => a.code === 'cash:sandbox');
    expect(cash).toMatchObject({ name: '现金-沙箱', debit: 18000, credit: 0, balance: 18000 });
    expect(tb.accounts.find((a: any) => a.code === 'customer-prepayments')).toMatchObject({ name: '客户预收款', credit: 18000, balance: -18000 });
  });

  it('balance sheet balances; cash flow net = change in cash; P&L net = change in equity', async () => {
    const bs = await report('balance-sheet', caiwu);
    expect(bs.assets).toBe(18000);
    expect(bs.assets).toBe(bs.liabilities + bs.equity);
    const cf = await report('cash-flow', caiwu);
    expect(cf).toMatchObject({ opening: 0, net: 18000, closing: 18000 });
    expect(cf.lines).toEqual([{ code: 'customer-prepayments', name: '客户预收款', class: 'operating', amount: 18000 }]);
    const pl = await report('profit-and-loss', caiwu);
    expect(pl.net).toBe(bs.equity);
    expect(await report('income', caiwu)).toMatchObject({ total: 0, granularity: 'day' });
    expect(await report('expenses', caiwu)).toEqual({ total: 0, lines: [] });
    // A week in days: seven buckets in SQL, all empty here (no income before completion).
    const week = (await app.http.get(`/settlement/reports/income?from=2026-11-02&to=2026-11-08&granularity=week`).set(caiwu).expect(200)).body.data;
    expect(week).toMatchObject({ total: 0, granularity: 'week', buckets: [] });
    const days = (await app.http.get(`/settlement/reports/income?from=2026-11-02&to=2026-11-08`).set(caiwu).expect(200)).body.data;
    expect(days).toMatchObject({ total: 0, buckets: [] });
  });

  it('shows a 城市运营 only the figures of their cities', async () => {
    expect((await report('balance-sheet', opsSh)).assets).toBe(18000);
    const hz = await report('balance-sheet', opsHz);
    expect(hz).toMatchObject({ assets: 0, liabilities: 0, equity: 0 });
    expect(await report('trial-balance', opsHz)).toEqual({ total: 0, accounts: [] });
    // Asking for another city's adcode gives nothing, not that city's books.
    expect((await report('balance-sheet', opsHz, '&city=310100')).assets).toBe(0);
    expect((await report('balance-sheet', caiwu, '&city=330100')).assets).toBe(0);
  });

  it('refuses members and workers, and validates the name and dates', async () => {
    await app.http.get(`/settlement/reports/trial-balance?${range()}`).expect(401);
    await app.http.get(`/settlement/reports/trial-balance?${range()}`).set(w.member.auth).expect(401);
    await app.http.get(`/settlement/reports/trial-balance?${range()}`).set(w.workers[0].auth).expect(401);
    for (const url of [
      `/settlement/reports/nope?${range()}`,
      '/settlement/reports/trial-balance?from=2026-02-30&to=2026-03-01',
      '/settlement/reports/trial-balance?from=2026-03-02&to=2026-03-01',
      '/settlement/reports/trial-balance?from=2026-03-01',
      `/settlement/reports/trial-balance?${range()}&x=1`,
    ]) {
      const res = await app.http.get(url).set(caiwu);
      expect([url, res.status, res.body.error?.details?.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
    }
  });
});
