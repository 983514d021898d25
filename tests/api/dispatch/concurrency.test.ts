import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, eventually, localAt, offersOf, paidOrder, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  // Grab mode: every order is offered to every worker, so the worker may accept any of them.
  await saveDispatchSettings(app.strapi, { mode: 'grab', offerTimeoutSeconds: 3600 });
});
afterAll(async () => {
  await app?.close();
});

const accepted = (workerId: number, documentIds: string[]) =>
  app.strapi.db.query('plugin::orders.order').count({ where: { orderStatus: 'accepted', worker: { id: workerId }, documentId: { $in: documentIds } } });

it('100 concurrent accepts and assignments of overlapping orders give the worker exactly one', async () => {
  const orders = [];
  for (let i = 0; i < 100; i++) orders.push(await paidOrder(app.strapi, app.http, w, localAt(12, 10, (i % 4) * 15)));
  const ids = orders.map((o) => o.documentId);
  await eventually(async () => (await offersOf(app.strapi, ids[99])).length > 0, 30_000);
  const worker = w.workers[0];
  const port = app.strapi.plugin('orders').service('dispatch-port');
  const outcomes = await Promise.all(
    orders.map((o, i) =>
      i % 2 === 0
        ? app.http.post(`/api/orders/${o.documentId}/accept`).set(worker.auth).then((r) => (r.status === 200 ? 'ok' : r.body.error.details.code))
        : port.assign(o.documentId, worker.workerId, { type: 'system' }).then(
            () => 'ok',
            (err: any) => err.code,
          ),
    ),
  );
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
  expect(outcomes.filter((o) => o !== 'ok').every((code) => ['SLOT_TAKEN', 'INVALID_TRANSITION', 'WORKER_UNAVAILABLE'].includes(code))).toBe(true);
  expect(await accepted(worker.workerId, ids)).toBe(1);
  const slots = await app.strapi.db.connection('worker_slots').where({ worker_id: worker.workerId }).count('* as n');
  // One 2-hour order held with the 30-minute travel buffer after it, in 30-minute slots.
  expect(Number(slots[0].n)).toBeGreaterThanOrEqual(5);
  expect(Number(slots[0].n)).toBeLessThanOrEqual(6);
});

it('concurrent accepts of non-overlapping orders stop at the worker\'s daily capacity', async () => {
  const worker = w.workers[1];
  await app.http.put('/api/me/schedule').set(worker.auth).send({ data: { maxOrdersPerDay: 2 } }).expect(200);
  const orders = [];
  for (const hour of [8, 11, 14, 17]) orders.push(await paidOrder(app.strapi, app.http, w, localAt(13, hour)));
  await eventually(async () => (await offersOf(app.strapi, orders[3].documentId)).length > 0);
  const results = await Promise.all(orders.map((o) => app.http.post(`/api/orders/${o.documentId}/accept`).set(worker.auth)));
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
  expect(results.filter((r) => r.status === 409).map((r) => r.body.error.details.code)).toEqual(['WORKER_UNAVAILABLE', 'WORKER_UNAVAILABLE']);
  expect(await accepted(worker.workerId, orders.map((o) => o.documentId))).toBe(2);
});
