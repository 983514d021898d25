import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from './errors';
import { runtime, type Runtime } from './index';

/**
 * Sign-in limits shared by every instance: Redis-backed when the runtime has Redis, in-process
 * otherwise (one instance only, see the production guard). Counted per client key
 * (./client-key.ts) unless said otherwise. Each can be tuned with `RATE_LIMIT_<NAME>=points/seconds`
 * (e.g. `RATE_LIMIT_PASSWORD_LOGIN=10/900`).
 */
export const RATE_LIMITS = {
  /** POST /api/auth/local per client. */
  PASSWORD_LOGIN: { points: 10, duration: 900 },
  /** POST /api/auth/local per identifier (e-mail / username), whatever the client. */
  PASSWORD_LOGIN_ACCOUNT: { points: 10, duration: 900 },
  /** POST /api/auth/sms/login per client (the per-code attempt limit comes on top). */
  SMS_LOGIN: { points: 30, duration: 3600 },
  /** POST /api/auth/wechat/login per client. */
  WECHAT_LOGIN: { points: 60, duration: 3600 },
  /** Login codes sent by the whole platform per hour (`SMS_HOURLY_BUDGET` overrides the points). */
  SMS_GLOBAL: { points: 1000, duration: 3600 },
  /** Chat messages (socket chat:send, admin replies) per sender, whatever the conversation. */
  CHAT_SEND: { points: 30, duration: 10 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export function limitFor(name: RateLimitName, env: NodeJS.ProcessEnv = process.env): { points: number; duration: number } {
  const base = RATE_LIMITS[name];
  if (name === 'SMS_GLOBAL' && env.SMS_HOURLY_BUDGET) return { points: positive(env.SMS_HOURLY_BUDGET, 'SMS_HOURLY_BUDGET'), duration: base.duration };
  const override = env[`RATE_LIMIT_${name}`];
  if (!override) return { ...base };
  const [points, duration] = override.split('/');
  return { points: positive(points, `RATE_LIMIT_${name}`), duration: duration ? positive(duration, `RATE_LIMIT_${name}`) : base.duration };
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (or points/seconds), got "${value}"`);
  return n;
}

const built = new WeakMap<Runtime, Map<RateLimitName, RateLimiterAbstract>>();

function limiter(name: RateLimitName): RateLimiterAbstract {
  const rt = runtime();
  let byName = built.get(rt);
  if (!byName) built.set(rt, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const { points, duration } = limitFor(name);
    const keyPrefix = `${rt.prefix}rl:${name.toLowerCase()}`;
    found = rt.redis
      ? new RateLimiterRedis({ storeClient: rt.redis.client, keyPrefix, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) })
      : new RateLimiterMemory({ keyPrefix, points, duration });
    byName.set(name, found);
  }
  return found;
}

export const rateLimitedError = (message: string, retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', message, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** Counts one request; throws RATE_LIMITED with `retryAfter` once the window is used up. */
export async function consumeRateLimit(name: RateLimitName, key: string, message = '操作过于频繁，请稍后再试'): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimitedError(message, err.msBeforeNext / 1000);
    throw err;
  }
}

/** Gives a point back (the work it paid for did not happen, e.g. the SMS provider refused). */
export async function refundRateLimit(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).reward(key, 1);
}
