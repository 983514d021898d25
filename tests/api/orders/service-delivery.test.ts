import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { createAdminSession, createItem } from '../../helpers/fixtures';

let app: TestApp;
let w: OrderWorld;
let packaged: string;
let kefu: { Authorization: string };

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const category = await app.strapi.db.query('api::catalog.service-category').findOne({ where: { slug: 'home-cleaning' } });
  const skill = await app.strapi.db.query('api::catalog.skill').findOne({ where: { slug: 'housekeeping' } });
  packaged = (
    await createItem(app.strapi, category.documentId, 'package-cleaning', '套餐保洁', {
      unit: 'hour', price: 5000, minQuantity: 2, durationMinutes: 120, skills: [skill.documentId],
      packages: [{ code: 'hours-6', name: '6小时卡', quantity: 6, price: 27000 }],
    })
  ).documentId;
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu-delivery@test.shangmen', '客服')).auth;
});
afterAll(async () => {
  await app?.close();
});

const ORDER_UID = 'plugin::orders.order';
const create = (body: Record<string, unknown>, auth = w.member.auth) =>
  app.http.post('/api/orders').set(auth).send({ serviceItem: w.hourly, address: w.address, paymentMode: 'full', ...body });

describe('duration follows the item, quantity and package', () => {
  it('refuses a 15-minute override of a 3-hour booking, at creation and on modification', async () => {
    const res = await create({ quantity: 3, scheduledAt: localAt(3, 9), durationMinutes: 15 }).expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'durationMinutes', expected: 180 });
    // 1,440 minutes (past closing) and 62 days are refused the same way.
    for (const durationMinutes of [1440, 60 * 24 * 62]) await create({ quantity: 3, scheduledAt: localAt(3, 9), durationMinutes }).expect(400);
    expect(await app.strapi.db.query(ORDER_UID).count({ where: { memberId: w.member.id } })).toBe(0);

    const order = (await create({ quantity: 3, scheduledAt: localAt(3, 9) }).expect(201)).body.data;
    expect(order.durationMinutes).toBe(180);
    const modify = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ durationMinutes: 15 }).expect(400);
    expect(modify.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'durationMinutes' });
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order.documentId } });
    expect(row.durationMinutes).toBe(180);
  });

  it('accepts the duration the booking implies (a client echoing it back)', async () => {
    const res = await create({ quantity: 4, scheduledAt: localAt(3, 14), durationMinutes: 240 }).expect(201);
    expect(res.body.data.durationMinutes).toBe(240);
  });

  it('books a package without quantity for the package’s hours, not the catalog default', async () => {
    const res = await create({ serviceItem: packaged, packageCode: 'hours-6', scheduledAt: localAt(4, 9) }).expect(201);
    expect(res.body.data).toMatchObject({ quantity: 6, durationMinutes: 360, amounts: { total: 27000 } });
    // Switching the order to a plain 2-hour line shortens it accordingly.
    const plain = await app.http.patch(`/api/orders/${res.body.data.documentId}`).set(w.member.auth).send({ packageCode: null, quantity: 2 }).expect(200);
    expect(plain.body.data).toMatchObject({ quantity: 2, durationMinutes: 120, amounts: { total: 10000 } });
  });
});

