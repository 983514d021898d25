import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RuntimeLogger } from './index';
import type { RedisConnection } from './redis';

/**
 * Serialised public read responses (catalog, workers, search …), invalidated by tags.
 *
 * Versioned keys: every tag (a content-type uid) has a version number and an entry's key
 * embeds the versions of the tags it depends on. `invalidate` bumps versions, so from then on
 * every reader computes a new key and the old entries are simply never read again (they fall
 * out by LRU or TTL). With Redis the versions live in Redis and are read on every lookup: a
 * bump is visible to every instance as soon as the HINCRBY returns, with no window where an
 * instance that has not heard a pub/sub message yet serves the old answer.
 */
export interface CachedResponse {
  body: string;
  etag: string;
}

export interface ResponseCache {
  /** The versions of these tags, to embed in a key. One round trip with Redis. */
  stamp(tags: readonly string[]): Promise<string>;
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
  /** Resolves once every instance's next `stamp` sees the new versions. */
  invalidate(tags: readonly string[]): Promise<void>;
}

export interface ResponseCacheOptions {
  /** Upper bound of the in-process entries, in bytes of body (UTF-16 length is close enough). */
  maxBytes?: number;
  /** Seconds an entry may live at most; invalidation does the real work, this bounds memory. */
  ttlSeconds?: number;
}

export const RESPONSE_CACHE_DEFAULTS = { maxBytes: 32 * 1024 * 1024, ttlSeconds: 300 };

export function responseCacheOptionsFromEnv(env: NodeJS.ProcessEnv): Required<ResponseCacheOptions> {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxBytes: positive(env.RESPONSE_CACHE_MAX_BYTES, RESPONSE_CACHE_DEFAULTS.maxBytes),
    ttlSeconds: positive(env.RESPONSE_CACHE_TTL, RESPONSE_CACHE_DEFAULTS.ttlSeconds),
  };
}

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

function lru(options: ResponseCacheOptions) {
  const { maxBytes, ttlSeconds } = { ...RESPONSE_CACHE_DEFAULTS, ...options };
  return new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => value.body.length + key.length + 64,
    ttl: ttlSeconds * 1000,
  });
}

export function createMemoryResponseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const versions = new Map<string, number>();
  const entries = lru(options);
  return {
    async stamp(tags) {
      return tags.map((t) => versions.get(t) ?? 0).join('.');
    },
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      entries.set(key, value);
    },
    async invalidate(tags) {
      for (const tag of tags) versions.set(tag, (versions.get(tag) ?? 0) + 1);
    },
  };
}

export function createRedisResponseCache({
  redis,
  prefix,
  logger,
  ...options
}: ResponseCacheOptions & { redis: RedisConnection; prefix: string; logger: RuntimeLogger }): ResponseCache {
  const { ttlSeconds } = { ...RESPONSE_CACHE_DEFAULTS, ...options };
  const versionsKey = `${prefix}rc:versions`;
  const entryKey = (key: string) => `${prefix}rc:e:${createHash('sha1').update(key).digest('base64url')}`;
  // Entries are immutable under their versioned key, so a local copy can never be stale: it
  // only saves the second round trip (and the JSON transfer) on a hit.
  const local = lru({ ...options, maxBytes: Math.min(options.maxBytes ?? RESPONSE_CACHE_DEFAULTS.maxBytes, 16 * 1024 * 1024) });
  const client = redis.client;

  return {
    async stamp(tags) {
      if (tags.length === 0) return '';
      const values = await client.hmget(versionsKey, ...tags);
      return values.map((v) => v ?? '0').join('.');
    },
    async get(key) {
      const hit = local.get(key);
      if (hit) return hit;
      const raw = await client.get(entryKey(key));
      if (raw === null) return undefined;
      try {
        const value = JSON.parse(raw) as CachedResponse;
        local.set(key, value);
        return value;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      local.set(key, value);
      try {
        await client.set(entryKey(key), JSON.stringify(value), 'EX', ttlSeconds);
      } catch (err) {
        // A lost shared copy only costs another instance a miss.
        logger.warn(`Response cache: could not store an entry: ${(err as Error).message}`);
      }
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      const multi = client.multi();
      for (const tag of tags) multi.hincrby(versionsKey, tag, 1);
      await multi.exec();
    },
  };
}
