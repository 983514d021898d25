import { EventEmitter } from 'node:events';
import type { Cluster, Redis } from 'ioredis';
import type { RuntimeLogger } from './index';
import type { RedisConnection } from './redis';

/**
 * Fire-and-forget messages between instances (cache invalidation, "order changed" fan-out to
 * whichever instance holds the socket). Nothing is stored: a subscriber that is not listening
 * when a message is published never sees it. Messages travel as JSON.
 */
export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live, so a publish after it is delivered. */
  subscribe<T = unknown>(channel: string, handler: (message: T) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}

// `undefined` has no JSON form; it travels as null like a missing field would.
const encode = (message: unknown): string => JSON.stringify(message ?? null);

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/** Parses and hands over one message; a failing handler is logged, never fatal to the others. */
function deliver<T>(handler: (message: T) => void, payload: string, channel: string, logger: RuntimeLogger): void {
  let message: T;
  try {
    message = JSON.parse(payload) as T;
  } catch {
    logger.warn(`Pub/sub: dropped a message on "${channel}" that is not JSON`);
    return;
  }
  const report = (err: unknown) =>
    logger.error(`Pub/sub handler on "${channel}" failed: ${err instanceof Error ? err.message : String(err)}`, err);
  try {
    const result: unknown = handler(message);
    if (isThenable(result)) result.then(undefined, report);
  } catch (err) {
    report(err);
  }
}

export function createMemoryPubSub({ logger }: { logger: RuntimeLogger }): PubSub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let closed = false;

  return {
    async publish(channel, message) {
      if (closed) throw new Error('pub/sub is closed');
      const payload = encode(message);
      // Delivered on a later tick, as Redis would: a publisher never runs subscribers inline.
      setImmediate(() => {
        if (!closed) emitter.emit(channel, payload);
      });
    },

    async subscribe<T>(channel: string, handler: (message: T) => void) {
      if (closed) throw new Error('pub/sub is closed');
      const listener = (payload: string) => deliver(handler, payload, channel, logger);
      emitter.on(channel, listener);
      return async () => {
        emitter.off(channel, listener);
      };
    },

    async close() {
      closed = true;
      emitter.removeAllListeners();
    },
  };
}

interface Subscription {
  listeners: Set<(payload: string) => void>;
  /** The SUBSCRIBE round trip; later subscribers of the channel wait for it too. */
  ready: Promise<unknown>;
}

export function createRedisPubSub({
  redis,
  prefix,
  logger,
}: {
  redis: RedisConnection;
  prefix: string;
  logger: RuntimeLogger;
}): PubSub {
  // A connection in subscriber mode cannot run other commands: one dedicated client, opened on
  // the first subscribe; publishing goes through the shared client.
  let subscriber: Redis | Cluster | undefined;
  const subscriptions = new Map<string, Subscription>();
  let closed = false;

  const subscriberClient = (): Redis | Cluster => {
    if (!subscriber) {
      subscriber = redis.duplicate();
      subscriber.on('message', (channel: string, payload: string) => {
        const subscription = subscriptions.get(channel);
        if (!subscription) return;
        for (const listener of [...subscription.listeners]) listener(payload);
      });
      subscriber.on('error', (err: Error) => logger.warn(`Pub/sub subscriber connection: ${err.message}`));
    }
    return subscriber;
  };

  return {
    async publish(channel, message) {
      if (closed) throw new Error('pub/sub is closed');
      await redis.client.publish(prefix + channel, encode(message));
    },

    async subscribe<T>(channel: string, handler: (message: T) => void) {
      if (closed) throw new Error('pub/sub is closed');
      const key = prefix + channel;
      const listener = (payload: string) => deliver(handler, payload, channel, logger);
      let subscription = subscriptions.get(key);
      if (!subscription) {
        const client = subscriberClient();
        const created: Subscription = { listeners: new Set(), ready: client.subscribe(key) };
        subscriptions.set(key, created);
        created.ready.catch(() => {
          if (subscriptions.get(key) === created) subscriptions.delete(key);
        });
        subscription = created;
      }
      subscription.listeners.add(listener);
      await subscription.ready;

      const owner = subscription;
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        owner.listeners.delete(listener);
        if (owner.listeners.size > 0 || subscriptions.get(key) !== owner || closed) return;
        subscriptions.delete(key);
        await subscriberClient().unsubscribe(key);
      };
    },

    async close() {
      // Stops delivery; the subscriber connection itself is quit by RedisConnection.quitAll(),
      // its one owner (quitting it here too would make that second quit leave a timer behind).
      closed = true;
      subscriptions.clear();
    },
  };
}