describe('modifying a paid order that used a coupon', () => {
  async function couponFor(memberId: number, code: string) {
    const s = app.strapi;
    const coupon = await s.documents('api::marketing.coupon').create({
      data: { name: '满100减20', code, type: 'threshold', amountOff: 2000, minSpend: 10000, perUserLimit: 5, active: true },
    } as any);
    return s.db.transaction(({ trx }) => s.service('api::marketing.user-coupon').grant(trx, memberId, (coupon as any).id, 'grant', new Date()));
  }

  it('moves the time of a couponed paid order without re-pricing, even after the catalog price changed', async () => {
    const grant = await couponFor(w.member.id, 'DLV-TIME');
    // 4 h × ¥50 = 20000 − 2000 = 18000
    const order = (await create({ serviceItem: packaged, quantity: 4, scheduledAt: localAt(5, 9), coupon: grant.documentId }).expect(201)).body.data;
    expect(order.amounts).toMatchObject({ subtotal: 20000, discount: 2000, total: 18000 });
    await pay(app.strapi, order.documentId, 'full', 18000);
    expect((await app.strapi.db.query('api::marketing.user-coupon').findOne({ where: { documentId: grant.documentId } })).couponStatus).toBe('used');

    const item = await app.strapi.db.query('api::catalog.service-item').findOne({ where: { documentId: packaged } });
    await app.strapi.db.query('api::catalog.service-item').update({ where: { id: item.id }, data: { price: 9000 } });
    try {
      const moved = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ scheduledAt: localAt(6, 14) }).expect(200);
      expect(new Date(moved.body.data.scheduledAt).toISOString()).toBe(localAt(6, 14));
      expect(moved.body.data.amounts).toMatchObject({ subtotal: 20000, discount: 2000, total: 18000, paid: 18000, balanceDue: 0, refundPending: 0 });

      // A change of quantity is priced (today's price), still with the order's own coupon: 5 × 9000 − 2000.
      const more = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 5 }).expect(200);
      expect(more.body.data.amounts).toMatchObject({ subtotal: 45000, discount: 2000, total: 43000, paid: 18000, balanceDue: 25000 });
      expect((await app.strapi.db.query('api::marketing.user-coupon').findOne({ where: { documentId: grant.documentId } })).couponStatus).toBe('used');
    } finally {
      await app.strapi.db.query('api::catalog.service-item').update({ where: { id: item.id }, data: { price: 5000 } });
    }
  });

  it('still refuses someone else’s used coupon being brought into an order', async () => {
    const grant = await couponFor(w.member.id, 'DLV-OTHER');
    const first = (await create({ serviceItem: packaged, quantity: 4, scheduledAt: localAt(7, 9), coupon: grant.documentId }).expect(201)).body.data;
    await pay(app.strapi, first.documentId, 'full', first.amounts.total);
    const res = await create({ serviceItem: packaged, quantity: 4, scheduledAt: localAt(7, 14), coupon: grant.documentId }).expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'COUPON_INVALID', reason: 'used' });
  });
});

describe('travel buffer applied once between consecutive jobs (30-minute setting)', () => {
  async function paidOrder(scheduledAt: string, quantity = 2) {
    const order = (await create({ quantity, scheduledAt }).expect(201)).body.data;
    await pay(app.strapi, order.documentId, 'full', order.amounts.total);
    return order;
  }
  const accept = (id: string, worker = w.workers[2]) => app.http.post(`/api/orders/${id}/accept`).set(worker.auth);
  async function heldSlots(documentId: string) {
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId } });
    const rows = await app.strapi.db.connection('worker_slots').where({ order_id: row.id }).orderBy('slot_key');
    return rows.map((r: any) => new Date(Number(r.slot_key) * 60_000).toISOString());
  }

  it('lets one worker take 10:00–12:00 and 12:30–14:30, and refuses 12:00', async () => {
    const first = await paidOrder(localAt(8, 10));
    await accept(first.documentId).expect(200);
    expect(await heldSlots(first.documentId)).toEqual([localAt(8, 10), localAt(8, 10, 30), localAt(8, 11), localAt(8, 11, 30), localAt(8, 12)]);
    const tooClose = await paidOrder(localAt(8, 12));
    expect((await accept(tooClose.documentId).expect(409)).body.error.details.code).toMatch(/SLOT_TAKEN|WORKER_UNAVAILABLE/);
    const next = await paidOrder(localAt(8, 12, 30));
    await accept(next.documentId).expect(200);
  });

  it('books an off-grid 09:45–11:45 job end to end: held 09:30–12:30, the next job at 12:30 fits, 12:15 does not', async () => {
    // Booked with the worker chosen up front, so the free-time check at creation runs on the same slots.
    const offGrid = (await create({ quantity: 2, scheduledAt: localAt(9, 9, 45), worker: w.workers[2].workerDocumentId }).expect(201)).body.data;
    expect(new Date(offGrid.scheduledAt).toISOString()).toBe(localAt(9, 9, 45));
    await pay(app.strapi, offGrid.documentId, 'full', offGrid.amounts.total);
    await accept(offGrid.documentId).expect(200);
    expect(await heldSlots(offGrid.documentId)).toEqual([localAt(9, 9, 30), localAt(9, 10), localAt(9, 10, 30), localAt(9, 11), localAt(9, 11, 30), localAt(9, 12)]);

    // 12:15 is exactly one buffer after 11:45, but the 30-minute grid rounds it into 12:00: refused, never double-booked.
    const clash = await create({ quantity: 2, scheduledAt: localAt(9, 12, 15), worker: w.workers[2].workerDocumentId }).expect(409);
    expect(clash.body.error.details.code).toBe('WORKER_UNAVAILABLE');
    const next = (await create({ quantity: 2, scheduledAt: localAt(9, 12, 30), worker: w.workers[2].workerDocumentId }).expect(201)).body.data;
    await pay(app.strapi, next.documentId, 'full', next.amounts.total);
    await accept(next.documentId).expect(200);
    const mine = (await app.http.get('/api/orders?as=worker&status=accepted').set(w.workers[2].auth).expect(200)).body.data.map((o: any) => o.documentId);
    expect(mine).toEqual(expect.arrayContaining([offGrid.documentId, next.documentId]));
  });
});

