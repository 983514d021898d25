import Redis, { Cluster, type RedisOptions } from 'ioredis';

export type RedisConfig =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: Array<{ host: string; port: number }> };

export function redisConfigFromEnv(env: NodeJS.ProcessEnv): RedisConfig | undefined {
  if (env.REDIS_CLUSTER_NODES) {
    const nodes = env.REDIS_CLUSTER_NODES.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((hostPort) => {
        const [host, port] = hostPort.split(':');
        return { host, port: Number(port || 6379) };
      });
    return { kind: 'cluster', nodes };
  }
  if (env.REDIS_URL) return { kind: 'single', url: env.REDIS_URL };
  return undefined;
}

/**
 * One factory for every Redis client the app opens, so shutdown can quit them all (ioredis
 * clients keep the process alive, and socket.io's adapter and BullMQ never quit theirs).
 */
export interface RedisConnection {
  config: RedisConfig;
  /** The shared command client. */
  client: Redis | Cluster;
  /** A new client for blocking or subscriber use (pub/sub, BullMQ workers). */
  duplicate(options?: RedisOptions): Redis | Cluster;
  quitAll(): Promise<void>;
}

export function createRedisConnection(config: RedisConfig, options: RedisOptions = {}): RedisConnection {
  const opened: Array<Redis | Cluster> = [];
  const open = (extra: RedisOptions = {}): Redis | Cluster => {
    const merged: RedisOptions = { lazyConnect: false, ...options, ...extra };
    const client =
      config.kind === 'cluster'
        ? new Cluster(config.nodes, { redisOptions: merged })
        : new Redis(config.url, merged);
    opened.push(client);
    return client;
  };
  const client = open();
  return {
    config,
    client,
    duplicate: (extra) => open(extra),
    async quitAll() {
      await Promise.all(
        opened.splice(0).map(async (c) => {
          try {
            await c.quit();
          } catch {
            c.disconnect();
          }
        }),
      );
    },
  };
}
