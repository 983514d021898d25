import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld, inDepartWindow } from '../../helpers/orders';
import { createCity } from '../../helpers/fixtures';
import { eventually } from '../../helpers/dispatch';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

async function placed(body: Record<string, unknown> = {}) {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 4, address: w.address, scheduledAt: localAt(3, 9), paymentMode: 'full', ...body })
    .expect(201);
  return res.body.data;
}

async function inState(state: string, scheduledAt = localAt(3, 9)) {
  const order = await placed({ scheduledAt });
  if (state === 'pending_payment') return order;
  await pay(app.strapi, order.documentId, 'full', order.amounts.total);
  if (state === 'pending_acceptance') return order;
  const worker = w.workers[0];
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  const steps: Record<string, string[]> = { accepted: [], on_the_way: ['depart'], arrived: ['depart', 'arrive'], in_service: ['depart', 'arrive', 'start'] };
  await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const action of steps[state]) await app.http.post(`/api/orders/${order.documentId}/${action}`).set(worker.auth).expect(200);
  });
  return order;
}

const cancel = (id: string, auth = w.member.auth) => app.http.post(`/api/orders/${id}/cancel`).set(auth).send({ reason: '计划有变' });

describe('cancellation fees by state (order total ¥180)', () => {
  it.each([
    ['pending_payment', localAt(3, 9), 0, 0],
    ['pending_acceptance', localAt(3, 9), 0, 18000],
    // accepted ≥ 24 h before: free
    ['accepted', localAt(3, 9), 0, 18000],
    // on the way: 30% with a ¥30 minimum → 5400
    ['on_the_way', localAt(3, 9), 5400, 12600],
    // arrived: 50% → 9000
    ['arrived', localAt(3, 9), 9000, 9000],
    // in service: 100%
    ['in_service', localAt(3, 9), 18000, 0],
  ])('%s (%s): fee %i, refund %i', async (state, at, fee, refund) => {
    const order = await inState(state as string, at as string);
    const res = await cancel(order.documentId).expect(200);
    // The sandbox channel refunds at once, so the refund is done, not just owed.
    expect(res.body.data).toMatchObject({ status: 'cancelled', cancellationFee: fee, amounts: { cancellationFee: fee, refunded: refund, refundPending: 0 } });
    expect(res.body.data.events.at(-1)).toMatchObject({ event: refund > 0 ? 'refund' : 'cancel' });
    const held = await app.strapi.db.connection('worker_slots').where({ order_id: (await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId } })).id }).count('* as n');
    expect(Number(held[0].n)).toBe(0);
  });

  it('charges by hours left once accepted: 10% from 2 h, 20% (min ¥20) inside 2 h', async () => {
    const order = await inState('accepted', localAt(3, 9));
    const late = await inState('accepted', localAt(4, 9));
    const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
    const start = new Date(localAt(3, 9)).getTime();
    try {
      clock.use(fixedClock(new Date(start - 5 * 3_600_000)));
      const fiveHours = await cancel(order.documentId).expect(200);
      expect(fiveHours.body.data.cancellationFee).toBe(1800);
      clock.use(fixedClock(new Date(new Date(localAt(4, 9)).getTime() - 3_600_000)));
      expect((await cancel(late.documentId).expect(200)).body.data.cancellationFee).toBe(3600);
    } finally {
      clock.reset();
    }
  });

  it('refuses to cancel a completed order and another member’s order', async () => {
    const order = await inState('in_service');
    await app.http.post(`/api/orders/${order.documentId}/complete`).set(w.workers[0].auth).expect(200);
    // Completion earns points by spend (¥180 → 180) once the queued job ran; later balances count on it.
    const earned = await eventually(() => app.strapi.db.query('api::marketing.points-entry').findOne({ where: { ref: `order_completed:${order.documentId}` } }));
    expect(earned.delta).toBe(180);
    expect((await cancel(order.documentId).expect(409)).body.error.details.code).toBe('INVALID_TRANSITION');
    const mine = await placed();
    await cancel(mine.documentId, w.other.auth).expect(404);
  });

  it('needs a reason', async () => {
    const order = await placed();
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({}).expect(400);
  });
});

