import { canonicalJson } from '../../../src/runtime/canonical-json';
import { audienceOf, readCache } from '../../../src/runtime/read-cache';
import { createMemoryResponseCache, type ResponseCache } from '../../../src/runtime/response-cache';

function fakeRequest(cache: ResponseCache, url: string, options: { headers?: Record<string, string>; state?: any; status?: number; body?: unknown; bypass?: boolean } = {}) {
  const [path, search = ''] = url.split('?');
  const out: Record<string, string> = {};
  const ctx: any = {
    method: 'GET',
    path,
    query: Object.fromEntries(new URLSearchParams(search)),
    state: options.state ?? {},
    status: 404,
    body: undefined,
    set: (k: string, v: string) => (out[k.toLowerCase()] = v),
    get: (k: string) => options.headers?.[k] ?? '',
    vary: (k: string) => (out.vary = k),
  };
  let calls = 0;
  const run = readCache({ tags: ['t:a', 't:b'], cache: () => cache, bypass: () => Boolean(options.bypass) })(ctx, async () => {
    calls += 1;
    ctx.status = options.status ?? 200;
    ctx.body = options.body ?? { data: [1, 2, 3] };
  });
  return run.then(() => ({ ctx, headers: out, calls }));
}

describe('canonicalJson as the cache key of a query', () => {
  it('sorts object keys at every level but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ sort: ['a', 'b'] })).not.toBe(canonicalJson({ sort: ['b', 'a'] }));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalJson({ b: 1 }));
  });
});

describe('audienceOf', () => {
  it('keys by role or token, never by user', () => {
    expect(audienceOf({ state: {} })).toBe('public');
    expect(audienceOf({ state: { user: { id: 1, role: { id: 3 } } } })).toBe(audienceOf({ state: { user: { id: 2, role: { id: 3 } } } }));
    expect(audienceOf({ state: { user: { id: 1, role: { id: 4 } } } })).not.toBe(audienceOf({ state: { user: { id: 1, role: { id: 3 } } } }));
    expect(audienceOf({ state: { auth: { strategy: { name: 'api-token' }, credentials: { id: 9 } } } })).toBe('token:9');
  });
});

describe('readCache middleware (memory)', () => {
  it('stores a 200, serves it again without the controller, and forgets it when a tag is bumped', async () => {
    const cache = createMemoryResponseCache();
    expect((await fakeRequest(cache, '/x?b=2&a=1')).calls).toBe(1);
    const hit = await fakeRequest(cache, '/x?a=1&b=2');
    expect(hit.calls).toBe(0);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(JSON.parse(hit.ctx.body)).toEqual({ data: [1, 2, 3] });
    await cache.invalidate(['t:b']);
    expect((await fakeRequest(cache, '/x?a=1&b=2')).calls).toBe(1);
    await cache.invalidate(['other']);
    expect((await fakeRequest(cache, '/x?a=1&b=2')).calls).toBe(0);
  });

  it('does not store errors, and answers 304 only for the current ETag', async () => {
    const cache = createMemoryResponseCache();
    const failed = await fakeRequest(cache, '/y', { status: 404, body: { error: 'nope' } });
    expect(failed.headers.etag).toBeUndefined();
    expect((await fakeRequest(cache, '/y')).calls).toBe(1);
    const { headers } = await fakeRequest(cache, '/y');
    const revalidated = await fakeRequest(cache, '/y', { headers: { 'If-None-Match': `W/${headers.etag}` } });
    expect(revalidated.ctx.status).toBe(304);
    expect(revalidated.ctx.body).toBeNull();
    expect((await fakeRequest(cache, '/y', { headers: { 'If-None-Match': '"old"' } })).ctx.status).toBe(200);
  });

  it('keeps a bypassed answer out of the cache but still tags it', async () => {
    const cache = createMemoryResponseCache();
    const first = await fakeRequest(cache, '/z', { bypass: true, state: { user: { id: 1, role: { id: 3 } } } });
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.etag).toMatch(/^"/);
    expect((await fakeRequest(cache, '/z', { state: { user: { id: 2, role: { id: 3 } } } })).calls).toBe(1);
  });

  it('evicts beyond its byte bound', async () => {
    const cache = createMemoryResponseCache({ maxBytes: 600 });
    await fakeRequest(cache, '/big1', { body: { s: 'x'.repeat(300) } });
    await fakeRequest(cache, '/big2', { body: { s: 'y'.repeat(300) } });
    expect((await fakeRequest(cache, '/big1', { body: { s: 'x'.repeat(300) } })).calls).toBe(1);
  });
});
