import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, inDepartWindow, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import { createAdminSession, createCity } from '../../helpers/fixtures';

let app: TestApp;
let w: OrderWorld;
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
const EARNING_UID = 'plugin::settlement.worker-earning';
const DAY_MS = 86_400_000;
let caiwu: Record<string, string>;
let opsHz: Record<string, string>;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  await app.strapi.documents('api::settings.platform-setting').create({
    data: { commission: { defaultPercent: 20, settlementCycleDays: 7, minCommission: 0 }, settlement: { cycle: 'daily', minPayoutFen: 100 } },
  } as any);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu@test.shangmen', '财务')).auth;
  opsHz = (await createAdminSession(app.strapi, app.http, 'ops-hz@test.shangmen', '城市运营')).auth;
});
afterEach(() => clock.reset());
afterAll(async () => {
  await app?.close();
});

async function deliver(orderDocumentId: string, by: OrderWorld['workers'][number]) {
  await app.http.post(`/api/orders/${orderDocumentId}/accept`).set(by.auth).expect(200);
  return inDepartWindow(app.strapi, orderDocumentId, async () => {
    for (const step of ['depart', 'arrive', 'start']) await app.http.post(`/api/orders/${orderDocumentId}/${step}`).set(by.auth).send({}).expect(200);
    return (await app.http.post(`/api/orders/${orderDocumentId}/complete`).set(by.auth).send({}).expect(200)).body.data;
  });
}

