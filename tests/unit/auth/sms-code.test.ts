import { createMemoryCache } from '../../../src/runtime/cache';
import { DomainError } from '../../../src/runtime/errors';
import {
  consumeSmsCode,
  deriveCodeSecret,
  discardSmsCode,
  generateSmsCode,
  hashSmsCode,
  storeSmsCode,
} from '../../../src/extensions/users-permissions/auth/sms-code';

const secret = deriveCodeSecret('test-jwt-secret');
const phone = '13800138000';
const rules = { ttlSeconds: 300, maxAttempts: 3 };

function setup() {
  let nowMs = Date.parse('2026-03-01T00:00:00Z');
  const cache = createMemoryCache('', () => nowMs);
  return {
    cache,
    advance: (seconds: number) => {
      nowMs += seconds * 1000;
    },
    consume: (code: string) => consumeSmsCode(cache, { phone, code, secret, ...rules }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('generateSmsCode', () => {
  it('should give six digits, zero-padded', () => {
    expect(generateSmsCode(() => 42)).toBe('000042');
    expect(generateSmsCode(() => 999999)).toBe('999999');
    for (let i = 0; i < 50; i += 1) expect(generateSmsCode()).toMatch(/^\d{6}$/);
  });
});

describe('login code store', () => {
  it('should keep only a hash, never the code', async () => {
    const { cache } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300, id: 'issue-1' });
    const stored = await cache.get<Record<string, string>>(`sms:code:${phone}`);
    expect(JSON.stringify(stored)).not.toContain('123456');
    expect(stored).toEqual({ id: 'issue-1', hash: hashSmsCode(secret, phone, 'issue-1', '123456') });
  });

  it('should accept the right code once', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    await expect(consume('123456')).resolves.toBeUndefined();
    const reuse = await rejection(consume('123456'));
    expect(reuse.code).toBe('SMS_CODE_INVALID');
    expect(reuse.status).toBe(400);
  });

  it('should let only one of two simultaneous uses through', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    const results = await Promise.allSettled([consume('123456'), consume('123456')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('should refuse a code after it expires', async () => {
    const { cache, consume, advance } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    advance(301);
    expect((await rejection(consume('123456'))).message).toBe('验证码错误或已过期，请重新获取');
  });

  it('should count down wrong attempts and burn the code at the limit', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    expect((await rejection(consume('000000'))).details).toEqual({ code: 'SMS_CODE_INVALID', attemptsLeft: 2 });
    expect((await rejection(consume('000001'))).details).toEqual({ code: 'SMS_CODE_INVALID', attemptsLeft: 1 });
    expect((await rejection(consume('000002'))).details).toEqual({ code: 'SMS_CODE_INVALID', attemptsLeft: 0 });
    // Burnt: the right code no longer works.
    expect((await rejection(consume('123456'))).code).toBe('SMS_CODE_INVALID');
  });

  it('should give a new code a fresh attempt budget and void the old one', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '111111', secret, ttlSeconds: 300 });
    await rejection(consume('000000'));
    await rejection(consume('000000'));
    await storeSmsCode(cache, { phone, code: '222222', secret, ttlSeconds: 300 });
    expect((await rejection(consume('111111'))).details).toMatchObject({ attemptsLeft: 2 });
    await expect(consume('222222')).resolves.toBeUndefined();
  });

  it('should not accept a code hashed for another phone', async () => {
    const { cache } = setup();
    await storeSmsCode(cache, { phone: '13900139000', code: '123456', secret, ttlSeconds: 300 });
    await expect(consumeSmsCode(cache, { phone, code: '123456', secret, ...rules })).rejects.toMatchObject({ code: 'SMS_CODE_INVALID' });
  });

  it('should forget a discarded code', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    await discardSmsCode(cache, phone);
    expect((await rejection(consume('123456'))).code).toBe('SMS_CODE_INVALID');
  });
});

describe('consumeSmsCode under parallel guesses', () => {
  it('compares no more than maxAttempts guesses, even when they all arrive before any is counted', async () => {
    const { cache, consume } = setup();
    await storeSmsCode(cache, { phone, code: '123456', secret, ttlSeconds: 300 });
    // 19 wrong guesses and the right one last, all in flight at once.
    const guesses = [...Array.from({ length: 19 }, (_, i) => String(200000 + i)), '123456'];
    const outcomes = await Promise.allSettled(guesses.map((g) => consume(g)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(0);
    // …and the code is burnt: the right code afterwards is refused too.
    expect((await rejection(consume('123456'))).code).toBe('SMS_CODE_INVALID');
  });
});