describe('coupons and points on orders', () => {
  it('reserves the coupon and spends points at booking, and gives both back on cancel', async () => {
    const s = app.strapi;
    const coupon = await s.documents('api::marketing.coupon').create({
      data: { name: '满100减20', code: 'ORD100-20', type: 'threshold', amountOff: 2000, minSpend: 10000, perUserLimit: 5, active: true },
    } as any);
    const grant = await s.db.transaction(({ trx }) => s.service('api::marketing.user-coupon').grant(trx, w.member.id, (coupon as any).id, 'grant', new Date()));
    const before = (await app.http.get('/api/me/points').set(w.member.auth)).body.data.balance;
    await s.db.transaction(({ trx }) => s.service('api::marketing.points').post(trx, w.member.id, { delta: 5000, reason: 'admin_adjust', ref: 'orders-test:points' }));

    const quote = await app.http.post('/api/orders/quote').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 4, coupon: grant.documentId, usePoints: true }).expect(200);
    // 18000 − 2000 = 16000; points may cover 10% → 1600 fen = 1600 points.
    expect(quote.body.data).toMatchObject({ subtotal: 18000, discount: 2000, pointsUsed: 1600, pointsDeduction: 1600, total: 14400 });

    const order = await placed({ coupon: grant.documentId, usePoints: true });
    expect(order.amounts).toMatchObject({ discount: 2000, pointsDeduction: 1600, total: 14400 });
    const reserved = await s.db.query('api::marketing.user-coupon').findOne({ where: { documentId: grant.documentId } });
    expect(reserved).toMatchObject({ couponStatus: 'reserved', orderRef: order.documentId });
    expect((await app.http.get('/api/me/points').set(w.member.auth)).body.data.balance).toBe(before + 3400);

    const again = await app.http.post('/api/orders').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 4, address: w.address, scheduledAt: localAt(3, 9), paymentMode: 'full', coupon: grant.documentId }).expect(400);
    expect(again.body.error.details).toMatchObject({ code: 'COUPON_INVALID', reason: 'used' });

    await cancel(order.documentId).expect(200);
    expect((await s.db.query('api::marketing.user-coupon').findOne({ where: { documentId: grant.documentId } })).couponStatus).toBe('available');
    expect((await app.http.get('/api/me/points').set(w.member.auth)).body.data.balance).toBe(before + 5000);
  });

  it('refuses more points than the member has', async () => {
    const res = await app.http.post('/api/orders/quote').set(w.other.auth).send({ serviceItem: w.hourly, quantity: 4, usePoints: 100 }).expect(409);
    expect(res.body.error.details.code).toBe('INSUFFICIENT_POINTS');
  });
});

describe('modification before acceptance', () => {
  it('re-quotes an unpaid order', async () => {
    const order = await placed();
    const res = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 5, scheduledAt: localAt(4, 14) }).expect(200);
    expect(res.body.data).toMatchObject({ quantity: 5, durationMinutes: 300, amounts: { total: 22500, payNow: 22500 } });
    expect(new Date(res.body.data.scheduledAt).toISOString()).toBe(localAt(4, 14));
    expect(res.body.data.events.at(-1)).toMatchObject({ event: 'modify' });
  });

  it('turns a dearer change of a paid order into balance due, and a cheaper one into a refund owed', async () => {
    const order = await inState('pending_acceptance');
    const dearer = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 6 }).expect(200);
    expect(dearer.body.data.amounts).toMatchObject({ total: 27000, paid: 18000, balanceDue: 9000, refundPending: 0 });
    const cheaper = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 2 }).expect(200);
    expect(cheaper.body.data.amounts).toMatchObject({ total: 9000, paid: 18000, balanceDue: 0, refunded: 9000, refundPending: 0 });
  });

  it('lets one of several simultaneous changes through and keeps the money consistent', async () => {
    const order = await inState('pending_acceptance');
    const results = await Promise.all(
      [2, 3, 5, 6, 7, 8].map((quantity) => app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity })),
    );
    const outcomes = results.map((r) => (r.status === 200 ? 'ok' : `${r.status} ${r.body.error?.details?.code}`));
    expect(outcomes.filter((o) => o !== 'ok' && o !== '409 CONFLICT')).toEqual([]);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const after = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200)).body.data;
    const a = after.amounts;
    expect(a.total).toBe(after.quantity * 4500);
    // What was paid, minus what went back or is owed back, plus what is still due, is the price.
    expect(a.paid - a.refunded - a.refundPending + a.balanceDue).toBe(a.total);
  });

  it('refunds on cancellation only what the platform still holds after an earlier partial refund', async () => {
    const order = await inState('pending_acceptance');
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 2 }).expect(200);
    const cancelled = await cancel(order.documentId).expect(200);
    expect(cancelled.body.data.amounts).toMatchObject({ total: 9000, paid: 18000, refunded: 18000, refundPending: 0, cancellationFee: 0 });
    const payments = await app.strapi.db.query('plugin::payments.payment').findMany({ where: { orderRef: (await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId } })).id } });
    expect(payments.map((p: any) => [p.paymentStatus, p.refundedAmount])).toEqual([['refunded', 18000]]);
  });

  it('asks a member who got money back and then booked more for the real difference', async () => {
    const order = await inState('pending_acceptance');
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 2 }).expect(200);
    const dearer = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 8 }).expect(200);
    expect(dearer.body.data.amounts).toMatchObject({ total: 36000, paid: 18000, refunded: 9000, balanceDue: 27000 });
  });

  it('moves an order to a new address in another city, city included, so the new city’s operators see it', async () => {
    await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
    const hz = await app.http
      .post('/api/addresses')
      .set(w.member.auth)
      .send({ data: { contact: '陈女士', phone: '13811110000', city: '330100', district: '西湖区', detail: '文三路 90 号', lat: 30.28, lng: 120.13 } })
      .expect(201);
    const order = await inState('pending_acceptance');
    const res = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ address: hz.body.data.documentId }).expect(200);
    expect(res.body.data.address).toMatchObject({ city: '330100', detail: '文三路 90 号' });
    const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId }, populate: { city: true, address: true } });
    expect(row.city.adcode).toBe('330100');
    expect(row.address.documentId).toBe(hz.body.data.documentId);
  });

  it('refuses an empty change, a past time and someone else’s order', async () => {
    const order = await placed();
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({}).expect(400);
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ scheduledAt: localAt(-1, 10) }).expect(400);
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.other.auth).send({ quantity: 3 }).expect(404);
  });
});

