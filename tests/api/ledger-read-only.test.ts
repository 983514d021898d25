import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdminSession } from '../helpers/fixtures';
import { paymentReceived } from '../../src/plugins/settlement/server/src/domain/ledger';

// Journal entries, lines, payments and refunds: read-only in the admin content manager for every role.
let app: TestApp;
let finance: { auth: { Authorization: string } };
let superAdmin: { auth: { Authorization: string } };

const ENTRY = 'plugin::settlement.journal-entry';
const LINE = 'plugin::settlement.journal-line';
const PAYMENT = 'plugin::payments.payment';
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

beforeAll(async () => {
  app = await bootStrapi();
  finance = await createAdminSession(app.strapi, app.http, 'finance@test.shangmen', '财务');
  superAdmin = await createAdminSession(app.strapi, app.http, 'root@test.shangmen', '超级管理员');
  await app.strapi.plugin('settlement').service('ledger').post(paymentReceived('PY20260301000000012345678', 'wechat', 9000, '订单收款 测试'), { city: '310100' });
});
afterAll(async () => {
  await app?.close();
});

async function snapshot() {
  const entries = await app.strapi.db.query(ENTRY).findMany({ populate: { lines: true }, orderBy: { id: 'asc' } });
  const payments = await app.strapi.db.query(PAYMENT).findMany({ orderBy: { id: 'asc' } });
  return JSON.stringify({ entries, payments });
}

describe.each([
  ['财务', () => finance],
  ['超级管理员', () => superAdmin],
])('%s through the admin content-manager API', (_role, session) => {
  it('cannot create, edit or delete journal entries, lines or payments', async () => {
    const entry = await app.strapi.db.query(ENTRY).findOne({ where: { ref: { $notNull: true } }, populate: { lines: true } });
    const payment = await app.strapi.db.query(PAYMENT).create({
      data: { outTradeNo: `PY2026030100000${Date.now() % 1e9}`, memberId: 1, stage: 'full', channel: 'wechat', amount: 9000, paymentStatus: 'created' },
    });
    const before = await snapshot();
    const { auth } = session();
    const attempts = [
      app.http.post(cm(ENTRY)).set(auth).send({ ref: 'forged', kind: 'manual', memo: '手工' }),
      app.http.put(cm(ENTRY, `/${entry.documentId}`)).set(auth).send({ memo: '改了' }),
      app.http.delete(cm(ENTRY, `/${entry.documentId}`)).set(auth),
      app.http.post(cm(ENTRY, '/actions/bulkDelete')).set(auth).send({ documentIds: [entry.documentId] }),
      app.http.put(cm(LINE, `/${entry.lines[0].documentId}`)).set(auth).send({ amount: 1 }),
      app.http.post(cm(LINE)).set(auth).send({ account: 'cash:wechat', amount: 100 }),
      app.http.put(cm(PAYMENT, `/${payment.documentId}`)).set(auth).send({ paymentStatus: 'paid' }),
      app.http.delete(cm(PAYMENT, `/${payment.documentId}`)).set(auth),
      app.http.post(cm(encodeURIComponent(PAYMENT), `/clone/${payment.documentId}`)).set(auth).send({}),
    ];
    for (const res of await Promise.all(attempts)) {
      expect({ url: res.req.path, status: res.status, code: res.body?.error?.details?.code }).toEqual({ url: res.req.path, status: 403, code: 'FORBIDDEN' });
    }
    expect(await snapshot()).toBe(before);
  });
});

it('still lets the super admin read them', async () => {
  const res = await app.http.get(cm(ENTRY)).set(superAdmin.auth).expect(200);
  expect(res.body.results.length).toBeGreaterThan(0);
});

it('grants no admin role a content-manager write permission on them', async () => {
  const writes = await app.strapi.db.query('admin::permission').findMany({
    where: { subject: { $in: [ENTRY, LINE, PAYMENT, 'plugin::payments.refund'] }, action: { $in: ['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.update', 'plugin::content-manager.explorer.delete'] } },
  });
  expect(writes).toEqual([]);
});
