import { randomUUID } from 'node:crypto';
import { createRedisConnection } from '../../../src/runtime/redis';
import { startRuntime, stopRuntime } from '../../../src/runtime';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;

afterAll(async () => {
  await stopRuntime();
  const cleanup = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const keys = await cleanup.client.keys(`${prefix}*`);
  if (keys.length > 0) await cleanup.client.del(...keys);
  await cleanup.quitAll();
});

it('should run on Redis when REDIS_URL is set and close every connection it opened', async () => {
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const runtime = await startRuntime({ env: { REDIS_URL, REDIS_PREFIX: prefix }, logger });
  expect(runtime.mode).toBe('redis');

  const heard = new Promise((resolve) => void runtime.pubsub.subscribe('order:status', resolve));
  runtime.queue.process('orders-unpaid-timeout', async (data: { orderId: string }) => {
    await runtime.pubsub.publish('order:status', { orderId: data.orderId, to: 'cancelled' });
  });
  await runtime.queue.add('orders-unpaid-timeout', { orderId: 'ord1' }, { jobId: 'order:ord1', delayMs: 100 });
  expect(await heard).toEqual({ orderId: 'ord1', to: 'cancelled' });

  await runtime.geo.upsert('workers', 'w1', { lat: 31.2381, lng: 121.5053 });
  await runtime.cache.set('k', 1);
  const keys = await runtime.redis!.client.keys(`${prefix}*`);
  expect(keys).toEqual(expect.arrayContaining([`${prefix}geo:workers`, `${prefix}k`]));
  expect(keys.some((key) => key.startsWith(`${prefix}bull:orders-unpaid-timeout:`))).toBe(true);

  const client = runtime.redis!.client;
  const ended = new Promise((resolve) => client.once('end', () => resolve('end')));
  await stopRuntime();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 2000, 'still open')));
  expect(await Promise.race([ended, timeout])).toBe('end');
  clearTimeout(timer);
});
