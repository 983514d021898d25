import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';

// AMap route planning against a local fake: its duration is the ETA; a slow AMap falls back to the estimate.
let app: TestApp;
let w: OrderWorld;
let fake: http.Server;
let mode: 'answer' | 'hang' = 'answer';
const requests: URL[] = [];
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://amap'));
    if (mode === 'hang') return; // never answers: the client's timeout decides
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: '1', info: 'OK', route: { paths: [{ distance: '6180', duration: '1234' }] } }));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  app = await bootStrapi({ env: { AMAP_WEB_KEY: 'test-web-key', AMAP_API_BASE: base } });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
});

let day = 3;
async function onTheWay(worker = w.workers[0]) {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(day++, 9), paymentMode: 'full' })
    .expect(201);
  await pay(app.strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
  await app.http.post(`/api/orders/${res.body.data.documentId}/accept`).set(worker.auth).expect(200);
  clock.use(fixedClock(new Date(new Date(res.body.data.scheduledAt).getTime() - 30 * 60_000)));
  try {
    await app.http.post(`/api/orders/${res.body.data.documentId}/depart`).set(worker.auth).send({}).expect(200);
  } finally {
    clock.reset();
  }
  return res.body.data.documentId as string;
}

const ping = (worker: { auth: Record<string, string> }, body: Record<string, unknown>) => app.http.post('/api/tracking/location').set(worker.auth).send(body);

it('gives the member AMap’s duration and distance, asking once per origin/destination cell', async () => {
  const id = await onTheWay();
  await ping(w.workers[0], { order: id, lat: 31.225, lng: 121.455 }).expect(200);
  const seen = (await app.http.get(`/api/orders/${id}/tracking`).set(w.member.auth).expect(200)).body.data;
  expect(seen).toMatchObject({ etaSeconds: 1234, distanceMeters: 6180, etaSource: 'amap' });
  expect(requests).toHaveLength(1);
  expect(requests[0].pathname).toBe('/v3/direction/driving');
  expect(requests[0].searchParams.get('key')).toBe('test-web-key');
  expect(requests[0].searchParams.get('origin')).toBe('121.455000,31.225000');
  expect(requests[0].searchParams.get('destination')).toBe('121.430000,31.190000');

  // A few metres further on: same cell, the cached route answers.
  const second = await onTheWay(w.workers[1]);
  await ping(w.workers[1], { order: second, lat: 31.2251, lng: 121.4551 }).expect(200);
  expect((await app.http.get(`/api/orders/${second}/tracking`).set(w.member.auth).expect(200)).body.data.etaSeconds).toBe(1234);
  expect(requests).toHaveLength(1);
});

it('falls back to the estimate when AMap does not answer in time', async () => {
  mode = 'hang';
  const id = await onTheWay(w.workers[2]);
  // Another cell, so the cache cannot answer.
  const started = Date.now();
  const res = await ping(w.workers[2], { order: id, lat: 31.25, lng: 121.5 }).expect(200);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(res.body.data.etaSource).toBe('estimate');
  expect(res.body.data.etaSeconds).toBe(Math.round((res.body.data.distanceMeters * 1.3) / (25_000 / 3600)));
  expect(requests).toHaveLength(2);
});
