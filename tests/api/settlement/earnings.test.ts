import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, inDepartWindow, localAt, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import { expectBooksMatchPayments, expectRecognitionMatchesOrders } from '../../helpers/books';

let app: TestApp;
let w: OrderWorld;
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
const ORDER_UID = 'plugin::orders.order';
const ENTRY_UID = 'plugin::settlement.journal-entry';
const EARNING_UID = 'plugin::settlement.worker-earning';
const DAY_MS = 86_400_000;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const cleaning = await app.strapi.db.query('api::catalog.service-category').findOne({ where: { slug: 'home-cleaning' } });
  // Workers in the world hold 保洁 at level 3: the level rate (10%) beats the category's 15%, then the ¥10 minimum applies.
  await app.strapi.documents('api::settings.platform-setting').create({
    data: {
      commission: { defaultPercent: 20, settlementCycleDays: 7, minCommission: 1000, couponsPlatformFunded: true, pointsPlatformFunded: true, workerCancellationSharePercent: 50 },
      categoryCommissions: [{ category: cleaning.documentId, percent: 15 }],
      levelCommissions: [{ level: 3, percent: 10 }],
    },
  } as any);
});
afterEach(() => clock.reset());
afterAll(async () => {
  await app?.close();
});

const worker = () => w.workers[0];
const ledger = () => app.strapi.plugin('settlement').service('ledger');
const balance = async (account: string) => (await ledger().balance(account)) + 0;

async function deliver(orderDocumentId: string, by = worker()) {
  await app.http.post(`/api/orders/${orderDocumentId}/accept`).set(by.auth).expect(200);
  return inDepartWindow(app.strapi, orderDocumentId, async () => {
    for (const step of ['depart', 'arrive', 'start']) await app.http.post(`/api/orders/${orderDocumentId}/${step}`).set(by.auth).send({}).expect(200);
    return (await app.http.post(`/api/orders/${orderDocumentId}/complete`).set(by.auth).send({}).expect(200)).body.data;
  });
}

