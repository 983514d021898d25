import { Queue } from 'bullmq';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';

// Only meaningful with Redis: the unpaid-order timeout is a BullMQ delayed job that outlives the app.
let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

it('schedules a delayed BullMQ job per unpaid order that closes it when it fires', async () => {
  const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
  const rt = runtime();
  expect(rt.mode).toBe('redis');
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(2, 9), paymentMode: 'full' })
    .expect(201);
  const order = res.body.data;

  const queue = new Queue('orders-unpaid-timeout', { connection: rt.redis.duplicate(), prefix: `${rt.prefix}bull` });
  try {
    const delayed = await queue.getDelayed();
    const job = delayed.find((j) => j.data.orderId !== undefined && j.opts.delay! > 25 * 60_000);
    expect(job).toBeDefined();
    // 30 minutes by default (platform setting 未支付超时).
    expect(job!.opts.delay).toBeGreaterThan(29 * 60_000);
    expect(job!.opts.delay).toBeLessThanOrEqual(30 * 60_000);

    // Fire it now, as BullMQ would after the delay (also after a restart): the order closes.
    await job!.promote();
    const deadline = Date.now() + 10_000;
    let status = '';
    while (Date.now() < deadline) {
      status = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status;
      if (status === 'cancelled') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('cancelled');
  } finally {
    await queue.close();
  }
});

it('leaves an order alone when it was paid before the job fired', async () => {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(2, 14), paymentMode: 'full' })
    .expect(201);
  const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
  const rt = runtime();
  const queue = new Queue('orders-unpaid-timeout', { connection: rt.redis.duplicate(), prefix: `${rt.prefix}bull` });
  try {
    const { encodeJobId } = require(`${app.strapi.dirs.dist.src}/runtime/queue`);
    const jobId = encodeJobId(`unpaid-${res.body.data.documentId}`);
    expect(await queue.getJob(jobId)).toBeDefined();
    await pay(app.strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
    // Removed once the payment committed (after commit, not awaited by it).
    const deadline = Date.now() + 5_000;
    while ((await queue.getJob(jobId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await queue.getJob(jobId)).toBeUndefined();
  } finally {
    await queue.close();
  }
  const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: res.body.data.documentId } });
  expect(await app.strapi.plugin('orders').service('unpaid-timeout').runNow(row.id)).toBe(false);
  expect((await app.http.get(`/api/orders/${res.body.data.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_acceptance');
});
