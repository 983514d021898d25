import { randomUUID } from 'node:crypto';
import { createMemoryGeo, createRedisGeo, type Geo } from '../../../src/runtime/geo';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;

const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4733 }; // 人民广场
const WORKERS = {
  'w:lujiazui': { lat: 31.2381, lng: 121.5053 }, // 陆家嘴
  'w:jingan': { lat: 31.2235, lng: 121.4455 }, // 静安寺
  'w:xujiahui': { lat: 31.1954, lng: 121.4374 }, // 徐家汇
  'w:hongqiao': { lat: 31.1944, lng: 121.3207 }, // 虹桥站
};

let redis: RedisConnection;
let geo: Geo;
let memory: Geo;

beforeAll(async () => {
  redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  geo = createRedisGeo(redis.client, prefix);
  memory = createMemoryGeo();
  for (const [member, at] of Object.entries(WORKERS)) {
    await geo.upsert('workers:310100', member, at);
    await memory.upsert('workers:310100', member, at);
  }
});

afterAll(async () => {
  const keys = await redis.client.keys(`${prefix}*`);
  if (keys.length > 0) await redis.client.del(...keys);
  await redis.quitAll();
});

it('should find the workers within the radius, nearest first, as the in-process index does', async () => {
  const found = await geo.near('workers:310100', PEOPLES_SQUARE, 6000);
  const expected = await memory.near('workers:310100', PEOPLES_SQUARE, 6000);
  expect(found.map((m) => m.member)).toEqual(['w:jingan', 'w:lujiazui', 'w:xujiahui']);
  expect(found.map((m) => m.member)).toEqual(expected.map((m) => m.member));
  found.forEach((match, i) => {
    // Redis stores 52-bit geohashes: positions move by well under a metre.
    expect(Math.abs(match.distanceMeters - expected[i].distanceMeters)).toBeLessThan(1);
    expect(match.lat).toBeCloseTo(expected[i].lat, 4);
    expect(match.lng).toBeCloseTo(expected[i].lng, 4);
  });
  expect((await geo.near('workers:310100', PEOPLES_SQUARE, 6000, { count: 1 })).map((m) => m.member)).toEqual(['w:jingan']);
  expect(await geo.near('workers:999999', PEOPLES_SQUARE, 6000)).toEqual([]);
  expect(await redis.client.exists(`${prefix}geo:workers:310100`)).toBe(1);
});

it('should move a worker on upsert and drop it on remove', async () => {
  await geo.upsert('workers:moving', 'w1', WORKERS['w:hongqiao']);
  expect(await geo.near('workers:moving', PEOPLES_SQUARE, 5000)).toEqual([]);
  await geo.upsert('workers:moving', 'w1', WORKERS['w:lujiazui']);
  const at = await geo.position('workers:moving', 'w1');
  expect(at?.lat).toBeCloseTo(WORKERS['w:lujiazui'].lat, 4);
  expect(at?.lng).toBeCloseTo(WORKERS['w:lujiazui'].lng, 4);
  expect((await geo.near('workers:moving', PEOPLES_SQUARE, 5000)).map((m) => m.member)).toEqual(['w1']);
  await geo.remove('workers:moving', 'w1');
  expect(await geo.position('workers:moving', 'w1')).toBeUndefined();
  expect(await geo.near('workers:moving', PEOPLES_SQUARE, 5000)).toEqual([]);
});

it('should refuse a position Redis cannot index before sending it', async () => {
  await expect(geo.upsert('workers:310100', 'w:pole', { lat: 89, lng: 0 })).rejects.toThrow(RangeError);
});
