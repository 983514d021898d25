import { randomUUID } from 'node:crypto';
import { createRedisPubSub, type PubSub } from '../../../src/runtime/pubsub';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;

interface Instance {
  redis: RedisConnection;
  pubsub: PubSub;
  logger: { error: jest.Mock; warn: jest.Mock; info: jest.Mock };
}

const instances: Instance[] = [];

function instance(ownPrefix = prefix): Instance {
  const redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const created = { redis, logger, pubsub: createRedisPubSub({ redis, prefix: ownPrefix, logger }) };
  instances.push(created);
  return created;
}

function collector<T = unknown>(count: number) {
  const messages: T[] = [];
  let done!: (value: T[]) => void;
  const received = new Promise<T[]>((resolve) => (done = resolve));
  const handler = (message: T) => {
    messages.push(message);
    if (messages.length === count) done(messages);
  };
  return { handler, received, messages };
}

afterEach(async () => {
  for (const { pubsub, redis } of instances.splice(0)) {
    await pubsub.close();
    await redis.quitAll();
  }
});

it('should carry JSON messages from one instance to another, in order', async () => {
  const a = instance();
  const b = instance();
  const sink = collector(2);
  await a.pubsub.subscribe('order:status', sink.handler);
  await b.pubsub.publish('order:status', { orderId: 'ord1', to: 'accepted', at: new Date('2026-11-26T06:00:00Z') });
  await b.pubsub.publish('order:status', { orderId: 'ord1', to: 'on_the_way' });
  expect(await sink.received).toEqual([
    { orderId: 'ord1', to: 'accepted', at: '2026-11-26T06:00:00.000Z' },
    { orderId: 'ord1', to: 'on_the_way' },
  ]);
});

it('should keep apps with different prefixes apart', async () => {
  const ours = instance();
  const theirs = instance(`test:${randomUUID().slice(0, 8)}:`);
  const heardByThem: unknown[] = [];
  await theirs.pubsub.subscribe('order:status', (m) => heardByThem.push(m));
  const barrier = collector(1);
  await theirs.pubsub.subscribe('barrier', barrier.handler);

  await ours.pubsub.publish('order:status', { orderId: 'ours' });
  await theirs.pubsub.publish('barrier', 'done');
  await barrier.received;
  expect(heardByThem).toEqual([]);
});

it('should serve several handlers on one channel and unsubscribe from Redis after the last', async () => {
  const a = instance();
  const b = instance();
  const first = collector(2);
  const second = collector(1);
  const stopFirst = await a.pubsub.subscribe('im:conversation:9', first.handler);
  const stopSecond = await a.pubsub.subscribe('im:conversation:9', second.handler);

  await b.pubsub.publish('im:conversation:9', { text: '师傅几点到？' });
  expect(await second.received).toEqual([{ text: '师傅几点到？' }]);
  await stopSecond();
  await b.pubsub.publish('im:conversation:9', { text: '十分钟后' });
  expect(await first.received).toEqual([{ text: '师傅几点到？' }, { text: '十分钟后' }]);
  expect(second.messages).toHaveLength(1);

  const channel = `${prefix}im:conversation:9`;
  expect(await b.redis.client.pubsub('NUMSUB', channel)).toEqual([channel, 1]);
  await stopFirst();
  expect(await b.redis.client.pubsub('NUMSUB', channel)).toEqual([channel, 0]);
});

it('should log a failing handler and keep the subscription alive', async () => {
  const a = instance();
  let calls = 0;
  const after = collector(1);
  await a.pubsub.subscribe('tracking', async (m: { n: number }) => {
    calls += 1;
    if (m.n === 1) throw new Error('handler broke');
    after.handler(m);
  });
  await a.pubsub.publish('tracking', { n: 1 });
  await a.pubsub.publish('tracking', { n: 2 });
  expect(await after.received).toEqual([{ n: 2 }]);
  expect(calls).toBe(2);
  expect(a.logger.error).toHaveBeenCalledWith(expect.stringContaining('handler broke'), expect.any(Error));
});
