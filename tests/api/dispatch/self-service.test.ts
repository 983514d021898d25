import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, localAt, paidOrder, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
});
afterAll(async () => {
  await app?.close();
});

describe('GET|PUT /api/me/worker', () => {
  it('shows the worker their own profile with name, home and the 接单开关', async () => {
    const res = await app.http.get('/api/me/worker').set(w.workers[0].auth).expect(200);
    expect(res.body.data).toMatchObject({
      documentId: w.workers[0].workerDocumentId,
      realName: '王秀英',
      displayName: '王阿姨',
      city: '310100',
      home: { lat: 31.195, lng: 121.432 },
      acceptingOrders: true,
      serviceRadiusMeters: 10000,
      auditStatus: 'approved',
    });
  });

  it('is 404 for a member who never was a worker, and 401 without sign-in', async () => {
    const res = await app.http.get('/api/me/worker').set(w.member.auth).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    await app.http.get('/api/me/worker').expect(401);
  });

  it('updates bio, radius, home and the switch, and moves the worker in the geo index', async () => {
    const res = await app.http
      .put('/api/me/worker')
      .set(w.workers[1].auth)
      .send({ data: { bio: '十年保洁经验', serviceRadiusMeters: 8000, home: { lat: 31.21, lng: 121.46 }, acceptingOrders: false } })
      .expect(200);
    expect(res.body.data).toMatchObject({ bio: '十年保洁经验', serviceRadiusMeters: 8000, home: { lat: 31.21, lng: 121.46 }, acceptingOrders: false });
    const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
    const at = await runtime().geo.position('worker-homes', String(w.workers[1].workerId));
    expect(at.lat).toBeCloseTo(31.21, 4);
    await app.http.put('/api/me/worker').set(w.workers[1].auth).send({ data: { acceptingOrders: true, home: { lat: 31.2, lng: 121.45 } } }).expect(200);
  });

  it('refuses unknown fields, bad values and a photo that does not exist, writing nothing', async () => {
    for (const data of [{ realName: '李四' }, { serviceRadiusMeters: 10 }, { home: { lat: 95, lng: 121 } }, { photo: 999999 }]) {
      const res = await app.http.put('/api/me/worker').set(w.workers[0].auth).send({ data });
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    }
    const row = await app.strapi.db.query('api::people.worker').findOne({ where: { id: w.workers[0].workerId } });
    expect([row.realName, row.serviceRadiusMeters]).toEqual(['王秀英', 10000]);
  });
});

describe('GET|PUT /api/me/schedule', () => {
  it('starts on the business hours every day and the platform capacity', async () => {
    const res = await app.http.get('/api/me/schedule').set(w.workers[0].auth).expect(200);
    expect(res.body.data).toEqual({ weekly: [], usesBusinessHours: true, leave: [], daysOff: [], maxOrdersPerDay: null, effectiveMaxOrdersPerDay: 4, timezone: 'Asia/Shanghai' });
  });

  it('saves weekly windows, leave, days off and a capacity', async () => {
    const weekly = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '08:00', end: '12:00' },
      { weekday, start: '13:00', end: '20:00' },
    ]);
    const leave = [{ startsAt: localAt(20, 8), endsAt: localAt(20, 12), reason: '看病' }];
    const dayOff = localAt(21, 12).slice(0, 10);
    const res = await app.http.put('/api/me/schedule').set(w.workers[2].auth).send({ data: { weekly, leave, daysOff: [dayOff], maxOrdersPerDay: 3 } }).expect(200);
    expect(res.body.data.weekly).toHaveLength(10);
    expect(res.body.data.usesBusinessHours).toBe(false);
    expect(res.body.data.leave).toEqual([{ startsAt: new Date(leave[0].startsAt).toISOString(), endsAt: new Date(leave[0].endsAt).toISOString(), reason: '看病' }]);
    expect(res.body.data.daysOff).toHaveLength(1);
    expect(res.body.data.effectiveMaxOrdersPerDay).toBe(3);
  });

  it('refuses overlapping windows and an end before the start with the field, writing nothing', async () => {
    const overlap = await app.http
      .put('/api/me/schedule')
      .set(w.workers[0].auth)
      .send({ data: { weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '15:00' }] } })
      .expect(400);
    expect(overlap.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weekly[1]' });
    const backwards = await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { weekly: [{ weekday: 2, start: '18:00', end: '09:00' }] } }).expect(400);
    expect(backwards.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weekly[0].end' });
    const leave = await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { leave: [{ startsAt: localAt(5, 12), endsAt: localAt(5, 9) }] } }).expect(400);
    expect(leave.body.error.details.field).toBe('leave[0].endsAt');
    const shape = await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { weekly: [{ weekday: 1, start: '9点', end: '12:00' }] } }).expect(400);
    expect(shape.body.error.details.code).toBe('VALIDATION_FAILED');
    expect((await app.http.get('/api/me/schedule').set(w.workers[0].auth)).body.data.weekly).toEqual([]);
  });

  it('refuses a change that would drop an accepted booking, naming the order (409)', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(9, 10));
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    const day = localAt(9, 12).slice(0, 10);
    const res = await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { daysOff: [day] } }).expect(409);
    expect(res.body.error.details.code).toBe('BOOKING_CONFLICT');
    expect(res.body.error.details.orders).toEqual([expect.objectContaining({ order: order.documentId, orderNo: order.orderNo })]);
    expect(res.body.error.message).toContain(order.orderNo);
    // Another day off is fine.
    await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { daysOff: [localAt(10, 12).slice(0, 10)] } }).expect(200);
  });

  it('is only for workers', async () => {
    await app.http.get('/api/me/schedule').set(w.member.auth).expect(403);
    await app.http.post('/api/dispatch/recommend').expect(401);
  });
});