describe('preferred worker on release and reassign', () => {
  async function preferredPaid(day: number, hour: number, worker = w.workers[0]) {
    const order = (await create({ quantity: 2, scheduledAt: localAt(day, hour), worker: worker.workerDocumentId }).expect(201)).body.data;
    await pay(app.strapi, order.documentId, 'full', order.amounts.total);
    return order;
  }
  const preferredOf = async (documentId: string) =>
    (await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId }, populate: { preferredWorker: { select: ['id'] } } })).preferredWorker?.id ?? null;
  const slotOwners = async (documentId: string) => {
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId } });
    const rows = await app.strapi.db.connection('worker_slots').where({ order_id: row.id });
    return [...new Set(rows.map((r: any) => Number(r.worker_id)))];
  };

  it('opens the order to other workers when the chosen worker releases it', async () => {
    const order = await preferredPaid(10, 9);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    const released = await app.http.post(`/api/orders/${order.documentId}/release`).set(w.workers[0].auth).send({ reason: '家中有事' }).expect(200);
    expect(released.body.data.status).toBe('pending_acceptance');
    expect(await preferredOf(order.documentId)).toBeNull();
    const accepted = await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[1].auth).expect(200);
    expect(accepted.body.data).toMatchObject({ status: 'accepted', worker: { displayName: '李阿姨' } });
  });

  it('clears the choice on an operator reassign, so dispatch or another worker can take it', async () => {
    const order = await preferredPaid(10, 14);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    const res = await app.http.post(`/orders/orders/${order.documentId}/reassign`).set(kefu).send({ reason: '师傅临时生病' }).expect(200);
    expect(res.body.data.status).toBe('pending_acceptance');
    expect(await preferredOf(order.documentId)).toBeNull();
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[1].auth).expect(200);
  });

  it('keeps the order with its worker when the reassignment to another worker is refused', async () => {
    const order = await preferredPaid(11, 9);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    // The intended replacement already works 09:00–11:00 that day.
    const busy = (await create({ quantity: 2, scheduledAt: localAt(11, 9) }).expect(201)).body.data;
    await pay(app.strapi, busy.documentId, 'full', busy.amounts.total);
    await app.http.post(`/api/orders/${busy.documentId}/accept`).set(w.workers[1].auth).expect(200);

    const refused = await app.http.post(`/orders/orders/${order.documentId}/reassign`).set(kefu).send({ reason: '换人', worker: w.workers[1].workerDocumentId }).expect(409);
    expect(['SLOT_TAKEN', 'WORKER_UNAVAILABLE']).toContain(refused.body.error.details.code);
    const after = (await app.http.get(`/orders/orders/${order.documentId}`).set(kefu).expect(200)).body.data;
    expect(after).toMatchObject({ status: 'accepted', worker: { displayName: '王阿姨' } });
    expect(after.events.map((e: any) => e.event)).toEqual(['create', 'pay', 'accept']);
    expect(await slotOwners(order.documentId)).toEqual([w.workers[0].workerId]);
    expect(await preferredOf(order.documentId)).toBe(w.workers[0].workerId);

    // To a free worker it goes through in one step, slots moved, choice cleared.
    const moved = await app.http.post(`/orders/orders/${order.documentId}/reassign`).set(kefu).send({ reason: '换人', worker: w.workers[2].workerDocumentId }).expect(200);
    expect(moved.body.data).toMatchObject({ status: 'accepted', worker: { displayName: '张师傅' } });
    expect(moved.body.data.events.map((e: any) => e.event)).toEqual(['create', 'pay', 'accept', 'reassign', 'accept']);
    expect(await slotOwners(order.documentId)).toEqual([w.workers[2].workerId]);
    expect(await preferredOf(order.documentId)).toBeNull();
  });
});

