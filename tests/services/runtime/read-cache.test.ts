import { randomUUID } from 'node:crypto';
import { readCache } from '../../../src/runtime/read-cache';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';
import { createRedisResponseCache, type ResponseCache } from '../../../src/runtime/response-cache';

/**
 * Two app instances sharing one Redis: what one caches, the other may serve; what one
 * invalidates, neither serves again — with no wait after the invalidation returns.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;
const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
const TAGS = ['api::people.worker', 'api::settings.city'];

const connections: RedisConnection[] = [];
function instance(): ResponseCache {
  const redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  connections.push(redis);
  return createRedisResponseCache({ redis, prefix, logger, ttlSeconds: 60 });
}

afterAll(async () => {
  const [first] = connections;
  const keys = await first.client.keys(`${prefix}*`);
  if (keys.length > 0) await first.client.del(...keys);
  for (const c of connections) await c.quitAll();
});

/** The database both instances read; the controller behind the middleware. */
const db = { rating: 4.9, reads: 0 };

async function request(cache: ResponseCache, url: string, headers: Record<string, string> = {}) {
  const [path, search = ''] = url.split('?');
  const out: Record<string, string> = {};
  const ctx: any = {
    method: 'GET',
    path,
    query: Object.fromEntries(new URLSearchParams(search)),
    state: {},
    status: 404,
    body: undefined,
    type: '',
    set: (k: string, v: string) => (out[k.toLowerCase()] = v),
    get: (k: string) => headers[k] ?? '',
    vary: (k: string) => (out.vary = k),
  };
  await readCache({ tags: TAGS, cache: () => cache })(ctx, async () => {
    db.reads += 1;
    ctx.status = 200;
    ctx.body = { data: [{ documentId: 'w1', rating: db.rating }], meta: { q: ctx.query } };
  });
  return { status: ctx.status, body: typeof ctx.body === 'string' ? JSON.parse(ctx.body) : ctx.body, headers: out };
}

it('shares an entry between instances and drops it on both once either invalidates', async () => {
  const a = instance();
  const b = instance();
  const first = await request(a, '/api/workers?city=310100&page=1');
  expect(first.headers['x-cache']).toBe('MISS');
  // Another instance, parameters in another order: the shared entry, no database read.
  const reads = db.reads;
  const shared = await request(b, '/api/workers?page=1&city=310100');
  expect(shared.headers['x-cache']).toBe('HIT');
  expect(db.reads).toBe(reads);
  expect(shared.body.data[0].rating).toBe(4.9);

  // A review lands on B's side: the row changes, B invalidates; A's very next read is fresh,
  // although A still holds the old answer in its own memory.
  db.rating = 3.7;
  await b.invalidate(['api::people.worker']);
  const fresh = await request(a, '/api/workers?city=310100&page=1');
  expect(fresh.headers['x-cache']).toBe('MISS');
  expect(fresh.body.data[0].rating).toBe(3.7);
  expect((await request(b, '/api/workers?city=310100&page=1')).body.data[0].rating).toBe(3.7);
});

it('answers 304 on either instance for the ETag the other handed out', async () => {
  const a = instance();
  const b = instance();
  const res = await request(a, '/api/workers?city=330100');
  const revalidated = await request(b, '/api/workers?city=330100', { 'If-None-Match': res.headers.etag });
  expect(revalidated.status).toBe(304);
  db.rating = 4.1;
  await a.invalidate(['api::settings.city']);
  const changed = await request(b, '/api/workers?city=330100', { 'If-None-Match': res.headers.etag });
  expect(changed.status).toBe(200);
  expect(changed.body.data[0].rating).toBe(4.1);
});

it('leaves entries of unrelated tags alone', async () => {
  const a = instance();
  const b = instance();
  await request(a, '/api/workers?city=110100');
  await b.invalidate(['api::catalog.service-item']);
  expect((await request(b, '/api/workers?city=110100')).headers['x-cache']).toBe('HIT');
});
