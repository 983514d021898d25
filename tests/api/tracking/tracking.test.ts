import { socketClients } from '../../helpers/sockets';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { dispatchAdmins, eventually } from '../../helpers/dispatch';

// No AMAP_WEB_KEY: every ETA is the estimate (distance ÷ the city's average speed).
let app: TestApp;
let w: OrderWorld;
let admins: Awaited<ReturnType<typeof dispatchAdmins>>;
const sockets = socketClients(() => app.url!);
const open = sockets.open;
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
  w = await buildOrderWorld(app.strapi, app.http);
  admins = await dispatchAdmins(app.strapi, app.http);
});
afterAll(async () => {
  sockets.closeAll();
  await app?.close();
});
afterEach(() => clock.reset());

// The world's address is at 31.19, 121.43 (徐汇); this is about 4.4 km north-east of it.
const ON_THE_ROAD = { lat: 31.225, lng: 121.455 };

let day = 3;
/** A paid order accepted by workers[0], stepped to `until` with the clock inside its windows. */
async function orderAt(until: 'accepted' | 'on_the_way' | 'arrived' | 'in_service' | 'completed', worker = w.workers[0]) {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(day++, 9), paymentMode: 'full' })
    .expect(201);
  const order = res.body.data;
  await pay(app.strapi, order.documentId, 'full', order.amounts.total);
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  const steps = { accepted: [], on_the_way: ['depart'], arrived: ['depart', 'arrive'], in_service: ['depart', 'arrive', 'start'], completed: ['depart', 'arrive', 'start', 'complete'] }[until];
  const start = new Date(order.scheduledAt).getTime();
  for (const step of steps) {
    clock.use(fixedClock(new Date(step === 'depart' || step === 'arrive' ? start - 30 * 60_000 : step === 'start' ? start : start + 120 * 60_000)));
    await app.http.post(`/api/orders/${order.documentId}/${step}`).set(worker.auth).send(step === 'arrive' ? { lat: 31.19, lng: 121.43 } : {}).expect(200);
  }
  clock.reset();
  return order.documentId as string;
}

const ping = (user: { auth: Record<string, string> }, body: Record<string, unknown>) => app.http.post('/api/tracking/location').set(user.auth).send(body);
const tracking = (user: { auth: Record<string, string> }, id: string) => app.http.get(`/api/orders/${id}/tracking`).set(user.auth);