describe('preferred worker', () => {
  it('books a chosen worker who is free, and only that worker can accept', async () => {
    const order = await placed({ worker: w.workers[1].workerDocumentId, scheduledAt: localAt(5, 9) });
    expect(order.preferredWorker).toMatchObject({ displayName: '李阿姨' });
    await pay(app.strapi, order.documentId, 'full', order.amounts.total);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(404);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[1].auth).expect(200);
    const clash = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(5, 10), paymentMode: 'full', worker: w.workers[1].workerDocumentId })
      .expect(409);
    expect(clash.body.error.details.code).toBe('WORKER_UNAVAILABLE');
  });

  it('refuses a worker who cannot do the job', async () => {
    const res = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(5, 15), paymentMode: 'full', worker: w.outsider.workerDocumentId })
      .expect(409);
    expect(res.body.error.details.code).toBe('WORKER_UNAVAILABLE');
  });
});

describe('recurring bookings', () => {
  it('creates weekly child orders, each with its own lifecycle', async () => {
    const order = await placed({ scheduledAt: localAt(2, 9), recurrence: { freq: 'weekly', count: 4 } });
    expect(order.children).toHaveLength(3);
    const times = [order.scheduledAt, ...order.children.map((c: any) => c.scheduledAt)].map((t: string) => new Date(t).getTime());
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(7 * 86_400_000);
    const child = await app.http.get(`/api/orders/${order.children[0].documentId}`).set(w.member.auth).expect(200);
    expect(child.body.data).toMatchObject({ status: 'pending_payment', parent: order.documentId, amounts: { total: 18000 } });
    await cancel(order.children[0].documentId).expect(200);
    expect((await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_payment');
  });

  it('rejects an invalid rule', async () => {
    const res = await app.http
      .post('/api/orders')
      .set(w.member.auth)
      .send({ serviceItem: w.hourly, quantity: 4, address: w.address, scheduledAt: localAt(2, 9), paymentMode: 'full', recurrence: { freq: 'weekly', count: 3, until: '2030-01-01' } })
      .expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('unpaid timeout', () => {
  it('closes an unpaid order and returns what it held', async () => {
    const order = await placed();
    const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId } });
    const unpaid = app.strapi.plugin('orders').service('unpaid-timeout');
    expect(await unpaid.runNow(row.id)).toBe(true);
    const res = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', cancelledBy: 'system' });
    expect(await unpaid.runNow(row.id)).toBe(false);
  });

  it('leaves paid orders alone', async () => {
    const order = await inState('pending_acceptance');
    const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId } });
    expect(await app.strapi.plugin('orders').service('unpaid-timeout').runNow(row.id)).toBe(false);
  });
});
