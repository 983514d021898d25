import type { Cache } from '../../../runtime/cache';
import { fromZonedTime, zonedParts } from '../../../runtime/clock';
import { DomainError } from '../../../runtime/errors';

/** The platform-setting numbers that bound how often codes go out. */
export interface SmsSendLimits {
  resendSeconds: number;
  maxPerPhonePerDay: number;
  maxPerIpPerHour: number;
}

export interface SmsSendReservation {
  /** Seconds the client must wait before asking again for this phone. */
  retryAfter: number;
  /** Gives the resend slot back (the provider refused the message, nobody got a code). */
  release(): Promise<void>;
}

const HOUR = 3600;

const resendSlotKey = (phone: string) => `sms:resend:${phone}`;

/**
 * Frees the phone's resend slot once its code was used: the wait exists so a pending code is
 * not spammed, and only the phone's owner can use a code, so a member who signs out can sign
 * in again straight away (the daily cap still applies).
 */
export async function releaseResendSlot(cache: Cache, phone: string): Promise<void> {
  await cache.del(resendSlotKey(phone));
}

export const rateLimited = (message: string, retryAfter: number) =>
  new DomainError('RATE_LIMITED', message, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });

/** Seconds from `now` to the next midnight of the business time zone. */
export function secondsUntilNextDay(now: Date, timeZone: string): number {
  const today = zonedParts(now, timeZone);
  const next = fromZonedTime({ year: today.year, month: today.month, day: today.day + 1 }, timeZone);
  return Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
}

const dayStamp = (now: Date, timeZone: string): string => {
  const p = zonedParts(now, timeZone);
  return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
};

/**
 * Checks and counts one code request, cheapest refusal first:
 * - per client IP, a fixed one-hour window from its first request;
 * - per phone, one send per `resendSeconds` (a "first wins" slot, so racing requests send once);
 * - per phone, `maxPerPhonePerDay` per business day.
 * Refusals throw RATE_LIMITED with `retryAfter` seconds.
 */
export async function reserveSmsSend(
  cache: Cache,
  input: { phone: string; ip: string; limits: SmsSendLimits; now: Date; timeZone: string },
): Promise<SmsSendReservation> {
  const { phone, ip, limits, now, timeZone } = input;

  const ipKey = `sms:ip:${ip}`;
  if ((await cache.incr(ipKey, HOUR)) > limits.maxPerIpPerHour) {
    throw rateLimited('获取验证码过于频繁，请稍后再试', (await cache.ttl(ipKey)) ?? HOUR);
  }

  const resendKey = resendSlotKey(phone);
  // A zero TTL would mean "never expires" in the memory cache and is an error in Redis.
  const resendSeconds = Math.max(1, limits.resendSeconds);
  if (!(await cache.setIfAbsent(resendKey, true, resendSeconds))) {
    const wait = (await cache.ttl(resendKey)) ?? resendSeconds;
    throw rateLimited(`请 ${Math.max(1, wait)} 秒后再获取验证码`, wait);
  }

  const untilTomorrow = secondsUntilNextDay(now, timeZone);
  if ((await cache.incr(`sms:day:${phone}:${dayStamp(now, timeZone)}`, untilTomorrow + 60)) > limits.maxPerPhonePerDay) {
    throw rateLimited('该手机号今日获取验证码次数已达上限，请明天再试', untilTomorrow);
  }

  return {
    retryAfter: resendSeconds,
    release: () => cache.del(resendKey),
  };
}
