import { createMemoryCache } from '../../../src/runtime/cache';
import { DomainError } from '../../../src/runtime/errors';
import { releaseResendSlot, reserveSmsSend, secondsUntilNextDay } from '../../../src/extensions/users-permissions/auth/rate-limit';

const limits = { resendSeconds: 60, maxPerPhonePerDay: 3, maxPerIpPerHour: 5 };
const TZ = 'Asia/Shanghai';

function setup(startIso = '2026-03-01T02:00:00Z') {
  let nowMs = Date.parse(startIso);
  const cache = createMemoryCache('', () => nowMs);
  return {
    cache,
    advance: (seconds: number) => {
      nowMs += seconds * 1000;
    },
    reserve: (phone: string, ip = '10.0.0.1', overrides: Partial<typeof limits> = {}) =>
      reserveSmsSend(cache, { phone, ip, limits: { ...limits, ...overrides }, now: new Date(nowMs), timeZone: TZ }),
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

describe('reserveSmsSend', () => {
  it('should allow the first send and report the resend wait', async () => {
    const { reserve } = setup();
    await expect(reserve('13800138000')).resolves.toMatchObject({ retryAfter: 60 });
  });

  it('should refuse a resend inside the window with the seconds left', async () => {
    const { reserve, advance } = setup();
    await reserve('13800138000');
    advance(45);
    const error = await rejection(reserve('13800138000'));
    expect(error.status).toBe(429);
    expect(error.details).toEqual({ code: 'RATE_LIMITED', retryAfter: 15 });
    advance(15);
    await expect(reserve('13800138000')).resolves.toBeDefined();
  });

  it('should hand the resend slot back on release', async () => {
    const { reserve } = setup();
    const first = await reserve('13800138000');
    await first.release();
    await expect(reserve('13800138000')).resolves.toBeDefined();
  });

  it('should open the resend slot once the code was used, but keep counting the day', async () => {
    const { cache, reserve } = setup();
    await reserve('13800138000', '10.0.0.1', { maxPerPhonePerDay: 2 });
    await releaseResendSlot(cache, '13800138000');
    await expect(reserve('13800138000', '10.0.0.1', { maxPerPhonePerDay: 2 })).resolves.toBeDefined();
    await releaseResendSlot(cache, '13800138000');
    expect((await rejection(reserve('13800138000', '10.0.0.1', { maxPerPhonePerDay: 2 }))).message).toContain('今日');
  });

  it('should cap sends per phone per business day and reopen at Shanghai midnight', async () => {
    // 2026-03-01 10:00 in Shanghai; midnight there is 16:00Z.
    const { reserve, advance } = setup('2026-03-01T02:00:00Z');
    for (let i = 0; i < 3; i += 1) {
      await reserve('13800138000', `10.0.0.${i}`);
      advance(61);
    }
    const error = await rejection(reserve('13800138000', '10.0.1.1'));
    expect(error.message).toContain('今日');
    expect(error.details.retryAfter).toBe(14 * 3600 - 3 * 61);
    advance(14 * 3600);
    await expect(reserve('13800138000', '10.0.1.2')).resolves.toBeDefined();
  });

  it('should cap requests per IP per hour across phones', async () => {
    const { reserve, advance } = setup();
    for (let i = 0; i < 5; i += 1) await reserve(`1380013800${i}`);
    advance(600);
    const error = await rejection(reserve('13800138009'));
    expect(error.details).toEqual({ code: 'RATE_LIMITED', retryAfter: 3000 });
    // Another client is not affected.
    await expect(reserve('13800138009', '10.9.9.9')).resolves.toBeDefined();
    advance(3000);
    await expect(reserve('13800138008')).resolves.toBeDefined();
  });

  it('should let only one of two simultaneous requests for a phone through', async () => {
    const { reserve } = setup();
    const results = await Promise.allSettled([reserve('13800138000'), reserve('13800138000')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('secondsUntilNextDay', () => {
  it('should count to the next midnight of the business zone', () => {
    expect(secondsUntilNextDay(new Date('2026-03-01T15:59:00Z'), TZ)).toBe(60);
    expect(secondsUntilNextDay(new Date('2026-03-01T16:00:00Z'), TZ)).toBe(86400);
    // Month end rolls over.
    expect(secondsUntilNextDay(new Date('2026-03-31T15:00:00Z'), TZ)).toBe(3600);
  });
});
