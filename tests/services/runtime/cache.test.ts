import { randomUUID } from 'node:crypto';
import { createRedisCache, type Cache } from '../../../src/runtime/cache';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: RedisConnection;
let cache: Cache;

beforeAll(() => {
  redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  cache = createRedisCache(redis.client, prefix);
});

afterAll(async () => {
  const keys = await redis.client.keys(`${prefix}*`);
  if (keys.length > 0) await redis.client.del(...keys);
  await redis.quitAll();
});

it('should store JSON under the prefix and forget it on del', async () => {
  await cache.set('profile:7', { name: '张三', tags: ['保洁'] });
  expect(await cache.get('profile:7')).toEqual({ name: '张三', tags: ['保洁'] });
  expect(await redis.client.get(`${prefix}profile:7`)).toBe('{"name":"张三","tags":["保洁"]}');
  expect(await cache.ttl('profile:7')).toBeUndefined();
  await cache.del('profile:7');
  expect(await cache.get('profile:7')).toBeUndefined();
});

it('should expire a value after its TTL', async () => {
  await cache.set('sms:13800000000', '123456', 1);
  expect(await cache.ttl('sms:13800000000')).toBe(1);
  await sleep(1100);
  expect(await cache.get('sms:13800000000')).toBeUndefined();
  expect(await cache.ttl('sms:13800000000')).toBeUndefined();
});

it('should count in a window fixed by the first hit, shared by every instance', async () => {
  const other = createRedisCache(redis.duplicate(), prefix);
  expect(await cache.incr('rate:login:1', 1)).toBe(1);
  await sleep(600);
  expect(await other.incr('rate:login:1', 60)).toBe(2);
  // The later hit asked for 60 s but the window still ends one second after the first.
  expect(await cache.ttl('rate:login:1')).toBeLessThanOrEqual(1);
  await sleep(600);
  expect(await cache.incr('rate:login:1', 60)).toBe(1);
  expect(await cache.ttl('rate:login:1')).toBe(60);
});

it('should let only the first setIfAbsent win until the marker expires', async () => {
  const other = createRedisCache(redis.duplicate(), prefix);
  const [a, b] = await Promise.all([cache.setIfAbsent('notify:tx9', 'a', 1), other.setIfAbsent('notify:tx9', 'b', 1)]);
  expect([a, b].filter(Boolean)).toHaveLength(1);
  expect(await cache.get('notify:tx9')).toBe(a ? 'a' : 'b');
  await sleep(1100);
  expect(await other.setIfAbsent('notify:tx9', 'c', 1)).toBe(true);
  expect(await cache.get('notify:tx9')).toBe('c');
});
