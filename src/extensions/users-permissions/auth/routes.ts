/**
 * Public sign-in routes. `prefix: ''` drops the plugin prefix so they sit next to the stock
 * /api/auth/local; `auth: false` because nobody is signed in yet. Abuse is bounded by the
 * per-phone, per-IP and platform-wide limits in the service (sending) and by
 * `global::auth-rate-limit` (signing in), not by the users-permissions rate limiter.
 */
import type { RateLimitName } from '../../../runtime/rate-limits';

export const authRateLimit = (...limits: RateLimitName[]) => ({ name: 'global::auth-rate-limit', config: { limits } });

export const memberAuthRoutes = [
  { method: 'POST', path: '/auth/sms/send', handler: 'member-auth.smsSend', config: { prefix: '', auth: false } },
  { method: 'POST', path: '/auth/sms/login', handler: 'member-auth.smsLogin', config: { prefix: '', auth: false, middlewares: [authRateLimit('SMS_LOGIN')] } },
  { method: 'POST', path: '/auth/wechat/login', handler: 'member-auth.wechatLogin', config: { prefix: '', auth: false, middlewares: [authRateLimit('WECHAT_LOGIN')] } },
] as const;
