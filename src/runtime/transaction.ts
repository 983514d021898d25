import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Database transactions that survive the lock conflicts a busy MariaDB/PostgreSQL reports as
 * "deadlock, try again": the whole unit is rolled back by the server, so running it again is
 * the documented remedy. Only the outermost transaction retries (an inner one is part of a unit
 * it cannot restart) and only work that touches nothing but the database belongs inside.
 */
const RETRYABLE = new Set([
  'ER_LOCK_DEADLOCK', // MySQL/MariaDB 1213
  'ER_LOCK_WAIT_TIMEOUT', // MySQL/MariaDB 1205
  '40P01', // PostgreSQL deadlock_detected
  '40001', // PostgreSQL serialization_failure
]);

export function isRetryableLockError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export interface RetryOptions {
  attempts?: number;
  /** Base pause before a retry; jittered so the two losers of a deadlock do not collide again. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `work` again while it fails with a retryable lock error; pure orchestration, no Strapi. */
export async function retryOnLockConflict<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const backoff = options.backoffMs ?? 20;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableLockError(error)) throw error;
      await sleep(backoff * attempt * (0.5 + Math.random()));
    }
  }
}

type Work<T> = (context: { trx: Knex.Transaction; onCommit: (callback: () => void) => void }) => Promise<T>;

export function transaction<T>(strapi: Core.Strapi, work: Work<T>, options?: RetryOptions): Promise<T> {
  const run = () => strapi.db.transaction(work as any) as Promise<T>;
  return strapi.db.inTransaction() ? run() : retryOnLockConflict(run, options);
}

/**
 * Writes relation fields of one row inside the caller's transaction. `db.query().update()`
 * would do it in a nested "transaction" that is really the caller's and, when that step fails,
 * write the whole row back with a plain UPDATE; after a MySQL deadlock has already rolled the
 * transaction back, that UPDATE commits on its own. Here a failure just fails the caller.
 */
export async function updateRelations(strapi: Core.Strapi, trx: Knex.Transaction, uid: string, id: number, data: Record<string, unknown>): Promise<void> {
  const manager = (strapi.db as unknown as { entityManager: { updateRelations: (...args: unknown[]) => Promise<void> } }).entityManager;
  await manager.updateRelations(uid, id, data, { transaction: trx });
}
