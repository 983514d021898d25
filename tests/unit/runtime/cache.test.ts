import { createMemoryCache } from '../../../src/runtime/cache';

function manualClock(start = Date.UTC(2026, 10, 26)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('memory cache', () => {
  it('should store JSON copies, so later changes to the original do not leak in', async () => {
    const cache = createMemoryCache('t:');
    const value = { phone: '13800000000', tries: [1] };
    await cache.set('sms', value);
    value.tries.push(2);
    expect(await cache.get('sms')).toEqual({ phone: '13800000000', tries: [1] });
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('should forget a value once its TTL has passed', async () => {
    const time = manualClock();
    const cache = createMemoryCache('t:', time.now);
    await cache.set('code', '123456', 300);
    time.advance(299_999);
    expect(await cache.get('code')).toBe('123456');
    expect(await cache.ttl('code')).toBe(1);
    time.advance(1);
    expect(await cache.get('code')).toBeUndefined();
    expect(await cache.ttl('code')).toBeUndefined();
  });

  it('should keep a value without TTL and report no expiry', async () => {
    const time = manualClock();
    const cache = createMemoryCache('', time.now);
    await cache.set('k', 1);
    time.advance(365 * 24 * 3600 * 1000);
    expect(await cache.get('k')).toBe(1);
    expect(await cache.ttl('k')).toBeUndefined();
  });

  it('should count hits in a window that starts with the first hit and is not extended', async () => {
    const time = manualClock();
    const cache = createMemoryCache('rate:', time.now);
    expect(await cache.incr('login:13800000000', 60)).toBe(1);
    time.advance(30_000);
    expect(await cache.incr('login:13800000000', 60)).toBe(2);
    expect(await cache.ttl('login:13800000000')).toBe(30);
    time.advance(30_000);
    // The window that began with the first hit is over: counting starts again.
    expect(await cache.incr('login:13800000000', 60)).toBe(1);
    expect(await cache.ttl('login:13800000000')).toBe(60);
  });

  it('should let only the first setIfAbsent win until the marker expires', async () => {
    const time = manualClock();
    const cache = createMemoryCache('idem:', time.now);
    expect(await cache.setIfAbsent('notify:tx1', 'first', 10)).toBe(true);
    expect(await cache.setIfAbsent('notify:tx1', 'second', 10)).toBe(false);
    expect(await cache.get('notify:tx1')).toBe('first');
    time.advance(10_000);
    expect(await cache.setIfAbsent('notify:tx1', 'third', 10)).toBe(true);
    expect(await cache.get('notify:tx1')).toBe('third');
  });

  it('should delete keys', async () => {
    const cache = createMemoryCache();
    await cache.set('a', 1, 60);
    await cache.del('a');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.setIfAbsent('a', 2, 60)).toBe(true);
  });
});

describe('memory cache bound', () => {
  it('should drop the least recently used key beyond its size, keeping the ones still read', async () => {
    const cache = createMemoryCache('', Date.now, 2);
    await cache.set('a', 1);
    await cache.set('b', 2);
    expect(await cache.get('a')).toBe(1);
    await cache.set('c', 3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
  });
});
