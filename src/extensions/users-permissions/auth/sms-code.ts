import crypto from 'crypto';
import type { Cache } from '../../../runtime/cache';
import { DomainError } from '../../../runtime/errors';

/**
 * Login codes: random 6 digits, kept only as an HMAC in the shared cache. Each issued code has
 * an id; its wrong-attempt counter and its "used" marker hang off that id, so a new code starts
 * clean and a used or burnt one can never come back, even when two requests race.
 */
interface StoredCode {
  id: string;
  hash: string;
}

export interface CodeRules {
  ttlSeconds: number;
  maxAttempts: number;
}

const codeKey = (phone: string) => `sms:code:${phone}`;
const failKey = (id: string) => `sms:attempts:${id}`;
const usedKey = (id: string) => `sms:used:${id}`;

export const smsCodeInvalid = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('SMS_CODE_INVALID', message, details);

export function generateSmsCode(randomInt: (min: number, max: number) => number = crypto.randomInt): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The hash binds the code to its phone and issue, so a leaked cache entry is useless elsewhere. */
export function hashSmsCode(secret: crypto.BinaryLike, phone: string, id: string, code: string): string {
  return crypto.createHmac('sha256', secret).update(`${phone}:${id}:${code}`).digest('hex');
}

/** Derives the code-hashing key from a server secret so the raw JWT secret is never reused as is. */
export const deriveCodeSecret = (serverSecret: string): Buffer =>
  crypto.createHmac('sha256', serverSecret).update('shangmen:sms-login-code').digest();

/** Stores a new code for the phone, replacing any earlier one. */
export async function storeSmsCode(
  cache: Cache,
  input: { phone: string; code: string; secret: crypto.BinaryLike; ttlSeconds: number; id?: string },
): Promise<void> {
  const id = input.id ?? crypto.randomUUID();
  const stored: StoredCode = { id, hash: hashSmsCode(input.secret, input.phone, id, input.code) };
  await cache.set(codeKey(input.phone), stored, input.ttlSeconds);
}

/** Forgets the phone's current code (a send that failed must not leave a live code behind). */
export async function discardSmsCode(cache: Cache, phone: string): Promise<void> {
  await cache.del(codeKey(phone));
}

async function forget(cache: Cache, phone: string, id: string): Promise<void> {
  // Only the issue we checked: a code sent in the meantime stays valid.
  const current = await cache.get<StoredCode>(codeKey(phone));
  if (current?.id === id) await cache.del(codeKey(phone));
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Accepts the code once. Throws SMS_CODE_INVALID when there is no live code, the code is
 * wrong (with `attemptsLeft`), too many wrong tries burnt it, or another request used it first.
 */
export async function consumeSmsCode(
  cache: Cache,
  input: { phone: string; code: string; secret: crypto.BinaryLike } & CodeRules,
): Promise<void> {
  const stored = await cache.get<StoredCode>(codeKey(input.phone));
  if (!stored) throw smsCodeInvalid('验证码错误或已过期，请重新获取');

  // Count the attempt before comparing, atomically: parallel guesses each get their own number,
  // so no more than maxAttempts of them are ever compared against the code.
  const attempt = await cache.incr(failKey(stored.id), input.ttlSeconds);
  if (attempt > input.maxAttempts) {
    await forget(cache, input.phone, stored.id);
    throw smsCodeInvalid('验证码错误次数过多，请重新获取', { attemptsLeft: 0 });
  }

  if (!sameHash(stored.hash, hashSmsCode(input.secret, input.phone, stored.id, input.code))) {
    const attemptsLeft = Math.max(0, input.maxAttempts - attempt);
    if (attemptsLeft === 0) {
      await forget(cache, input.phone, stored.id);
      throw smsCodeInvalid('验证码错误次数过多，请重新获取', { attemptsLeft });
    }
    throw smsCodeInvalid(`验证码错误，还可尝试 ${attemptsLeft} 次`, { attemptsLeft });
  }

  // First caller wins; a concurrent request with the same code is refused.
  if (!(await cache.setIfAbsent(usedKey(stored.id), true, input.ttlSeconds))) {
    throw smsCodeInvalid('验证码已使用，请重新获取');
  }
  await forget(cache, input.phone, stored.id);
}
