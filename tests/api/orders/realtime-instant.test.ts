import { socketClients } from '../../helpers/sockets';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld, inDepartWindow } from '../../helpers/orders';
import { eventually } from '../../helpers/dispatch';

let app: TestApp;
let w: OrderWorld;
const sockets = socketClients(() => app.url!);
const open = sockets.open;

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  sockets.closeAll();
  await app?.close();
});

it('tells the member and the worker about every status change', async () => {
  const memberSocket = await open(w.member.jwt);
  const workerSocket = await open(w.workers[0].jwt);
  const memberSaw: string[] = [];
  const workerSaw: string[] = [];
  memberSocket.on('order:status', (e: { status: string }) => memberSaw.push(e.status));
  workerSocket.on('order:status', (e: { status: string }) => workerSaw.push(e.status));

  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(2, 9), paymentMode: 'full' })
    .expect(201);
  const id = res.body.data.documentId;
  await pay(app.strapi, id, 'full', res.body.data.amounts.total);
  await app.http.post(`/api/orders/${id}/accept`).set(w.workers[0].auth).expect(200);
  await inDepartWindow(app.strapi, id, () => app.http.post(`/api/orders/${id}/depart`).set(w.workers[0].auth).expect(200));
  await new Promise((r) => setTimeout(r, 200));
  expect(memberSaw).toEqual(['pending_acceptance', 'accepted', 'on_the_way']);
  // The worker hears about the order once it is theirs.
  expect(workerSaw).toEqual(['accepted', 'on_the_way']);
});

it('says nothing about a change rolled back with the payment it belonged to, and tells it once committed', async () => {
  const memberSocket = await open(w.member.jwt);
  const memberSaw: string[] = [];
  memberSocket.on('order:status', (e: { status: string }) => memberSaw.push(e.status));
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(3, 9), paymentMode: 'full' })
    .expect(201);
  const { documentId, amounts } = res.body.data;
  const port = app.strapi.plugin('orders').service('payments-port');

  await expect(
    app.strapi.db.transaction(async () => {
      await port.recordPayment(documentId, { stage: 'full', amount: amounts.total, reference: 'rolled-back' });
      throw new Error('the ledger posting failed');
    }),
  ).rejects.toThrow('the ledger posting failed');
  await new Promise((r) => setTimeout(r, 200));
  expect(memberSaw).toEqual([]);
  expect((await app.http.get(`/api/orders/${documentId}`).set(w.member.auth).expect(200)).body.data.status).toBe('pending_payment');

  await app.strapi.db.transaction(() => port.recordPayment(documentId, { stage: 'full', amount: amounts.total, reference: 'committed' }));
  // Delivery after commit is asynchronous: wait for it instead of guessing a delay on a busy machine.
  await eventually(async () => memberSaw.length > 0, 5_000).catch(() => undefined);
  expect(memberSaw).toEqual(['pending_acceptance']);
});

describe('instant bookings', () => {
  const { fromZonedTime, zonedParts } = require('../../../src/runtime/clock');
  const today = zonedParts(new Date(Date.now() + 86_400_000), 'Asia/Shanghai');
  const at = (hour: number, minute = 0) => fromZonedTime({ year: today.year, month: today.month, day: today.day, hour, minute }, 'Asia/Shanghai');

  async function withClock<T>(now: Date, fn: () => Promise<T>): Promise<T> {
    const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
    clock.use(fixedClock(now));
    try {
      return await fn();
    } finally {
      clock.reset();
    }
  }

  it('starts at now + the arrival time, rounded up to the next slot', async () => {
    const res = await withClock(at(10, 7), () =>
      app.http.post('/api/orders').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 2, address: w.address, instant: true, paymentMode: 'full' }).expect(201),
    );
    expect(res.body.data.instant).toBe(true);
    // 10:07 + 60 min arrival = 11:07 → 11:30 on the 30-minute grid.
    expect(new Date(res.body.data.scheduledAt).toISOString()).toBe(at(11, 30).toISOString());
  });

  it('is refused when the arrival would fall outside business hours', async () => {
    const res = await withClock(at(19, 30), () =>
      app.http.post('/api/orders').set(w.member.auth).send({ serviceItem: w.hourly, quantity: 2, address: w.address, instant: true, paymentMode: 'full' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'outside_hours' });
  });
});
