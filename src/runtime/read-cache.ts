import { AsyncLocalStorage } from 'node:async_hooks';
import { canonicalJson } from './canonical-json';
import { hasRuntime, runtime } from './index';
import { etagOf, type CachedResponse, type ResponseCache } from './response-cache';

/**
 * Response cache for public GET routes, as a Strapi route middleware (it runs after the
 * route's authentication and permission check, so a refused caller is refused as before).
 *
 * - Key: path + normalised query (keys sorted at every level) + audience + tag versions. The
 *   audience is `public` or the caller's users-permissions role / API token: Strapi sanitises
 *   output by the caller's permissions, so two roles may legitimately get different bodies,
 *   but two members of one role get the same public body. Routes whose body depends on the
 *   user themselves pass `bypass`.
 * - Every 200 JSON answer (cached or not) carries an ETag; a matching If-None-Match gets 304.
 * - Writes call `invalidateReads(tags)`; see `readCacheBarrier` for "before the write returns".
 */
type Ctx = any;
type Next = () => Promise<unknown>;

export interface ReadCacheOptions {
  /** Content-type uids the response is built from; a write to any of them invalidates it. */
  tags: readonly string[];
  /** True when this request's answer depends on the caller (never shared, still ETagged). */
  bypass?: (ctx: Ctx) => boolean;
  /** Defaults to the runtime's; tests pass one per simulated instance. */
  cache?: () => ResponseCache;
}

/** Who the body was sanitised for: never a user id, so members share entries. */
export function audienceOf(ctx: Ctx): string {
  const user = ctx.state?.user;
  if (user) return `role:${user.role?.id ?? user.role ?? 'none'}`;
  const auth = ctx.state?.auth;
  if (auth?.strategy?.name === 'api-token') return `token:${auth.credentials?.id ?? 'unknown'}`;
  return 'public';
}

const signedIn = (ctx: Ctx): boolean => Boolean(ctx.state?.user || ctx.state?.auth?.credentials);

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function send(ctx: Ctx, entry: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS'): void {
  ctx.set('ETag', entry.etag);
  // Always revalidate (max-age=0): an invalidated answer must not live on in a client or CDN.
  ctx.set('Cache-Control', signedIn(ctx) ? 'private, no-cache' : 'public, max-age=0, must-revalidate');
  ctx.vary('Authorization');
  ctx.set('X-Cache', state);
  if (matches(ctx.get('If-None-Match'), entry.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = entry.body;
}

/** The JSON answer a controller left in ctx.body, when it is a plain 200 worth keeping. */
function cacheable(ctx: Ctx): CachedResponse | undefined {
  const body = ctx.body;
  if (ctx.status !== 200 || body === null || typeof body !== 'object') return undefined;
  if (Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return undefined;
  const text = JSON.stringify(body);
  return { body: text, etag: etagOf(text) };
}

// Post-commit invalidations still running in this process: reads wait for them, so a write
// that finished here (even outside a request, e.g. a job) is never followed by a stale read here.
const inflight = new Set<Promise<void>>();
// Post-commit invalidations started by the current request, awaited before it responds.
const requestScope = new AsyncLocalStorage<Set<Promise<void>>>();

async function settle(set: Set<Promise<void>>): Promise<void> {
  while (set.size > 0) {
    const batch = [...set];
    set.clear();
    await Promise.allSettled(batch);
  }
}

/** RESPONSE_CACHE=off serves every read uncached (ETag and 304 still apply): diagnosis, benchmarks. */
const cacheDisabled = () => process.env.RESPONSE_CACHE === 'off';

export function readCache(options: ReadCacheOptions) {
  const tags = [...new Set(options.tags)].sort();
  return async function readCacheMiddleware(ctx: Ctx, next: Next) {
    if (ctx.method !== 'GET' || (!options.cache && !hasRuntime())) return next();
    if (cacheDisabled() || options.bypass?.(ctx)) {
      await next();
      const entry = cacheable(ctx);
      if (entry) send(ctx, entry, 'BYPASS');
      return;
    }
    if (inflight.size > 0) await Promise.allSettled([...inflight]);
    const cache = options.cache ? options.cache() : runtime().responses;
    // The versions are read before the data: a write that lands meanwhile bumps them, so what
    // this request stores under the old versions is never read again.
    const key = `${ctx.path}|${audienceOf(ctx)}|${await cache.stamp(tags)}|${canonicalJson(ctx.query)}`;
    const hit = await cache.get(key);
    if (hit) return send(ctx, hit, 'HIT');
    await next();
    const entry = cacheable(ctx);
    if (!entry) return;
    await cache.set(key, entry);
    send(ctx, entry, 'MISS');
  };
}

/**
 * Global middleware: a request that wrote waits, before its response goes out, for the
 * invalidations its transactions scheduled on commit (Strapi runs commit callbacks without
 * awaiting them).
 */
export function readCacheBarrier() {
  return (ctx: Ctx, next: Next) => {
    const set = new Set<Promise<void>>();
    return requestScope.run(set, async () => {
      try {
        await next();
      } finally {
        await settle(set);
      }
    });
  };
}

export interface TransactionHooks {
  inTransaction(): boolean;
  onCommit(callback: () => void): void | Promise<void>;
}

/**
 * Bumps the tags now, or, inside a transaction, once it commits (bumping earlier would let a
 * reader cache the not-yet-committed old rows under the new versions).
 */
export async function invalidateReads(
  tags: readonly string[],
  transaction?: TransactionHooks,
  onError: (err: unknown) => void = () => undefined,
): Promise<void> {
  if (tags.length === 0 || !hasRuntime()) return;
  const cache = runtime().responses;
  if (!transaction?.inTransaction()) {
    await cache.invalidate(tags);
    return;
  }
  const scope = requestScope.getStore();
  await transaction.onCommit(() => {
    const done: Promise<void> = cache.invalidate(tags).catch(onError);
    inflight.add(done);
    scope?.add(done);
    void done.finally(() => inflight.delete(done));
  });
}
