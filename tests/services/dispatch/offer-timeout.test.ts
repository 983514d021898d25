import { Queue } from 'bullmq';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, eventually, localAt, offersOf, paidOrder, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

// Only meaningful with Redis: the offer timeout is a BullMQ delayed job, run once across instances.
let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  await saveDispatchSettings(app.strapi, { mode: 'assign', offerTimeoutSeconds: 60 });
});
afterAll(async () => {
  await app?.close();
});

it('a delayed BullMQ job per offer passes the order to the next worker when it fires', async () => {
  const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
  const rt = runtime();
  expect(rt.mode).toBe('redis');
  const order = await paidOrder(app.strapi, app.http, w, localAt(3, 10));
  const [first] = await eventually(async () => {
    const open = (await offersOf(app.strapi, order.documentId)).filter((o: any) => o.offerState === 'open');
    return open.length ? open : null;
  });
  expect(first.workerId).toBe(w.workers[0].workerId);

  const queue = new Queue('dispatch-offer-timeout', { connection: rt.redis.duplicate(), prefix: `${rt.prefix}bull` });
  try {
    const job = (await queue.getDelayed()).find((j) => j.data.offerId === first.id);
    expect(job).toBeDefined();
    expect(job!.opts.delay).toBe(60_000);
    // Fire it now, as BullMQ would after 60 s (also after a restart of every instance).
    await job!.promote();
    const offers = await eventually(async () => {
      const all = await offersOf(app.strapi, order.documentId);
      return all.length === 2 && all[1].offerState === 'open' ? all : null;
    });
    expect(offers.map((o: any) => [o.workerId, o.offerState])).toEqual([
      [w.workers[0].workerId, 'expired'],
      [w.workers[1].workerId, 'open'],
    ]);
    const late = await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth);
    expect([late.status, late.body.error.details.code]).toEqual([409, 'OFFER_EXPIRED']);
  } finally {
    await queue.close();
  }
});