describe('a worker on the way', () => {
  it('shows the member the reported position with distance and an estimated ETA', async () => {
    const id = await orderAt('on_the_way');
    const res = await ping(w.workers[0], { order: id, ...ON_THE_ROAD, accuracy: 12 }).expect(200);
    expect(res.body.data).toMatchObject({ order: id, ...ON_THE_ROAD, sampled: true, etaSource: 'estimate' });

    const seen = (await tracking(w.member, id).expect(200)).body.data;
    expect(seen).toMatchObject({ ...ON_THE_ROAD, accuracy: 12, etaSource: 'estimate' });
    expect(new Date(seen.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Straight line to 31.19, 121.43 is ~4.5 km; 上海 moves at the default 25 km/h, roads ×1.3.
    expect(seen.distanceMeters).toBeGreaterThan(4000);
    expect(seen.distanceMeters).toBeLessThan(5000);
    expect(seen.etaSeconds).toBe(Math.round((seen.distanceMeters * 1.3) / (25_000 / 3600)));
    // The order's own worker reads it too; the orders plugin's GET /api/orders/:id still answers.
    expect((await tracking(w.workers[0], id).expect(200)).body.data.lat).toBe(ON_THE_ROAD.lat);
    expect((await app.http.get(`/api/orders/${id}`).set(w.member.auth).expect(200)).body.data.documentId).toBe(id);
  });

  it('uses the city’s own average speed', async () => {
    const { createCity } = require('../../helpers/fixtures');
    const nj = await createCity(app.strapi, '320100', '南京', [32.0603, 118.7969]);
    await app.strapi.db.query('api::settings.city').update({ where: { documentId: nj.documentId }, data: { averageSpeedKmh: 10 } });
    const result = await app.strapi.plugin('tracking').service('eta').eta({ lat: 32.07, lng: 118.8 }, { lat: 32.04, lng: 118.78 }, '320100');
    expect(result.source).toBe('estimate');
    expect(result.etaSeconds).toBe(Math.round((result.distanceMeters * 1.3) / (10_000 / 3600)));
  });

  it('finds the order when the worker has only one on the way', async () => {
    const id = await orderAt('on_the_way', w.workers[1]);
    const res = await ping(w.workers[1], ON_THE_ROAD).expect(200);
    expect(res.body.data.order).toBe(id);
  });

  it('refuses pings closer together than the minimum interval with 429 RATE_LIMITED', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    const res = await ping(w.workers[0], { order: id, lat: 31.224, lng: 121.454 }).expect(429);
    expect(res.body.error.details.code).toBe('RATE_LIMITED');
    expect(res.body.error.details.retryAfter).toBeGreaterThanOrEqual(1);
    // The refused point is not what the member sees.
    expect((await tracking(w.member, id).expect(200)).body.data.lat).toBe(ON_THE_ROAD.lat);
  });

  it('keeps about one history row per 30 s however often the phone reports', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    // The throttle window (5 s) has passed in a test that does not wait: clear only that key.
    await require(`${process.cwd()}/dist/src/runtime`).runtime().cache.del(`tracking:ping:${id}`);
    const second = await ping(w.workers[0], { order: id, lat: 31.22, lng: 121.45 }).expect(200);
    expect(second.body.data.sampled).toBe(false);
    const rows = await app.strapi.db.query('plugin::tracking.location-sample').findMany({ where: { orderDocumentId: id }, orderBy: [{ at: 'asc' }] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lat: ON_THE_ROAD.lat, lng: ON_THE_ROAD.lng, workerId: w.workers[0].workerId });
    // But the member sees the newest point.
    expect((await tracking(w.member, id).expect(200)).body.data.lat).toBe(31.22);
  });

  it('validates coordinates and times with 400 VALIDATION_FAILED', async () => {
    const id = await orderAt('on_the_way');
    for (const body of [{ order: id, lat: 91, lng: 121 }, { order: id, lat: 31 }, { order: id, lat: '31.2', lng: 121.4 }, { order: id, lat: 31, lng: 200 }, { order: id, lat: 31, lng: 121, extra: 1 }, { order: id, lat: 31, lng: 121, at: '2020-01-01T00:00:00Z' }]) {
      const res = await ping(w.workers[0], body).expect(400);
      expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('who may report and see', () => {
  it('answers 409 INVALID_TRANSITION to a ping before the worker sets off', async () => {
    const id = await orderAt('accepted');
    expect((await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(409)).body.error.details.code).toBe('INVALID_TRANSITION');
    // Nothing to show yet either.
    await tracking(w.member, id).expect(404);
  });

  it('answers 404 to another worker’s ping and to outsiders’ reads', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    expect((await ping(w.workers[2], { order: id, ...ON_THE_ROAD }).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    expect((await tracking(w.other, id).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    await tracking(w.workers[2], id).expect(404);
    await app.http.get(`/api/orders/${id}/tracking`).expect(401);
    // A member cannot report positions.
    await ping(w.member, { order: id, ...ON_THE_ROAD }).expect(403);
  });

  it('shows operators of the order’s city only, through the admin route', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    expect((await app.http.get(`/tracking/orders/${id}`).set(admins.opsSh).expect(200)).body.data.lat).toBe(ON_THE_ROAD.lat);
    expect((await app.http.get(`/tracking/orders/${id}`).set(admins.kefu).expect(200)).body.data.lng).toBe(ON_THE_ROAD.lng);
    expect((await app.http.get(`/tracking/orders/${id}`).set(admins.opsHz).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    // 财务 has no tracking right at all.
    await app.http.get(`/tracking/orders/${id}`).set(admins.caiwu).expect(403);
  });

  it('keeps showing the last position while the service runs and nothing once it is complete', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    const start = new Date((await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: id } })).scheduledAt).getTime();
    clock.use(fixedClock(new Date(start - 30 * 60_000)));
    await app.http.post(`/api/orders/${id}/arrive`).set(w.workers[0].auth).send({ lat: 31.19, lng: 121.43 }).expect(200);
    clock.use(fixedClock(new Date(start)));
    await app.http.post(`/api/orders/${id}/start`).set(w.workers[0].auth).send({}).expect(200);
    clock.reset();
    await tracking(w.member, id).expect(200);
    expect((await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(409)).body.error.details.code).toBe('INVALID_TRANSITION');
    clock.use(fixedClock(new Date(start + 120 * 60_000)));
    await app.http.post(`/api/orders/${id}/complete`).set(w.workers[0].auth).send({}).expect(200);
    clock.reset();
    expect((await tracking(w.member, id).expect(404)).body.error.details.code).toBe('NOT_FOUND');
    await app.http.get(`/tracking/orders/${id}`).set(admins.kefu).expect(404);
  });

  it('shows nothing after cancellation', async () => {
    const id = await orderAt('on_the_way');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    await app.http.post(`/api/orders/${id}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
    await tracking(w.member, id).expect(404);
  });
});

describe('socket', () => {
  it('sends tracking:location to the member watching the order', async () => {
    const id = await orderAt('on_the_way');
    const member = await open(w.member.jwt);
    const seen: any[] = [];
    member.on('tracking:location', (e) => seen.push(e));
    expect(await member.timeout(5000).emitWithAck('order:watch', { order: id })).toEqual({ ok: true, data: { watching: true } });
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    await eventually(async () => seen.length > 0, 5_000);
    expect(seen[0]).toEqual({ order: id, lat: ON_THE_ROAD.lat, lng: ON_THE_ROAD.lng, etaSeconds: expect.any(Number), at: expect.any(String) });
    expect(Object.keys(seen[0]).sort()).toEqual(['at', 'etaSeconds', 'lat', 'lng', 'order']);

    // A late watcher gets the latest position at once.
    const late = await open(w.member.jwt);
    const lateSeen: any[] = [];
    late.on('tracking:location', (e) => lateSeen.push(e));
    await late.timeout(5000).emitWithAck('order:watch', { order: id });
    await eventually(async () => lateSeen.length > 0, 5_000);
    expect(lateSeen[0].lat).toBe(ON_THE_ROAD.lat);
  });

  it('refuses order:watch to outsiders and hears nothing there', async () => {
    const id = await orderAt('on_the_way');
    const outsider = await open(w.other.jwt);
    const seen: any[] = [];
    outsider.on('tracking:location', (e) => seen.push(e));
    const ack = await outsider.timeout(5000).emitWithAck('order:watch', { order: id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await outsider.timeout(5000).emitWithAck('order:watch', {})).error.code).toBe('VALIDATION_FAILED');
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
  });

  it('lets operators of the order’s city watch it, and no one else', async () => {
    const id = await orderAt('on_the_way');
    const token = (auth: Record<string, string>) => auth.Authorization.replace(/^Bearer /, '');
    const sh = await open(token(admins.opsSh));
    const hz = await open(token(admins.opsHz));
    const shSeen: any[] = [];
    sh.on('tracking:location', (e) => shSeen.push(e));
    expect(await sh.timeout(5000).emitWithAck('order:watch', { order: id })).toEqual({ ok: true, data: { watching: true } });
    expect(await hz.timeout(5000).emitWithAck('order:watch', { order: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ping(w.workers[0], { order: id, ...ON_THE_ROAD }).expect(200);
    await eventually(async () => shSeen.length > 0, 5_000);
    expect(shSeen[0]).toMatchObject({ order: id, lat: ON_THE_ROAD.lat });
  });

  it('takes pings over the socket as over HTTP', async () => {
    const id = await orderAt('on_the_way');
    const worker = await open(w.workers[0].jwt);
    const ack = await worker.timeout(5000).emitWithAck('tracking:location', { order: id, ...ON_THE_ROAD });
    expect(ack).toMatchObject({ ok: true, data: { order: id, lat: ON_THE_ROAD.lat } });
    expect((await worker.timeout(5000).emitWithAck('tracking:location', { order: id, ...ON_THE_ROAD })).error.code).toBe('RATE_LIMITED');
    expect((await tracking(w.member, id).expect(200)).body.data.lng).toBe(ON_THE_ROAD.lng);
  });
});
