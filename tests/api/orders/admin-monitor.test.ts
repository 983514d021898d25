import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createCity } from '../../helpers/fixtures';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let shanghai: string;
let kefu: { Authorization: string };
let opsHz: { Authorization: string };
let caiwu: { Authorization: string };

async function paidOrder(scheduledAt = localAt(3, 9)) {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt, paymentMode: 'full' })
    .expect(201);
  await pay(app.strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
  return res.body.data;
}

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu@test.shangmen', '客服')).auth;
  opsHz = (await createAdminSession(app.strapi, app.http, 'ops-hz@test.shangmen', '城市运营')).auth;
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu@test.shangmen', '财务')).auth;
  shanghai = (await paidOrder()).documentId;
});
afterAll(async () => {
  await app?.close();
});

describe('订单监控 admin routes', () => {
  it('lists orders with filters for customer service', async () => {
    const res = await app.http.get('/orders/orders?status=pending_acceptance&city=310100').set(kefu).expect(200);
    expect(res.body.data.map((o: any) => o.documentId)).toContain(shanghai);
    expect(res.body.data[0]).toMatchObject({ status: 'pending_acceptance', city: '310100', category: { slug: 'home-cleaning' } });
    await app.http.get('/orders/orders?status=nope').set(kefu).expect(400);
  });

  it('hides other cities from a 城市运营 (list and detail)', async () => {
    const list = await app.http.get('/orders/orders').set(opsHz).expect(200);
    expect(list.body.data).toEqual([]);
    await app.http.get(`/orders/orders/${shanghai}`).set(opsHz).expect(404);
    await app.http.post(`/orders/orders/${shanghai}/cancel`).set(opsHz).send({ reason: '越权' }).expect(404);
  });

  it('shows the detail with its timeline', async () => {
    const res = await app.http.get(`/orders/orders/${shanghai}`).set(kefu).expect(200);
    expect(res.body.data.events.map((e: any) => e.event)).toEqual(['create', 'pay']);
    expect(res.body.data.member).toMatchObject({ phone: '13811110000' });
  });

  it('flags paid orders nobody accepted in time', async () => {
    const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
    try {
      clock.use(fixedClock(new Date(Date.now() + 2 * 3_600_000)));
      const res = await app.http.get('/orders/orders?exceptions=true').set(kefu).expect(200);
      const flagged = res.body.data.find((o: any) => o.documentId === shanghai);
      expect(flagged.exceptions).toEqual([{ code: 'overdue_acceptance', label: '超时未接单' }]);
    } finally {
      clock.reset();
    }
  });

  it('lets customer service assign and reassign with a reason, and finance only read', async () => {
    await app.http.post(`/orders/orders/${shanghai}/assign`).set(caiwu).send({ worker: w.workers[0].workerDocumentId }).expect(403);
    const assigned = await app.http.post(`/orders/orders/${shanghai}/assign`).set(kefu).send({ worker: w.workers[0].workerDocumentId }).expect(200);
    expect(assigned.body.data).toMatchObject({ status: 'accepted', worker: { displayName: '王阿姨' } });
    const moved = await app.http
      .post(`/orders/orders/${shanghai}/reassign`)
      .set(kefu)
      .send({ reason: '师傅临时生病', worker: w.workers[1].workerDocumentId })
      .expect(200);
    expect(moved.body.data).toMatchObject({ status: 'accepted', worker: { displayName: '李阿姨' } });
    expect(moved.body.data.events.map((e: any) => e.event)).toEqual(['create', 'pay', 'accept', 'reassign', 'accept']);
    const held = await app.strapi.db.connection('worker_slots').where({ worker_id: w.workers[0].workerId }).count('* as n');
    expect(Number(held[0].n)).toBe(0);
    await app.http.post(`/orders/orders/${shanghai}/reassign`).set(kefu).send({}).expect(400);
  });

  it('cancels as an operator, waiving the fee when asked', async () => {
    const res = await app.http.post(`/orders/orders/${shanghai}/cancel`).set(kefu).send({ reason: '平台原因', waiveFee: true }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', cancelledBy: 'operator', cancellationFee: 0, amounts: { refunded: 9000, refundPending: 0 } });
  });

  it('refuses members and anonymous callers', async () => {
    await app.http.get('/orders/orders').expect(401);
    await app.http.get('/orders/orders').set(w.member.auth).expect(401);
  });
});
