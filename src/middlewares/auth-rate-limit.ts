import { clientKey } from '../runtime/client-key';
import { consumeRateLimit, type RateLimitName } from '../runtime/rate-limits';

/**
 * `global::auth-rate-limit` on sign-in routes: `{ name: 'global::auth-rate-limit', config: { limits: [...] } }`.
 * Counts every attempt before the handler runs. `*_ACCOUNT` limits count the body's
 * `identifier`, the others the client key (proxy-aware IP, IPv6 by /64).
 */
export default (config: { limits: RateLimitName[] }) =>
  async (ctx: any, next: () => Promise<void>): Promise<void> => {
    for (const name of config.limits) {
      if (name.endsWith('_ACCOUNT')) {
        const identifier = ctx.request.body?.identifier;
        if (typeof identifier === 'string' && identifier) await consumeRateLimit(name, identifier.trim().toLowerCase(), '该账号登录尝试过多，请稍后再试');
      } else {
        await consumeRateLimit(name, clientKey(ctx.request.ip), '登录尝试过于频繁，请稍后再试');
      }
    }
    await next();
  };
