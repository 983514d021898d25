import { backoffDelayMs, createMemoryQueue, type JobMeta, type JobQueue } from '../../../src/runtime/queue';

function testLogger() {
  return { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('in-process job queue', () => {
  let logger: ReturnType<typeof testLogger>;
  let queue: JobQueue;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 26, 6) });
    logger = testLogger();
    queue = createMemoryQueue({ logger });
  });

  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('should run a delayed job once its delay has passed, not before', async () => {
    const seen: Array<[unknown, JobMeta]> = [];
    queue.process('orders-unpaid-timeout', async (data, meta) => {
      seen.push([data, meta]);
    });
    await queue.add('orders-unpaid-timeout', { orderId: 'ord1' }, { delayMs: 5000, jobId: 'order:ord1' });
    await advance(4999);
    expect(seen).toEqual([]);
    await advance(1);
    expect(seen).toEqual([[{ orderId: 'ord1' }, { jobId: 'order:ord1', attempt: 1 }]]);
  });

  it('should start even an immediate job after add() has returned', async () => {
    const handler = jest.fn(async () => undefined);
    queue.process('notify', handler);
    await queue.add('notify', { to: 1 });
    expect(handler).not.toHaveBeenCalled();
    await advance(0);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('should hand over the data as JSON, like Redis would', async () => {
    const handler = jest.fn(async (_data: unknown) => undefined);
    queue.process('notify', handler);
    const data = { at: new Date('2026-11-26T06:00:00Z'), lines: [1, 2] };
    await queue.add('notify', data);
    data.lines.push(3);
    await advance(0);
    expect(handler.mock.calls[0][0]).toEqual({ at: '2026-11-26T06:00:00.000Z', lines: [1, 2] });
  });

  it('should retry a failing job with exponential backoff and stop at the first success', async () => {
    const tries: Array<{ attempt: number; at: number }> = [];
    queue.process('payments-query', async (_data, { attempt }) => {
      tries.push({ attempt, at: Date.now() });
      if (attempt < 3) throw new Error('channel timeout');
    });
    const start = Date.now();
    await queue.add('payments-query', { paymentId: 9 }, { attempts: 4, backoffMs: 1000 });
    await advance(60_000);
    expect(tries).toEqual([
      { attempt: 1, at: start },
      { attempt: 2, at: start + 1000 },
      { attempt: 3, at: start + 3000 },
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('should default to 3 tries one, two seconds apart and log the job that failed for good', async () => {
    const tries: number[] = [];
    queue.process('settlement-post', async () => {
      tries.push(Date.now());
      throw new Error('ledger unbalanced');
    });
    const start = Date.now();
    await queue.add('settlement-post', {}, { jobId: 'entry:42' });
    await advance(60_000);
    expect(tries).toEqual([start, start + 1000, start + 3000]);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain('settlement-post#entry:42');
    expect(logger.error.mock.calls[0][0]).toContain('ledger unbalanced');
  });

  it('should compute backoff as base × 2^(n−1)', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(500, n))).toEqual([500, 1000, 2000, 4000]);
  });

  it('should ignore a second add with the same jobId while the first is pending or running', async () => {
    const gate = deferred();
    const seen: unknown[] = [];
    queue.process('dispatch-offer-timeout', async (data) => {
      seen.push(data);
      await gate.promise;
    });
    await queue.add('dispatch-offer-timeout', { n: 1 }, { jobId: 'offer:7', delayMs: 100 });
    await queue.add('dispatch-offer-timeout', { n: 2 }, { jobId: 'offer:7', delayMs: 100 });
    await advance(100);
    await queue.add('dispatch-offer-timeout', { n: 3 }, { jobId: 'offer:7' });
    gate.resolve();
    await advance(1000);
    expect(seen).toEqual([{ n: 1 }]);

    // Done jobs free their id.
    await queue.add('dispatch-offer-timeout', { n: 4 }, { jobId: 'offer:7' });
    await advance(0);
    expect(seen).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it('should keep ids of different queues apart', async () => {
    const seen: string[] = [];
    queue.process('a-queue', async () => void seen.push('a'));
    queue.process('b-queue', async () => void seen.push('b'));
    await queue.add('a-queue', {}, { jobId: 'same' });
    await queue.add('b-queue', {}, { jobId: 'same' });
    await advance(0);
    expect(seen.sort()).toEqual(['a', 'b']);
  });

  it('should cancel a delayed job on remove', async () => {
    const handler = jest.fn(async () => undefined);
    queue.process('orders-unpaid-timeout', handler);
    await queue.add('orders-unpaid-timeout', { orderId: 'ord2' }, { delayMs: 30 * 60_000, jobId: 'order:ord2' });
    await advance(10 * 60_000);
    await queue.remove('orders-unpaid-timeout', 'order:ord2');
    await advance(60 * 60_000);
    expect(handler).not.toHaveBeenCalled();
    // And the id can be used again.
    await queue.add('orders-unpaid-timeout', { orderId: 'ord2' }, { delayMs: 1000, jobId: 'order:ord2' });
    await advance(1000);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('should cancel the retries of a failing job on remove', async () => {
    const handler = jest.fn(async () => {
      throw new Error('down');
    });
    queue.process('sms-send', handler);
    await queue.add('sms-send', {}, { jobId: 'sms:1', attempts: 5, backoffMs: 1000 });
    await advance(0);
    expect(handler).toHaveBeenCalledTimes(1);
    await queue.remove('sms-send', 'sms:1');
    await advance(60_000);
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(queue.remove('sms-send', 'unknown')).resolves.toBeUndefined();
  });

  it('should hold jobs added before process() until a handler is registered', async () => {
    await queue.add('im-push', { n: 1 });
    await queue.add('im-push', { n: 2 }, { delayMs: 500 });
    await advance(10_000);
    const seen: unknown[] = [];
    queue.process('im-push', async (data) => void seen.push(data));
    await advance(0);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('should run at most `concurrency` jobs of a queue at once', async () => {
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    queue.process(
      'insights-rollup',
      async (data: { i: number }) => {
        running += 1;
        peak = Math.max(peak, running);
        await gates[data.i].promise;
        running -= 1;
      },
      { concurrency: 2 },
    );
    for (const i of [0, 1, 2]) await queue.add('insights-rollup', { i });
    await advance(0);
    expect(running).toBe(2);
    gates[0].resolve();
    await advance(0);
    expect(running).toBe(2);
    gates[1].resolve();
    gates[2].resolve();
    await advance(0);
    expect(running).toBe(0);
    expect(peak).toBe(2);
  });

  it('should refuse a second processor for a queue and malformed names', async () => {
    queue.process('orders-unpaid-timeout', async () => undefined);
    expect(() => queue.process('orders-unpaid-timeout', async () => undefined)).toThrow('already has a processor');
    expect(() => queue.process('orders:unpaid', async () => undefined)).toThrow('invalid queue name');
    await expect(queue.add('orders:unpaid', {})).rejects.toThrow('invalid queue name');
    await expect(queue.add('orders-unpaid-timeout', {}, { attempts: 0 })).rejects.toThrow(RangeError);
    await expect(queue.add('orders-unpaid-timeout', {}, { jobId: '' })).rejects.toThrow(RangeError);
  });

  it('should wait on close for the running handler and drop what is still pending', async () => {
    const gate = deferred();
    const seen: string[] = [];
    queue.process('payouts', async (data: { id: string }) => {
      seen.push(`start ${data.id}`);
      if (data.id === 'running') await gate.promise;
      seen.push(`end ${data.id}`);
    });
    await queue.add('payouts', { id: 'running' });
    await queue.add('payouts', { id: 'later' }, { delayMs: 1000 });
    await advance(0);

    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await advance(0);
    expect(closed).toBe(false);
    gate.resolve();
    await closing;
    expect(closed).toBe(true);
    await advance(5000);
    expect(seen).toEqual(['start running', 'end running']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('1 pending job'));
    await expect(queue.add('payouts', { id: 'after' })).rejects.toThrow('closed');
  });

  it('should wait longer than a single Node timer can', async () => {
    const handler = jest.fn(async () => undefined);
    queue.process('recurring-order-reminder', handler);
    const day = 24 * 3600_000;
    await queue.add('recurring-order-reminder', {}, { delayMs: 30 * day });
    await advance(25 * day);
    expect(handler).not.toHaveBeenCalled();
    await advance(5 * day);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