describe('worker step guards', () => {
  const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
  afterEach(() => clock.reset());
  async function acceptedOrder(day: number, hour: number, worker = w.workers[0]) {
    const order = (await create({ quantity: 2, scheduledAt: localAt(day, hour) }).expect(201)).body.data;
    await pay(app.strapi, order.documentId, 'full', order.amounts.total);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
    return order;
  }
  const step = (id: string, action: string, body: Record<string, unknown> = {}, worker = w.workers[0]) =>
    app.http.post(`/api/orders/${id}/${action}`).set(worker.auth).send(body);
  const lastEvent = async (id: string) => (await app.http.get(`/orders/orders/${id}`).set(kefu).expect(200)).body.data.events.at(-1);

  it('opens departure 180 minutes before the start: TOO_EARLY with the time it opens before that', async () => {
    const order = await acceptedOrder(12, 14);
    const opensAt = new Date(new Date(localAt(12, 14)).getTime() - 180 * 60_000);
    const early = await step(order.documentId, 'depart').expect(409);
    expect(early.body.error.details).toMatchObject({ code: 'TOO_EARLY', opensAt: opensAt.toISOString() });
    clock.use(fixedClock(new Date(opensAt.getTime() - 60_000)));
    expect((await step(order.documentId, 'depart').expect(409)).body.error.details.code).toBe('TOO_EARLY');
    clock.use(fixedClock(opensAt));
    expect((await step(order.documentId, 'depart').expect(200)).body.data.status).toBe('on_the_way');
    // Start still needs arrive first: no starting the job from the road.
    expect((await step(order.documentId, 'start').expect(409)).body.error.details.code).toBe('INVALID_TRANSITION');
  });

  it('records the arrival position and distance, flagging far or missing positions without refusing', async () => {
    // Address: 31.19, 121.43.
    const near = await acceptedOrder(13, 9);
    const far = await acceptedOrder(13, 14);
    const none = await acceptedOrder(14, 9);
    for (const o of [near, far, none]) {
      clock.use(fixedClock(new Date(new Date(o.scheduledAt).getTime() - 30 * 60_000)));
      await step(o.documentId, 'depart').expect(200);
    }
    await step(near.documentId, 'arrive', { lat: 31.1905, lng: 121.4305 }).expect(200);
    expect((await lastEvent(near.documentId)).data).toMatchObject({ position: { lat: 31.1905, lng: 121.4305 }, arrivalFlag: null });
    expect((await lastEvent(near.documentId)).data.distanceMeters).toBeGreaterThan(40);
    expect((await lastEvent(near.documentId)).data.distanceMeters).toBeLessThan(120);

    await step(far.documentId, 'arrive', { lat: 31.23, lng: 121.47 }).expect(200);
    const farData = (await lastEvent(far.documentId)).data;
    expect(farData.arrivalFlag).toBe('far');
    expect(farData.distanceMeters).toBeGreaterThan(4000);

    await step(none.documentId, 'arrive', { lat: 31.19 }).expect(400);
    await step(none.documentId, 'arrive', { lat: 'x', lng: 121 }).expect(400);
    expect((await step(none.documentId, 'arrive').expect(200)).body.data.status).toBe('arrived');
    expect((await lastEvent(none.documentId)).data).toMatchObject({ position: null, distanceMeters: null, arrivalFlag: 'no_position' });
  });

  it('lets 客服 perform a step for the worker, with a reason, recorded as the operator’s', async () => {
    const order = await acceptedOrder(15, 9);
    clock.use(fixedClock(new Date(new Date(order.scheduledAt).getTime() - 60 * 60_000)));
    await app.http.post(`/orders/orders/${order.documentId}/steps/depart`).set(kefu).send({}).expect(400);
    await app.http.post(`/orders/orders/${order.documentId}/steps/release`).set(kefu).send({ reason: '师傅手机没电' }).expect(400);
    await app.http.post(`/orders/orders/${order.documentId}/steps/depart`).set(w.member.auth).send({ reason: 'x' }).expect(401);
    const res = await app.http.post(`/orders/orders/${order.documentId}/steps/depart`).set(kefu).send({ reason: '师傅手机没电，电话确认已出发' }).expect(200);
    expect(res.body.data.status).toBe('on_the_way');
    expect(res.body.data.events.at(-1)).toMatchObject({
      event: 'depart',
      actor: 'operator',
      reason: '师傅手机没电，电话确认已出发',
      data: { onBehalfOf: w.workers[0].workerDocumentId },
    });
    // The worker carries on from there themselves.
    await step(order.documentId, 'arrive', { lat: 31.19, lng: 121.43 }).expect(200);

    // An order nobody holds cannot be stepped for a worker.
    clock.reset();
    const open = (await create({ quantity: 2, scheduledAt: localAt(15, 14) }).expect(201)).body.data;
    await pay(app.strapi, open.documentId, 'full', open.amounts.total);
    expect((await app.http.post(`/orders/orders/${open.documentId}/steps/depart`).set(kefu).send({ reason: '测试' }).expect(409)).body.error.details.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a step by a worker the order no longer belongs to', async () => {
    const order = await acceptedOrder(16, 9);
    await app.http.post(`/orders/orders/${order.documentId}/reassign`).set(kefu).send({ reason: '换人', worker: w.workers[1].workerDocumentId }).expect(200);
    clock.use(fixedClock(new Date(new Date(order.scheduledAt).getTime() - 60 * 60_000)));
    await step(order.documentId, 'depart').expect(404);
    await step(order.documentId, 'depart', {}, w.workers[1]).expect(200);
  });
});

describe('Idempotency-Key', () => {
  const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
  afterEach(() => clock.reset());
  const body = () => ({ quantity: 2, scheduledAt: localAt(20, 9) });

  it('replays the same body, refuses a different body with 409 CONFLICT, and frees the key after 24 hours', async () => {
    const first = await create(body()).set('Idempotency-Key', 'delivery-key-1').expect(201);
    const again = await create(body()).set('Idempotency-Key', 'delivery-key-1').expect(200);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);

    const other = await create({ ...body(), quantity: 3 }).set('Idempotency-Key', 'delivery-key-1').expect(409);
    expect(other.body.error.details).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await app.strapi.db.query(ORDER_UID).count({ where: { memberId: w.member.id, scheduledAt: new Date(localAt(20, 9)) } })).toBe(1);

    // 25 hours on, the key names a new request.
    clock.use(fixedClock(new Date(Date.now() + 25 * 3_600_000)));
    const later = await create({ ...body(), quantity: 3 }).set('Idempotency-Key', 'delivery-key-1').expect(201);
    expect(later.body.data.documentId).not.toBe(first.body.data.documentId);
    expect(later.body.data.quantity).toBe(3);
    // And it replays as itself from then on.
    const replay = await create({ ...body(), quantity: 3 }).set('Idempotency-Key', 'delivery-key-1').expect(200);
    expect(replay.body.data.documentId).toBe(later.body.data.documentId);
  });

  it('keeps keys per member', async () => {
    await create(body()).set('Idempotency-Key', 'delivery-key-2').expect(201);
    await create({ ...body(), address: w.otherAddress }, w.other.auth).set('Idempotency-Key', 'delivery-key-2').expect(201);
  });
});

