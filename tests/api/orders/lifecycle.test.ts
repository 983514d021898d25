import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, recordPayment, type OrderWorld, inDepartWindow } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

const book = (body: Record<string, unknown>, auth = w.member.auth) =>
  app.http.post('/api/orders').set(auth).send({ serviceItem: w.hourly, quantity: 3, address: w.address, scheduledAt: localAt(2, 10), paymentMode: 'full', ...body });

describe('quote', () => {
  it('prices items × quantity', async () => {
    const res = await app.http.post('/api/orders/quote').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 3 }).expect(200);
    expect(res.body.data).toMatchObject({ subtotal: 13500, discount: 0, pointsDeduction: 0, total: 13500, deposit: 0, balanceDue: 0 });
    expect(res.body.data.items).toEqual([expect.objectContaining({ name: '日常保洁', unitPrice: 4500, quantity: 3, amount: 13500 })]);
  });

  it('refuses quantities outside the item limits', async () => {
    const res = await app.http.post('/api/orders/quote').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 1 }).expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('requires sign-in', async () => {
    await app.http.post('/api/orders/quote').send({ serviceItem: w.hourly, quantity: 3 }).expect(401);
  });
});

describe('full payment lifecycle', () => {
  let order: any;

  it('creates the order pending payment with amounts and an order number', async () => {
    const res = await book({ requirements: { areas: ['厨房', '卫生间'], genderPreference: 'female', note: '有猫' } }).expect(201);
    order = res.body.data;
    expect(order).toMatchObject({ status: 'pending_payment', statusLabel: '待支付', quantity: 3, durationMinutes: 180, paymentMode: 'full' });
    expect(order.orderNo).toMatch(/^SM\d{18}$/);
    expect(order.amounts).toMatchObject({ subtotal: 13500, total: 13500, paid: 0, payNow: 13500 });
    expect(order.address).toMatchObject({ contact: '陈女士', city: '310100', detail: '漕溪北路 1 号' });
    expect(order.events).toEqual([expect.objectContaining({ event: 'create', to: 'pending_payment', actor: 'member' })]);
  });

  it('hides the order from other members and from workers not on it', async () => {
    await app.http.get(`/api/orders/${order.documentId}`).set(w.other.auth).expect(404);
    await app.http.get(`/api/orders/${order.documentId}`).set(w.workers[0].auth).expect(404);
    const list = await app.http.get('/api/orders').set(w.other.auth).expect(200);
    expect(list.body.data).toEqual([]);
  });

  it('cannot be accepted before payment', async () => {
    const res = await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(409);
    expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
  });

  it('moves to pending acceptance when paid', async () => {
    await pay(app.strapi, order.documentId, 'full', 13500);
    const res = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(res.body.data).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 13500, payNow: 0 } });
  });

  it('refuses a worker without the skill, or of the wrong gender', async () => {
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.outsider.auth).expect(403);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[2].auth).expect(403);
  });

  it('is accepted by an eligible worker, who then sees the full address', async () => {
    const res = await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    expect(res.body.data).toMatchObject({ status: 'accepted', worker: { displayName: '王阿姨' } });
    expect(res.body.data.address.detail).toBe('漕溪北路 1 号');
    const slots = await app.strapi.db.connection('worker_slots').where({ worker_id: w.workers[0].workerId }).count('* as n');
    // 10:00–13:00 plus the 30 min travel buffer after it = 10:00–13:30 → 7 slots of 30 min.
    expect(Number(slots[0].n)).toBe(7);
  });

  it('cannot be modified after acceptance', async () => {
    const res = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 4 }).expect(409);
    expect(res.body.error.details.code).toBe('ORDER_NOT_MODIFIABLE');
  });

  it('refuses progress from another worker and illegal jumps', async () => {
    await app.http.post(`/api/orders/${order.documentId}/depart`).set(w.workers[1].auth).expect(404);
    const res = await app.http.post(`/api/orders/${order.documentId}/start`).set(w.workers[0].auth).expect(409);
    expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
    await app.http.post(`/api/orders/${order.documentId}/complete`).set(w.member.auth).expect(403);
  });

  it('walks depart → arrive → start → pause → resume → complete', async () => {
    await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const [action, status] of [
      ['depart', 'on_the_way'],
      ['arrive', 'arrived'],
      ['start', 'in_service'],
      ['pause', 'paused'],
      ['resume', 'in_service'],
      ['complete', 'completed'],
    ]) {
      const res = await app.http.post(`/api/orders/${order.documentId}/${action}`).set(w.workers[0].auth).send({}).expect(200);
      expect(res.body.data.status).toBe(status);
    }
    });
    const detail = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(detail.body.data.events.map((e: any) => e.event)).toEqual(['create', 'pay', 'accept', 'depart', 'arrive', 'start', 'pause', 'resume', 'complete']);
    expect(detail.body.data.timestamps.completedAt).toBeTruthy();
    const slots = await app.strapi.db.connection('worker_slots').where({ worker_id: w.workers[0].workerId }).count('* as n');
    expect(Number(slots[0].n)).toBe(0);
  });

  it('lists the order for the member and the worker, filtered by status', async () => {
    const mine = await app.http.get('/api/orders?status=completed').set(w.member.auth).expect(200);
    expect(mine.body.data.map((o: any) => o.documentId)).toEqual([order.documentId]);
    const theirs = await app.http.get('/api/orders?as=worker').set(w.workers[0].auth).expect(200);
    expect(theirs.body.data.map((o: any) => o.documentId)).toEqual([order.documentId]);
    await app.http.get('/api/orders?status=bogus').set(w.member.auth).expect(400);
  });
});

