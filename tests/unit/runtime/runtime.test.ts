import { hasRuntime, runtime, startRuntime, stopRuntime } from '../../../src/runtime';

describe('embedded runtime', () => {
  afterEach(() => stopRuntime());

  it('should start without any service when no Redis is configured', async () => {
    const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
    const started = await startRuntime({ env: {}, logger });
    expect(started.mode).toBe('embedded');
    expect(started.redis).toBeUndefined();
    expect(runtime()).toBe(started);
    expect(await startRuntime({ env: {} })).toBe(started);

    // The parts work together: a job publishes what a subscriber hears.
    const heard = new Promise((resolve) => void runtime().pubsub.subscribe('order:status', resolve));
    runtime().queue.process('orders-unpaid-timeout', async (data: { orderId: string }) => {
      await runtime().pubsub.publish('order:status', { orderId: data.orderId, to: 'cancelled' });
    });
    await runtime().geo.upsert('workers', 'w1', { lat: 31.2381, lng: 121.5053 });
    await runtime().queue.add('orders-unpaid-timeout', { orderId: 'ord1' }, { jobId: 'order:ord1' });
    expect(await heard).toEqual({ orderId: 'ord1', to: 'cancelled' });
    expect(await runtime().geo.position('workers', 'w1')).toEqual({ lat: 31.2381, lng: 121.5053 });
    await runtime().cache.set('k', 1);
    expect(await runtime().cache.get('k')).toBe(1);
  });

  it('should be gone after close until started again', async () => {
    await startRuntime({ env: {} });
    await stopRuntime();
    expect(hasRuntime()).toBe(false);
    expect(() => runtime()).toThrow('runtime not started');
  });
});
