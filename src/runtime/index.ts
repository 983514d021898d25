import { createMemoryCache, createRedisCache, type Cache } from './cache';
import { createMemoryGeo, createRedisGeo, type Geo } from './geo';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './pubsub';
import { createBullQueue, createMemoryQueue, type JobQueue } from './queue';
import { createRedisConnection, redisConfigFromEnv, type RedisConnection } from './redis';
import { createMemoryResponseCache, createRedisResponseCache, responseCacheOptionsFromEnv, type ResponseCache } from './response-cache';

/**
 * The runtime picks its implementations once at boot: Redis-backed when REDIS_URL or
 * REDIS_CLUSTER_NODES is set, in-process otherwise. Plugins only see these interfaces.
 * The socket server is not part of it: it needs the HTTP server (see ./socket).
 */
export interface Runtime {
  mode: 'redis' | 'embedded';
  /** Key prefix shared by every Redis-backed part (tests run several apps on one Redis). */
  prefix: string;
  redis?: RedisConnection;
  cache: Cache;
  /** Public read responses by versioned tags (see ./read-cache). */
  responses: ResponseCache;
  queue: JobQueue;
  pubsub: PubSub;
  geo: Geo;
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
  /** Defaults to the console; pass `strapi.log` from bootstrap. */
  logger?: RuntimeLogger;
  /**
   * Whether queue consumers run in this process (Redis mode only). Defaults to
   * `QUEUE_WORKERS !== 'false'`; `npm run worker` passes true.
   */
  queueWorkers?: boolean;
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  if (current) return current;
  const env = options.env ?? process.env;
  const logger = options.logger ?? console;
  const prefix = env.REDIS_PREFIX ?? 'shangmen:';
  const redisConfig = redisConfigFromEnv(env);

  if (redisConfig) {
    const redis = createRedisConnection(redisConfig);
    const queue = createBullQueue({
      redis,
      prefix,
      logger,
      workers: options.queueWorkers ?? env.QUEUE_WORKERS !== 'false',
    });
    const pubsub = createRedisPubSub({ redis, prefix, logger });
    current = {
      mode: 'redis',
      prefix,
      redis,
      cache: createRedisCache(redis.client, prefix),
      responses: createRedisResponseCache({ redis, prefix, logger, ...responseCacheOptionsFromEnv(env) }),
      queue,
      pubsub,
      geo: createRedisGeo(redis.client, prefix),
      async close() {
        // Running jobs may still publish or write, so they finish before the connections go.
        try {
          await queue.close();
          await pubsub.close();
        } finally {
          await redis.quitAll();
          current = undefined;
        }
      },
    };
  } else {
    const queue = createMemoryQueue({ logger });
    const pubsub = createMemoryPubSub({ logger });
    current = {
      mode: 'embedded',
      prefix,
      cache: createMemoryCache(prefix),
      responses: createMemoryResponseCache(responseCacheOptionsFromEnv(env)),
      queue,
      pubsub,
      geo: createMemoryGeo(),
      async close() {
        try {
          await queue.close();
          await pubsub.close();
        } finally {
          current = undefined;
        }
      },
    };
  }
  return current;
}

export async function stopRuntime(): Promise<void> {
  await current?.close();
  current = undefined;
}