describe('revenue recognition when an order completes', () => {
  let order: any;
  let row: any;

  beforeAll(async () => {
    order = await placeOrder(app.http, w, 3, 9); // 2 h × ¥45 = 9000
    await pay(app.strapi, order.documentId, 'full', 9000);
    expect((await deliver(order.documentId)).status).toBe('completed');
    row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order.documentId } });
  });

  it('books prepayment → worker payable and commission (level rate 10% raised to the ¥10 minimum)', async () => {
    const entry = await ledger().entries(`order:${row.orderNo}:completed`);
    expect(entry.kind).toBe('order_completed');
    expect(entry.city).toBe('310100');
    const lines = entry.lines.map((l: any) => ({ account: l.account, amount: l.amount })).sort((a: any, b: any) => a.account.localeCompare(b.account));
    expect(lines).toEqual([
      { account: 'customer-prepayments', amount: 9000 },
      { account: 'income:commission', amount: -1000 },
      { account: `worker-payable:${worker().workerId}`, amount: -8000 },
    ]);
    expect(await balance(`worker-payable:${worker().workerId}`)).toBe(8000);
    expect(await balance('income:commission')).toBe(1000);
    // The category rate is read with its category (a relation inside a component), though the level rate beat it here.
    const settings = await app.strapi.service('api::settings.platform-setting').current();
    expect(settings.categoryCommissions).toEqual([expect.objectContaining({ percent: 15, category: expect.objectContaining({ slug: 'home-cleaning' }) })]);
    await expectBooksMatchPayments(app.strapi);
    await expectRecognitionMatchesOrders(app.strapi);
  });

  it('books a repeated completion event once', async () => {
    const port = app.strapi.plugin('orders').service('settlement-port');
    const again = await app.strapi.db.transaction(() => port.orderCompleted(row.id, new Date()));
    expect(again).toMatchObject({ ref: `order:${row.orderNo}:completed`, created: false });
    await port.orderCompleted(row.id, new Date());
    expect(await app.strapi.db.query(ENTRY_UID).count({ where: { ref: `order:${row.orderNo}:completed` } })).toBe(1);
    expect(await app.strapi.db.query(EARNING_UID).count({ where: { orderDocumentId: order.documentId } })).toBe(1);
    expect(await balance(`worker-payable:${worker().workerId}`)).toBe(8000);
    expect(await ledger().trialBalance()).toBe(0);
  });

  it('shows the worker the entry as pending, then settleable after the settlement cycle (T+7)', async () => {
    const res = await app.http.get('/api/me/earnings').set(worker().auth).expect(200);
    expect(res.body.data).toMatchObject({ pending: 8000, settleable: 0, settled: 0 });
    expect(res.body.data.entries).toHaveLength(1);
    const [entry] = res.body.data.entries;
    expect(entry).toMatchObject({ order: order.documentId, orderNo: row.orderNo, kind: 'service', gross: 9000, commission: 1000, net: 8000, status: 'pending', statusLabel: '待结算' });
    expect(entry).not.toHaveProperty('settledAt');
    expect(entry.net + entry.commission).toBe(entry.gross);

    const completedAt = new Date(row.completedAt).getTime();
    clock.use(fixedClock(new Date(completedAt + 7 * DAY_MS - 60_000)));
    expect((await app.http.get('/api/me/earnings').set(worker().auth).expect(200)).body.data).toMatchObject({ pending: 8000, settleable: 0 });
    clock.use(fixedClock(new Date(completedAt + 7 * DAY_MS)));
    // Past T+7 but the member has not confirmed (确认完成): still pending.
    expect((await app.http.get('/api/me/earnings').set(worker().auth).expect(200)).body.data).toMatchObject({ pending: 8000, settleable: 0 });
    await app.http.post(`/api/orders/${order.documentId}/confirm`).set(w.member.auth).send({}).expect(200);
    const earning = await app.strapi.db.query(EARNING_UID).findOne({ where: { orderDocumentId: order.documentId, kind: 'service' } });
    expect(earning).toMatchObject({ awaitingConfirmation: false });
    expect(earning.confirmedAt).toBeTruthy();
    const later = await app.http.get('/api/me/earnings').set(worker().auth).expect(200);
    expect(later.body.data).toMatchObject({ pending: 0, settleable: 8000, settled: 0 });
    expect(later.body.data.entries[0]).toMatchObject({ status: 'settleable', statusLabel: '可结算' });
  });

  it('shows each worker only their own; a member gets 403, nobody signed in 401', async () => {
    const other = await app.http.get('/api/me/earnings').set(w.workers[1].auth).expect(200);
    expect(other.body.data).toEqual({ pending: 0, settleable: 0, settled: 0, entries: [] });
    const member = await app.http.get('/api/me/earnings').set(w.member.auth).expect(403);
    expect(member.body.error.details.code).toBe('FORBIDDEN');
    const anonymous = await app.http.get('/api/me/earnings').expect(401);
    expect(anonymous.body.error.details.code).toBe('UNAUTHENTICATED');
    const bad = await app.http.get('/api/me/earnings?pagination[pageSize]=500').set(worker().auth).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('other completions and fees', () => {
  it('recognises a deposit order when its final payment completes it', async () => {
    const created = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: w.deposit, quantity: 1, address: w.address, scheduledAt: localAt(4, 9), paymentMode: 'deposit' })
      .expect(201);
    const order = created.body.data;
    await pay(app.strapi, order.documentId, 'deposit', 9000);
    expect((await deliver(order.documentId, w.workers[1])).status).toBe('pending_final_payment');
    const orderNo = order.orderNo;
    expect(await app.strapi.db.query(ENTRY_UID).count({ where: { ref: `order:${orderNo}:completed` } })).toBe(0);
    await pay(app.strapi, order.documentId, 'final', 21000);
    // 30000 at the level rate of 10%.
    const earning = await app.strapi.db.query(EARNING_UID).findOne({ where: { ref: `order:${orderNo}:completed` } });
    expect(earning).toMatchObject({ workerId: w.workers[1].workerId, gross: 30000, commission: 3000, net: 27000 });
    await expectBooksMatchPayments(app.strapi);
    await expectRecognitionMatchesOrders(app.strapi);
  });

  it('books a platform-funded coupon as marketing expense; the worker earns on the full price', async () => {
    const coupon = await app.strapi.documents('api::marketing.coupon').create({
      data: { name: '满100减20', code: 'SETTLE-CPN', type: 'threshold', amountOff: 2000, minSpend: 10000, perUserLimit: 5, active: true },
    } as any);
    const grant = await app.strapi.db.transaction(({ trx }) =>
      app.strapi.service('api::marketing.user-coupon').grant(trx, w.member.id, (coupon as any).id, 'grant', new Date()),
    );
    const created = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: w.hourly, quantity: 4, address: w.address, scheduledAt: localAt(5, 9), paymentMode: 'full', coupon: grant.documentId })
      .expect(201);
    const order = created.body.data;
    expect(order.amounts).toMatchObject({ subtotal: 18000, discount: 2000, total: 16000 });
    await pay(app.strapi, order.documentId, 'full', 16000);
    await deliver(order.documentId, w.workers[2]);
    const entry = await ledger().entries(`order:${order.orderNo}:completed`);
    const on = (account: string) => entry.lines.find((l: any) => l.account === account)?.amount;
    expect(on('customer-prepayments')).toBe(16000);
    expect(on('expense:marketing:coupons')).toBe(2000);
    expect(on(`worker-payable:${w.workers[2].workerId}`)).toBe(-16200);
    expect(on('income:commission')).toBe(-1800);
    await expectBooksMatchPayments(app.strapi);
    await expectRecognitionMatchesOrders(app.strapi);
  });

  it('shares a kept cancellation fee with the worker who had set off (50%)', async () => {
    const order = await placeOrder(app.http, w, 6, 9);
    await pay(app.strapi, order.documentId, 'full', 9000);
    const by = w.workers[1];
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(by.auth).expect(200);
    await inDepartWindow(app.strapi, order.documentId, async () => {
      await app.http.post(`/api/orders/${order.documentId}/depart`).set(by.auth).send({}).expect(200);
      // 已出发: 30% of 9000 = 2700, raised to the ¥30 minimum.
      const cancelled = await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
      expect(cancelled.body.data.cancellationFee).toBe(3000);
    });
    const earning = await app.strapi.db.query(EARNING_UID).findOne({ where: { ref: `order:${order.orderNo}:cancellation-fee-split` } });
    expect(earning).toMatchObject({ kind: 'cancellation', workerId: by.workerId, gross: 3000, commission: 1500, net: 1500 });
    expect(await balance('income:cancellation-fees')).toBe(1500);
    const mine = await app.http.get('/api/me/earnings').set(by.auth).expect(200);
    expect(mine.body.data.entries.map((e: any) => [e.order, e.kind, e.net])).toContainEqual([order.documentId, 'cancellation', 1500]);
    await expectBooksMatchPayments(app.strapi);
    expect(await ledger().trialBalance()).toBe(0);
  });
});
