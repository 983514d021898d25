import type { Core } from '@strapi/strapi';
import { hasRuntime, runtime } from '../runtime';
import { statusNameFor } from '../runtime/errors';

/**
 * GET /_ready for load balancers: 204 when the database (and Redis, when configured) answer,
 * 503 naming the one that did not. GET /_health (Strapi's own) stays plain liveness.
 */
const CHECK_TIMEOUT_MS = 2_000;

export type CheckResult = 'up' | 'down';

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function readiness(strapi: Core.Strapi, timeoutMs = CHECK_TIMEOUT_MS): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
  const probes: Record<string, () => Promise<unknown>> = {
    database: () => strapi.db.connection.raw('select 1'),
  };
  const redis = hasRuntime() ? runtime().redis : undefined;
  if (redis) probes.redis = () => redis.client.ping();

  const checks: Record<string, CheckResult> = {};
  await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      try {
        await withTimeout(probe(), timeoutMs);
        checks[name] = 'up';
      } catch (err) {
        checks[name] = 'down';
        strapi.log.warn(`readiness: ${name} is down: ${(err as Error)?.message ?? String(err)}`);
      }
    }),
  );
  return { ready: Object.values(checks).every((state) => state === 'up'), checks };
}

export function registerReadiness(strapi: Core.Strapi): void {
  strapi.server.router.get('/_ready', async (ctx: any) => {
    const { ready, checks } = await readiness(strapi);
    if (ready) {
      ctx.status = 204;
      return;
    }
    const down = Object.keys(checks).filter((name) => checks[name] === 'down');
    ctx.status = 503;
    ctx.body = {
      data: null,
      error: { status: 503, name: statusNameFor(503), message: '服务暂不可用', details: { code: 'SERVICE_UNAVAILABLE', down, checks } },
    };
  });
}
