import { bootStrapi, type TestApp } from '../helpers/strapi';
import { eventually } from '../helpers/dispatch';
import { buildOrderWorld, inDepartWindow, pay, placeOrder, type OrderWorld } from '../helpers/orders';

let app: TestApp;
let w: OrderWorld;
const UID = 'api::insights.behaviour-event';
const DEVICE = 'dev-0123456789abcdef';

const behaviour = () => app.strapi.service('api::insights.behaviour') as any;
const events = (where: Record<string, unknown> = {}) => app.strapi.db.query(UID).findMany({ where, orderBy: { id: 'asc' } });

beforeAll(async () => {
  // No flush timer: the test decides when the buffer is written.
  app = await bootStrapi({ env: { BEHAVIOUR_FLUSH_MS: '0' } });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  await app?.close();
});

describe('behaviour events', () => {
  it('records item views (cache hits and 304s too) and searches, written only when the buffer flushes', async () => {
    const first = await app.http.get(`/api/service-items/${w.hourly}`).set('X-Device-Id', DEVICE).expect(200);
    const hit = await app.http.get(`/api/service-items/${w.hourly}`).set(w.member.auth).expect(200);
    await app.http.get(`/api/service-items/${w.hourly}`).set('If-None-Match', first.headers.etag).expect(304);
    expect(hit.headers['x-cache']).toBeDefined();
    await app.http.get('/api/search').query({ q: '保洁', city: '310100' }).set(w.member.auth).expect(200);
    await app.http.get('/api/search').query({ q: '保洁', city: '310100' }).set(w.member.auth).expect(200);
    // The cached read stays cached: the second search was a hit.
    const again = await app.http.get('/api/search').query({ q: '保洁', city: '310100' }).set(w.member.auth).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');

    // Answered, and nothing written yet: the events wait in memory.
    expect(await events()).toEqual([]);
    expect(behaviour().pending()).toBe(6);

    await behaviour().flush();
    const rows = await events();
    expect(rows.map((e: any) => [e.kind, e.subjectType, e.subjectId])).toEqual([
      ['view_item', 'service-item', w.hourly],
      ['view_item', 'service-item', w.hourly],
      ['view_item', 'service-item', w.hourly],
      ['search', 'query', '保洁'],
      ['search', 'query', '保洁'],
      ['search', 'query', '保洁'],
    ]);
    expect(rows.map((e: any) => e.userRef)).toEqual([null, w.member.id, null, w.member.id, w.member.id, w.member.id]);
    expect(rows[0].deviceId).toBe(DEVICE);
    expect(rows[3]).toMatchObject({ city: '310100', meta: { type: 'all' } });
    expect(await behaviour().recentItemViews(w.member.id)).toEqual([w.hourly]);
  });

  it('does not record a 404 or a refused query', async () => {
    await app.http.get('/api/service-items/nope').expect(404);
    await app.http.get('/api/search').expect(400);
    expect(behaviour().pending()).toBe(0);
  });

  it('records favourites, bookings, payments and reviews from their after-commit events', async () => {
    await app.http.post('/api/me/favourites').set(w.member.auth).send({ kind: 'item', id: w.hourly }).expect(201);
    await app.http.post('/api/me/favourites').set(w.member.auth).send({ kind: 'item', id: w.hourly }).expect(200);
    const order = await placeOrder(app.http, w, 3, 9);
    await pay(app.strapi, order.documentId, 'full', 9000);
    const worker = w.workers[0];
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
    await inDepartWindow(app.strapi, order.documentId, async () => {
      for (const step of ['depart', 'arrive', 'start', 'complete']) await app.http.post(`/api/orders/${order.documentId}/${step}`).set(worker.auth).send({}).expect(200);
    });
    await app.http.post('/api/reviews').set(w.member.auth).send({ order: order.documentId, ratings: { quality: 5, attitude: 4, skill: 5 }, content: '很好' }).expect(201);

    await eventually(async () => {
      await behaviour().flush();
      const kinds = new Set((await events({ kind: { $in: ['book', 'pay', 'review'] } })).map((e: any) => e.kind));
      return kinds.size === 3;
    });
    const mine = (await events({ kind: { $in: ['favourite', 'book', 'pay', 'review'] } })).map((e: any) => [e.kind, e.userRef, e.subjectType, e.subjectId]);
    expect(mine).toEqual([
      ['favourite', w.member.id, 'service-item', w.hourly],
      ['book', w.member.id, 'service-item', w.hourly],
      ['pay', w.member.id, 'order', order.documentId],
      ['review', w.member.id, 'order', order.documentId],
    ]);
    const [paid] = await events({ kind: 'pay' });
    expect(paid).toMatchObject({ city: '310100', meta: { orderNo: order.orderNo, stage: 'first' } });
  });

  it('stores a message every instance heard once (its event key)', async () => {
    const message = { order: 'o-dup', orderNo: 'SM-DUP', status: 'pending_acceptance', from: 'pending_payment', at: new Date().toISOString(), memberId: w.other.id, city: null };
    const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
    await runtime().pubsub.publish('orders.status', message);
    await eventually(async () => behaviour().pending() > 0);
    await behaviour().flush();
    behaviour().record({ kind: 'pay', userId: w.other.id, subjectType: 'order', subjectId: 'o-dup', at: new Date(), key: 'pay:o-dup:pending_payment:pending_acceptance' });
    await behaviour().flush();
    expect(await events({ subjectId: 'o-dup' })).toHaveLength(1);
  });

  it('lets a browser app send its device id (CORS preflight)', async () => {
    const res = await app.http
      .options('/api/search')
      .set('Origin', 'http://localhost:1337')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'x-device-id');
    expect(res.status).toBeLessThan(300);
    expect(String(res.headers['access-control-allow-headers'])).toContain('X-Device-Id');
  });

  it('exposes no event through the content API', async () => {
    for (const auth of [{}, w.member.auth]) {
      const res = await app.http.get('/api/behaviour-events').set(auth);
      expect(res.status).toBe(404);
    }
    const item = await app.http.get(`/api/service-items/${w.hourly}`).expect(200);
    expect(JSON.stringify(item.body)).not.toContain(DEVICE);
  });

  it('records nothing while switched off, and the retention job deletes old events', async () => {
    const settings = app.strapi.service('api::settings.platform-setting') as any;
    const real = await settings.current();
    jest.spyOn(settings, 'current').mockResolvedValue({ ...real, behaviour: { enabled: false, retentionDays: 180 } });
    await behaviour().refreshSettings();
    await behaviour().flush();
    await app.http.get(`/api/service-items/${w.hourly}`).expect(200);
    expect(behaviour().pending()).toBe(0);
    jest.restoreAllMocks();
    await behaviour().refreshSettings();

    const total = (await events()).length;
    const old = new Date(Date.now() - 181 * 86_400_000);
    behaviour().record({ kind: 'search', subjectType: 'query', subjectId: '旧的', at: old });
    await behaviour().flush();
    expect((await events()).length).toBe(total + 1);
    expect(await behaviour().purge()).toBe(1);
    expect(await events({ subjectId: '旧的' })).toEqual([]);
    expect((await events()).length).toBe(total);
  });

  it('writes what is still buffered when the app shuts down (destroy hook)', async () => {
    await app.http.get('/api/search').query({ q: '最后一次' }).expect(200);
    expect(behaviour().pending()).toBe(1);
    // What src/index.ts destroy() calls before the database closes.
    await behaviour().stop();
    expect(await events({ subjectId: '最后一次' })).toHaveLength(1);
    await app.http.get('/api/search').query({ q: '关闭之后' }).expect(200);
    expect(behaviour().pending()).toBe(0);
  });
});
