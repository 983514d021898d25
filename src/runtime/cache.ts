import type { Redis, Cluster } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Small shared cache: SMS codes, rate-limit counters, idempotency markers. Values are JSON.
 * With Redis every instance sees the same keys; the in-memory one is for the embedded mode.
 */
export interface Cache {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a cheap distributed "first wins"). */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Increments a counter; the TTL starts with the first increment of a window. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /** Seconds until the key expires, or undefined when it does not exist or never expires. */
  ttl(key: string): Promise<number | undefined>;
}

interface Entry {
  value: string;
  expiresAt?: number;
}

/** Keys the embedded cache holds at most; the least recently used go first beyond that. */
export const MEMORY_CACHE_MAX_ENTRIES = 50_000;

export function createMemoryCache(prefix = '', now: () => number = Date.now, maxEntries = MEMORY_CACHE_MAX_ENTRIES): Cache {
  // Expiry is checked against the injected clock (tests drive it); the LRU bound keeps keys
  // nobody reads again (one per phone number, per IP) from growing the process forever.
  const entries = new LRUCache<string, Entry>({ max: maxEntries });
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(prefix + key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(prefix + key);
      return undefined;
    }
    return entry;
  };
  const expiry = (ttlSeconds?: number) => (ttlSeconds ? now() + ttlSeconds * 1000 : undefined);

  return {
    async get<T>(key: string) {
      const entry = live(key);
      return entry ? (JSON.parse(entry.value) as T) : undefined;
    },
    async set(key, value, ttlSeconds) {
      entries.set(prefix + key, { value: JSON.stringify(value), expiresAt: expiry(ttlSeconds) });
    },
    async setIfAbsent(key, value, ttlSeconds) {
      if (live(key)) return false;
      entries.set(prefix + key, { value: JSON.stringify(value), expiresAt: expiry(ttlSeconds) });
      return true;
    },
    async del(key) {
      entries.delete(prefix + key);
    },
    async incr(key, ttlSeconds) {
      const entry = live(key);
      const next = entry ? Number(JSON.parse(entry.value)) + 1 : 1;
      entries.set(prefix + key, { value: JSON.stringify(next), expiresAt: entry?.expiresAt ?? expiry(ttlSeconds) });
      return next;
    },
    async ttl(key) {
      const entry = live(key);
      if (!entry || entry.expiresAt === undefined) return undefined;
      return Math.ceil((entry.expiresAt - now()) / 1000);
    },
  };
}

export function createRedisCache(redis: Redis | Cluster, prefix = ''): Cache {
  return {
    async get<T>(key: string) {
      const raw = await redis.get(prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds) await redis.set(prefix + key, JSON.stringify(value), 'EX', ttlSeconds);
      else await redis.set(prefix + key, JSON.stringify(value));
    },
    async setIfAbsent(key, value, ttlSeconds) {
      const result = await redis.set(prefix + key, JSON.stringify(value), 'EX', ttlSeconds, 'NX');
      return result === 'OK';
    },
    async del(key) {
      await redis.del(prefix + key);
    },
    async incr(key, ttlSeconds) {
      // INCR + EXPIRE NX in one round trip keeps the window fixed from the first hit.
      const results = await redis.multi().incr(prefix + key).expire(prefix + key, ttlSeconds, 'NX').exec();
      return Number(results?.[0]?.[1]);
    },
    async ttl(key) {
      const seconds = await redis.ttl(prefix + key);
      return seconds >= 0 ? seconds : undefined;
    },
  };
}
