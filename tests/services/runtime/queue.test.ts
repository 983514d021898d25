import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createBullQueue, encodeJobId, type JobMeta, type JobQueue } from '../../../src/runtime/queue';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';

// BullMQ against the real Redis: what the in-process queue cannot show (restarts, several instances).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;

interface Instance {
  redis: RedisConnection;
  queue: JobQueue;
  logger: { error: jest.Mock; warn: jest.Mock; info: jest.Mock };
  close(): Promise<void>;
}

const instances: Instance[] = [];

function instance({ workers = true } = {}): Instance {
  const redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const queue = createBullQueue({ redis, prefix, logger, workers });
  const created: Instance = {
    redis,
    queue,
    logger,
    async close() {
      await queue.close();
      await redis.quitAll();
    },
  };
  instances.push(created);
  return created;
}

function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(instances.splice(0).map((i) => i.close()));
});

afterAll(async () => {
  const redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const keys = await redis.client.keys(`${prefix}*`);
  if (keys.length > 0) await redis.client.del(...keys);
  await redis.quitAll();
});

it('should keep a delayed job across a restart and run it on the next instance', async () => {
  const before = instance();
  const addedAt = Date.now();
  await before.queue.add('orders-unpaid-timeout', { orderId: 'ord1' }, { delayMs: 1500, jobId: 'order:ord1' });
  await before.close();

  const after = instance();
  const ran = signal<{ data: unknown; meta: JobMeta; at: number }>();
  after.queue.process('orders-unpaid-timeout', async (data, meta) => ran.resolve({ data, meta, at: Date.now() }));
  const { data, meta, at } = await ran.promise;
  expect(data).toEqual({ orderId: 'ord1' });
  expect(meta).toEqual({ jobId: 'order:ord1', attempt: 1 });
  expect(at - addedAt).toBeGreaterThanOrEqual(1400);
});

it('should run a job added under the same id by two instances once', async () => {
  const a = instance();
  const b = instance();
  await Promise.all([
    a.queue.add('dispatch-offer-timeout', { from: 'a' }, { jobId: 'offer:ord2:w5', delayMs: 300 }),
    b.queue.add('dispatch-offer-timeout', { from: 'b' }, { jobId: 'offer:ord2:w5', delayMs: 300 }),
  ]);
  await a.queue.add('dispatch-offer-timeout', { barrier: true }, { delayMs: 1200 });

  const runs: unknown[] = [];
  const barrier = signal();
  for (const i of [a, b]) {
    i.queue.process('dispatch-offer-timeout', async (data: { barrier?: boolean }) => {
      if (data.barrier) barrier.resolve();
      else runs.push(data);
    });
  }
  await barrier.promise;
  expect(runs).toHaveLength(1);
});

it('should retry with backoff until a try succeeds, ids that look like integers included', async () => {
  const i = instance();
  const tries: Array<{ attempt: number; jobId: string; data: unknown }> = [];
  const succeeded = signal();
  i.queue.process('payments-query', async (data, { attempt, jobId }) => {
    tries.push({ attempt, jobId, data });
    if (attempt < 3) throw new Error('channel timeout');
    succeeded.resolve();
  });
  await i.queue.add('payments-query', { paymentId: 42 }, { jobId: '42', attempts: 3, backoffMs: 200 });
  await succeeded.promise;
  expect(tries).toEqual([1, 2, 3].map((attempt) => ({ attempt, jobId: '42', data: { paymentId: 42 } })));
  await sleep(100);
  expect(i.logger.warn).toHaveBeenCalledTimes(2);
  expect(i.logger.error).not.toHaveBeenCalled();
});

it('should log a job that failed for good and keep it for inspection', async () => {
  const i = instance();
  const failed = signal();
  i.logger.error.mockImplementation(() => failed.resolve());
  i.queue.process('settlement-post', async () => {
    throw new Error('ledger unbalanced');
  });
  await i.queue.add('settlement-post', { entry: 7 }, { jobId: 'entry:7', attempts: 2, backoffMs: 100 });
  await failed.promise;
  expect(i.logger.error.mock.calls[0][0]).toContain('settlement-post#entry:7 failed after 2 tries');
  expect(i.logger.error.mock.calls[0][0]).toContain('ledger unbalanced');

  const inspector = new Queue('settlement-post', { connection: i.redis.client, prefix: `${prefix}bull` });
  const job = await inspector.getJob(encodeJobId('entry:7'));
  expect(await job?.getState()).toBe('failed');
  expect(job?.failedReason).toBe('ledger unbalanced');
  expect(job?.data).toEqual({ entry: 7 });
  await inspector.close();
});

it('should cancel a delayed job on remove and accept its id again', async () => {
  const i = instance();
  const runs: unknown[] = [];
  const barrier = signal();
  let onRun: (data: unknown) => void = (data) => void runs.push(data);
  await i.queue.add('orders-unpaid-timeout', { orderId: 'ord3' }, { delayMs: 400, jobId: 'order:ord3' });
  await i.queue.remove('orders-unpaid-timeout', 'order:ord3');
  await i.queue.remove('orders-unpaid-timeout', 'order:never-added');
  await i.queue.add('orders-unpaid-timeout', { barrier: true }, { delayMs: 900 });
  i.queue.process('orders-unpaid-timeout', async (data: { barrier?: boolean }) => {
    if (data.barrier) barrier.resolve();
    else onRun(data);
  });
  await barrier.promise;
  expect(runs).toEqual([]);

  const again = signal<unknown>();
  onRun = again.resolve;
  await i.queue.add('orders-unpaid-timeout', { orderId: 'ord3', again: true }, { jobId: 'order:ord3' });
  expect(await again.promise).toEqual({ orderId: 'ord3', again: true });
});

it('should leave consuming to worker processes when QUEUE_WORKERS is false', async () => {
  const web = instance({ workers: false });
  const worker = instance();
  const ranOn: string[] = [];
  const all = signal();
  web.queue.process('notify-members', async () => void ranOn.push('web'));
  worker.queue.process('notify-members', async () => {
    ranOn.push('worker');
    if (ranOn.length === 3) all.resolve();
  });
  for (const n of [1, 2, 3]) await web.queue.add('notify-members', { n });
  await all.promise;
  expect(ranOn).toEqual(['worker', 'worker', 'worker']);
});

it('should wait on close for the handler that is running', async () => {
  const i = instance();
  const started = signal();
  const gate = signal();
  const steps: string[] = [];
  i.queue.process('payouts', async () => {
    steps.push('start');
    started.resolve();
    await gate.promise;
    steps.push('end');
  });
  await i.queue.add('payouts', { batch: 1 });
  await started.promise;
  const closing = i.queue.close().then(() => steps.push('closed'));
  await sleep(200);
  expect(steps).toEqual(['start']);
  gate.resolve();
  await closing;
  expect(steps).toEqual(['start', 'end', 'closed']);
  await expect(i.queue.add('payouts', {})).rejects.toThrow('closed');
});
