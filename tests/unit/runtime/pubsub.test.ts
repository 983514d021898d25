import { createMemoryPubSub, type PubSub } from '../../../src/runtime/pubsub';

function testLogger() {
  return { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
}

/** Resolves with the next `count` messages the returned handler receives. */
function collector<T = unknown>(count: number) {
  const messages: T[] = [];
  let done!: (value: T[]) => void;
  const received = new Promise<T[]>((resolve) => (done = resolve));
  const handler = (message: T) => {
    messages.push(message);
    if (messages.length === count) done(messages);
  };
  return { handler, received, messages };
}

describe('in-process pub/sub', () => {
  let logger: ReturnType<typeof testLogger>;
  let pubsub: PubSub;

  beforeEach(() => {
    logger = testLogger();
    pubsub = createMemoryPubSub({ logger });
  });

  afterEach(() => pubsub.close());

  it('should deliver to subscribers after publish has returned, in order', async () => {
    const sink = collector(2);
    await pubsub.subscribe('order:status', sink.handler);
    await pubsub.publish('order:status', { orderId: 'a', to: 'accepted' });
    expect(sink.messages).toEqual([]);
    await pubsub.publish('order:status', { orderId: 'a', to: 'on_the_way' });
    expect(await sink.received).toEqual([
      { orderId: 'a', to: 'accepted' },
      { orderId: 'a', to: 'on_the_way' },
    ]);
  });

  it('should give each subscriber its own JSON copy', async () => {
    const first = collector<{ at: unknown; tags: string[] }>(1);
    const second = collector<{ at: unknown; tags: string[] }>(1);
    await pubsub.subscribe('im:message', (m: { at: unknown; tags: string[] }) => {
      m.tags.push('changed by first');
      first.handler(m);
    });
    await pubsub.subscribe('im:message', second.handler);
    const message = { at: new Date('2026-11-26T06:00:00Z'), tags: ['a'] };
    await pubsub.publish('im:message', message);
    message.tags.push('changed by publisher');
    const [[fromSecond]] = await Promise.all([second.received, first.received]);
    expect(fromSecond).toEqual({ at: '2026-11-26T06:00:00.000Z', tags: ['a'] });
  });

  it('should only deliver on the subscribed channel and stop after unsubscribe', async () => {
    const orders = collector(1);
    const other = jest.fn();
    const unsubscribe = await pubsub.subscribe('orders', orders.handler);
    const unsubscribeOther = await pubsub.subscribe('payments', other);
    await pubsub.publish('orders', 1);
    await orders.received;
    await unsubscribe();
    await unsubscribe();
    await pubsub.publish('orders', 2);

    // A later message on a channel still listened to proves the earlier one had its chance.
    const barrier = collector(1);
    await pubsub.subscribe('barrier', barrier.handler);
    await pubsub.publish('barrier', 'done');
    await barrier.received;
    expect(orders.messages).toEqual([1]);
    expect(other).not.toHaveBeenCalled();
    await unsubscribeOther();
  });

  it('should keep delivering to others when one handler throws or rejects', async () => {
    const sink = collector(2);
    await pubsub.subscribe('tracking', () => {
      throw new Error('sync boom');
    });
    await pubsub.subscribe('tracking', async () => {
      throw new Error('async boom');
    });
    await pubsub.subscribe('tracking', sink.handler);
    await pubsub.publish('tracking', { lat: 31.2 });
    await pubsub.publish('tracking', undefined);
    expect(await sink.received).toEqual([{ lat: 31.2 }, null]);
    await new Promise((resolve) => setImmediate(resolve));
    const logged = logger.error.mock.calls.map(([message]) => message).join('\n');
    expect(logged).toContain('sync boom');
    expect(logged).toContain('async boom');
  });

  it('should refuse to publish after close and drop what was in flight', async () => {
    const handler = jest.fn();
    await pubsub.subscribe('orders', handler);
    await pubsub.publish('orders', 1);
    await pubsub.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(handler).not.toHaveBeenCalled();
    await expect(pubsub.publish('orders', 2)).rejects.toThrow('closed');
  });
});
