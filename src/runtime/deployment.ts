/**
 * Deployment settings read from the environment, as pure functions (unit-tested; no Strapi).
 */

/** Origins a browser page may call the API from with credentials. */
export function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const listed = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (listed.includes('*')) throw new Error('CORS_ORIGINS must list origins; "*" would let any site call the API with credentials');
  for (const origin of listed) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
  }
  if (env.CORS_ORIGINS !== undefined) return listed;
  if (env.NODE_ENV === 'production') return [];
  // Development and tests: the admin, and the usual local dev servers of client apps.
  const port = env.PORT ?? '1337';
  return [...new Set([port, '1337', '3000', '5173', '8080'].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]))];
}

const positiveInt = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : 0);

/** Why this environment may not run several instances without Redis. */
function multiInstanceSignals(env: NodeJS.ProcessEnv): string[] {
  const signals: string[] = [];
  if (env.QUEUE_WORKERS === 'false') signals.push('QUEUE_WORKERS=false (queue consumers in another process)');
  if (env.NODE_APP_INSTANCE !== undefined) signals.push('NODE_APP_INSTANCE (pm2 cluster mode)');
  if (positiveInt(env.WEB_CONCURRENCY) > 1) signals.push(`WEB_CONCURRENCY=${env.WEB_CONCURRENCY}`);
  if (positiveInt(env.INSTANCE_COUNT) > 1) signals.push(`INSTANCE_COUNT=${env.INSTANCE_COUNT}`);
  return signals;
}

/**
 * What stops a production boot. Empty outside production. `demoPasswords` are the seed's
 * (src/seed/accounts.ts), passed in so this stays free of the seed module.
 */
export function productionProblems(env: NodeJS.ProcessEnv, demoPasswords: readonly string[]): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const sms = (env.SMS_PROVIDER ?? '').trim().toLowerCase();
  if (!sms || sms === 'console') problems.push('SMS_PROVIDER is "console" (codes only go to the log): set SMS_PROVIDER=aliyun or tencent and its keys');
  for (const [key, value] of Object.entries(env)) {
    if (/PASSWORD$/.test(key) && value && demoPasswords.includes(value)) problems.push(`${key} is a demo password from the seed: choose another`);
  }
  const hasRedis = Boolean(env.REDIS_URL || env.REDIS_CLUSTER_NODES);
  const signals = multiInstanceSignals(env);
  if (signals.length && !hasRedis) {
    problems.push(`several instances are configured (${signals.join(', ')}) but REDIS_URL / REDIS_CLUSTER_NODES is not set: rate limits, SMS codes, queues and sockets would not be shared`);
  }
  try {
    corsOrigins(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}

export function assertProductionReady(env: NodeJS.ProcessEnv, demoPasswords: readonly string[]): void {
  const problems = productionProblems(env, demoPasswords);
  if (problems.length) throw new Error(`Refusing to start in production:\n- ${problems.join('\n- ')}`);
}