describe('deposit lifecycle', () => {
  it('collects the deposit, then the balance after the service', async () => {
    const created = await book({ serviceItem: w.deposit, quantity: 1, paymentMode: 'deposit', scheduledAt: localAt(3, 9) }).expect(201);
    const order = created.body.data;
    expect(order.amounts).toMatchObject({ total: 30000, deposit: 9000, balanceDue: 21000, payNow: 9000 });
    await pay(app.strapi, order.documentId, 'deposit', 9000);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[1].auth).expect(200);
    await inDepartWindow(app.strapi, order.documentId, async () => {
      for (const action of ['depart', 'arrive', 'start']) await app.http.post(`/api/orders/${order.documentId}/${action}`).set(w.workers[1].auth).expect(200);
    });
    const done = await app.http.post(`/api/orders/${order.documentId}/complete`).set(w.workers[1].auth).expect(200);
    expect(done.body.data).toMatchObject({ status: 'pending_final_payment', amounts: { paid: 9000, payNow: 21000 } });
    await expect(recordPayment(app.strapi, order.documentId, 'final', 20000)).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
    await pay(app.strapi, order.documentId, 'final', 21000);
    const final = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(final.body.data).toMatchObject({ status: 'completed', amounts: { paid: 30000, payNow: 0 } });
  });

  it('refuses deposit mode on an item without a deposit ratio', async () => {
    const res = await book({ paymentMode: 'deposit' }).expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('bad input', () => {
  it.each([
    ['unknown field', { foo: 1 }],
    ['wrong type', { quantity: '3' }],
    ['both time and instant', { instant: true }],
    ['a time in the past', { scheduledAt: localAt(-1, 10) }],
    ['outside business hours', { scheduledAt: localAt(2, 22) }],
    ['unknown item', { serviceItem: 'nope' }],
    ['bad payment mode', { paymentMode: 'later' }],
  ])('rejects %s with 400 and writes nothing', async (_label, body) => {
    const before = await app.strapi.db.query('plugin::orders.order').count();
    const res = await book(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    expect(await app.strapi.db.query('plugin::orders.order').count()).toBe(before);
  });

  it("refuses another member's address with 404", async () => {
    const res = await book({ address: w.otherAddress }).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
  });

  it('returns the same order for a repeated Idempotency-Key', async () => {
    const first = await book({}).set('Idempotency-Key', 'key-12345678').expect(201);
    const again = await book({}).set('Idempotency-Key', 'key-12345678').expect(200);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);
  });
});