describe('worker settlement: batch, review, payout', () => {
  it('builds one batch for the closed period, 财务 approves and pays, the worker sees the statement; a rerun settles nothing twice', async () => {
    const worker = w.workers[0];
    const order = await placeOrder(app.http, w, 3, 9); // 9000, 20% → net 7200
    await pay(app.strapi, order.documentId, 'full', 9000);
    await deliver(order.documentId, worker);
    // 确认完成 releases the earning to batches (until then it stays pending).
    expect((await app.strapi.db.query(EARNING_UID).findOne({ where: { orderDocumentId: order.documentId } })).awaitingConfirmation).toBe(true);
    await app.http.post(`/api/orders/${order.documentId}/confirm`).set(w.member.auth).send({}).expect(200);
    const earning = await app.strapi.db.query(EARNING_UID).findOne({ where: { orderDocumentId: order.documentId } });
    expect(earning).toMatchObject({ gross: 9000, commission: 1800, net: 7200, awaitingConfirmation: false });

    // Two days after T+7: the day that closed contains settleableAt.
    clock.use(fixedClock(new Date(new Date(earning.settleableAt).getTime() + 2 * DAY_MS)));
    const [a, b] = await Promise.all([
      app.http.post('/settlement/batches/run').set(caiwu).send({}),
      app.http.post('/settlement/batches/run').set(caiwu).send({}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const batch = (a.status === 201 ? a : b).body.data.batch;
    expect(batch).toMatchObject({ status: 'pending_review', workerCount: 1, gross: 9000, commission: 1800, net: 7200 });
    expect(batch.net + batch.commission).toBe(batch.gross);

    const detail = (await app.http.get(`/settlement/batches/${batch.documentId}`).set(caiwu).expect(200)).body.data;
    expect(detail.statements).toHaveLength(1);
    expect(detail.statements[0]).toMatchObject({ orderCount: 1, orders: [order.orderNo], net: 7200, status: 'pending_review' });

    // 城市运营 of another city sees neither the batch nor its statements, and cannot act.
    expect((await app.http.get(`/settlement/batches/${batch.documentId}`).set(opsHz).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    expect((await app.http.get('/settlement/batches').set(opsHz).expect(200)).body.data).toEqual([]);
    await app.http.post(`/settlement/batches/${batch.documentId}/approve`).set(opsHz).send({}).expect(403);
    // Members and workers are not admins.
    await app.http.get('/settlement/batches').set(worker.auth).expect(401);

    // Paying before approval is a state conflict.
    const early = await app.http.post(`/settlement/batches/${batch.documentId}/pay`).set(caiwu).send({ method: 'sandbox' }).expect(409);
    expect(early.body.error.details.code).toBe('INVALID_TRANSITION');
    await app.http.post(`/settlement/batches/${batch.documentId}/approve`).set(caiwu).send({ note: '已核对' }).expect(200);
    const csv = await app.http.get(`/settlement/batches/${batch.documentId}/bank-file`).set(caiwu).expect(200);
    expect(csv.text).toContain('72.00');
    const bad = await app.http.post(`/settlement/statements/${detail.statements[0].documentId}/pay`).set(caiwu).send({ method: 'manual' }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
    const wechat = await app.http.post(`/settlement/statements/${detail.statements[0].documentId}/pay`).set(caiwu).send({ method: 'wechat' }).expect(400);
    expect(wechat.body.error.details.code).toBe('CHANNEL_DISABLED');
    const paid = (await app.http.post(`/settlement/batches/${batch.documentId}/pay`).set(caiwu).send({ method: 'sandbox' }).expect(200)).body.data;
    expect(paid).toMatchObject({ status: 'paid' });
    expect(paid.statements[0]).toMatchObject({ status: 'paid', payout: expect.objectContaining({ method: 'sandbox', amount: 7200, status: 'paid' }) });
    const again = await app.http.post(`/settlement/statements/${detail.statements[0].documentId}/pay`).set(caiwu).send({ method: 'manual', reference: 'X1' }).expect(409);
    expect(again.body.error.details.code).toBe('CONFLICT');

    // Ledger: worker payable is cleared to cash once.
    const ledger = app.strapi.plugin('settlement').service('ledger');
    expect((await ledger.balance(`worker-payable:${worker.workerId}`)) + 0).toBe(0);
    expect(await ledger.balance('cash:sandbox')).toBe(9000 - 7200);
    expect(await ledger.trialBalance()).toBe(0);

    // The worker sees the statement and payout; earnings show settled.
    const mine = (await app.http.get('/api/me/settlements').set(worker.auth).expect(200)).body;
    expect(mine.data.statements).toHaveLength(1);
    expect(mine.data.statements[0]).toMatchObject({ batchNo: batch.batchNo, gross: 9000, commission: 1800, adjustments: 0, net: 7200, status: 'paid' });
    expect(mine.data.payouts).toEqual([expect.objectContaining({ amount: 7200, status: 'paid' })]);
    expect(mine.meta.pagination).toMatchObject({ total: 1 });
    const earnings = (await app.http.get('/api/me/earnings').set(worker.auth).expect(200)).body.data;
    expect(earnings).toMatchObject({ settled: 7200, settleable: 0, pending: 0 });
    expect(earnings.entries[0]).toMatchObject({ status: 'settled', settledAt: expect.any(String) });
    expect((await app.http.get('/api/me/settlements').set(w.workers[1].auth).expect(200)).body.data.statements).toEqual([]);
    await app.http.get('/api/me/settlements').set(w.member.auth).expect(403);

    // Rerun of the same period and of the next: nothing is taken twice.
    expect((await app.http.post('/settlement/batches/run').set(caiwu).send({}).expect(200)).body.data.created).toBe(false);
    clock.use(fixedClock(new Date(new Date(earning.settleableAt).getTime() + 3 * DAY_MS)));
    const next = (await app.http.post('/settlement/batches/run').set(caiwu).send({}).expect(201)).body.data.batch;
    expect(next).toMatchObject({ workerCount: 0, net: 0 });
    expect(await app.strapi.db.query('plugin::settlement.settlement-statement').count({})).toBe(1);
    expect((await ledger.balance(`worker-payable:${worker.workerId}`)) + 0).toBe(0);
  });

  it('a rejected batch frees its earnings for the next batch; the worker does not see the rejected statement', async () => {
    const worker = w.workers[1];
    const order = await placeOrder(app.http, w, 4, 9);
    await pay(app.strapi, order.documentId, 'full', 9000);
    await deliver(order.documentId, worker);
    await app.http.post(`/api/orders/${order.documentId}/confirm`).set(w.member.auth).send({}).expect(200);
    const earning = await app.strapi.db.query(EARNING_UID).findOne({ where: { orderDocumentId: order.documentId } });
    clock.use(fixedClock(new Date(new Date(earning.settleableAt).getTime() + 4 * DAY_MS)));
    const first = (await app.http.post('/settlement/batches/run').set(caiwu).send({}).expect(201)).body.data.batch;
    expect(first).toMatchObject({ workerCount: 1, net: 7200 });
    const noReason = await app.http.post(`/settlement/batches/${first.documentId}/reject`).set(caiwu).send({}).expect(400);
    expect(noReason.body.error.details.code).toBe('VALIDATION_FAILED');
    await app.http.post(`/settlement/batches/${first.documentId}/reject`).set(caiwu).send({ reason: '金额待核实' }).expect(200);
    const twice = await app.http.post(`/settlement/batches/${first.documentId}/approve`).set(caiwu).send({}).expect(409);
    expect(twice.body.error.details.code).toBe('INVALID_TRANSITION');
    expect((await app.http.get('/api/me/settlements').set(worker.auth).expect(200)).body.data.statements).toEqual([]);
    clock.use(fixedClock(new Date(new Date(earning.settleableAt).getTime() + 5 * DAY_MS)));
    const second = (await app.http.post('/settlement/batches/run').set(caiwu).send({}).expect(201)).body.data.batch;
    expect(second).toMatchObject({ workerCount: 1, net: 7200, status: 'pending_review' });
    const taken = await app.strapi.db.query(EARNING_UID).findOne({ where: { id: earning.id } });
    const statement = await app.strapi.db.query('plugin::settlement.settlement-statement').findOne({ where: { id: taken.settlementRef } });
    expect(statement.batchNo).toBe(second.batchNo);
  });
});
