import { createMemoryCache, createRedisCache, type Cache } from './cache';
import { createRedisConnection, redisConfigFromEnv, type RedisConnection } from './redis';

/**
 * The runtime picks its implementations once at boot: Redis-backed when REDIS_URL or
 * REDIS_CLUSTER_NODES is set, in-process otherwise. Plugins only see these interfaces.
 */
export interface Runtime {
  mode: 'redis' | 'embedded';
  /** Key prefix shared by every Redis-backed part (tests run several apps on one Redis). */
  prefix: string;
  redis?: RedisConnection;
  cache: Cache;
  close(): Promise<void>;
}

/** Where the runtime reports failures nobody awaits (failed jobs, subscriber errors); `strapi.log` fits. */
export interface RuntimeLogger {
  error(message: string, ...meta: unknown[]): void;
  warn(message: string, ...meta: unknown[]): void;
  info(message: string, ...meta: unknown[]): void;
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  if (!current) throw new Error('runtime not started: call startRuntime() during bootstrap');
  return current;
}

export const hasRuntime = (): boolean => current !== undefined;

export interface RuntimeOptions {
  env?: NodeJS.ProcessEnv;
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  if (current) return current;
  const env = options.env ?? process.env;
  const prefix = env.REDIS_PREFIX ?? 'shangmen:';
  const redisConfig = redisConfigFromEnv(env);

  if (redisConfig) {
    const redis = createRedisConnection(redisConfig);
    current = {
      mode: 'redis',
      prefix,
      redis,
      cache: createRedisCache(redis.client, prefix),
      async close() {
        await redis.quitAll();
        current = undefined;
      },
    };
  } else {
    current = {
      mode: 'embedded',
      prefix,
      cache: createMemoryCache(prefix),
      async close() {
        current = undefined;
      },
    };
  }
  return current;
}

export async function stopRuntime(): Promise<void> {
  await current?.close();
  current = undefined;
}