describe('订单监控: business-day date filters and the exceptions view', () => {
  const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
  const { zonedParts } = require('../../../src/runtime/clock');
  afterEach(() => clock.reset());
  const ymd = (iso: string) => {
    const p = zonedParts(new Date(iso), 'Asia/Shanghai');
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  };

  it('reads from/to=YYYY-MM-DD as the Shanghai business day, morning orders included', async () => {
    const morning = (await create({ quantity: 2, scheduledAt: localAt(21, 8) }).expect(201)).body.data;
    const evening = (await create({ quantity: 2, scheduledAt: localAt(21, 17) }).expect(201)).body.data;
    const nextMorning = (await create({ quantity: 2, scheduledAt: localAt(22, 8) }).expect(201)).body.data;
    const day = ymd(localAt(21, 8));
    const res = await app.http.get(`/orders/orders?from=${day}&to=${day}&pageSize=100`).set(kefu).expect(200);
    const ids = res.body.data.map((o: any) => o.documentId);
    expect(ids).toEqual(expect.arrayContaining([morning.documentId, evening.documentId]));
    expect(ids).not.toContain(nextMorning.documentId);
    await app.http.get('/orders/orders?from=2026-02-30').set(kefu).expect(400);
  });

  it('flags an arrived order that has not started and an unpaid 待付尾款, with thresholds from settings', async () => {
    const arrived = (await create({ quantity: 2, scheduledAt: localAt(23, 9) }).expect(201)).body.data;
    await pay(app.strapi, arrived.documentId, 'full', arrived.amounts.total);
    await app.http.post(`/api/orders/${arrived.documentId}/accept`).set(w.workers[0].auth).expect(200);
    const deposit = (await create({ serviceItem: w.deposit, quantity: 1, paymentMode: 'deposit', scheduledAt: localAt(23, 14) }).expect(201)).body.data;
    await pay(app.strapi, deposit.documentId, 'deposit', deposit.amounts.payNow);
    await app.http.post(`/api/orders/${deposit.documentId}/accept`).set(w.workers[1].auth).expect(200);

    const start = new Date(localAt(23, 9)).getTime();
    clock.use(fixedClock(new Date(start - 30 * 60_000)));
    for (const a of ['depart', 'arrive']) await app.http.post(`/api/orders/${arrived.documentId}/${a}`).set(w.workers[0].auth).send({}).expect(200);
    const depositStart = new Date(localAt(23, 14)).getTime();
    clock.use(fixedClock(new Date(depositStart - 30 * 60_000)));
    for (const a of ['depart', 'arrive', 'start', 'complete']) await app.http.post(`/api/orders/${deposit.documentId}/${a}`).set(w.workers[1].auth).send({}).expect(200);

    const flagged = async () => {
      const res = await app.http.get('/orders/orders?exceptions=true&pageSize=100').set(kefu).expect(200);
      return Object.fromEntries(res.body.data.map((o: any) => [o.documentId, o.exceptions.map((e: any) => e.code)]));
    };
    // 45 minutes after the start: arrived but not started (threshold 30).
    clock.use(fixedClock(new Date(start + 45 * 60_000)));
    expect((await flagged())[arrived.documentId]).toEqual(['idle_after_arrival']);
    // A day and a bit after the deposit job's planned end (240 min): balance still unpaid.
    clock.use(fixedClock(new Date(depositStart + (240 + 1441) * 60_000)));
    expect((await flagged())[deposit.documentId]).toEqual(['final_payment_overdue']);
    const detail = (await app.http.get(`/orders/orders/${deposit.documentId}`).set(kefu).expect(200)).body.data;
    expect(detail.exceptions).toEqual([{ code: 'final_payment_overdue', label: '尾款逾期未付' }]);

    // Operators move the thresholds in 平台参数 → 订单异常规则.
    const settings = app.strapi.documents('api::settings.platform-setting');
    const existing = await settings.findFirst();
    const data = { exceptions: { lateDepartureMinutes: 30, lateArrivalMinutes: 15, arrivedIdleMinutes: 120, overrunMinutes: 60, finalPaymentOverdueMinutes: 1440 } };
    if (existing) await settings.update({ documentId: existing.documentId, data } as any);
    else await settings.create({ data } as any);
    clock.use(fixedClock(new Date(start + 45 * 60_000)));
    expect((await flagged())[arrived.documentId]).toBeUndefined();
  });
});
