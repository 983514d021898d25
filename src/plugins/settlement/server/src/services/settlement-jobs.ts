import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock, startOfZonedDay } from '../../../../../runtime/clock';
import { getService } from '../utils';

export const SETTLEMENT_BATCH_QUEUE = 'settlement-batch';
const DAY_MS = 86_400_000;
/** Shortly after business midnight, when the day (and any week or month ending with it) closed. */
const RUN_AFTER_MIDNIGHT_MS = 10 * 60_000;

/**
 * The settlement batch job, one per business day on the shared queue (the job id makes it run on
 * one instance on Redis). Each run builds the batch of the last closed period if it is missing;
 * building is idempotent (one batch per period, an earning taken once), so a boot run, a retry or
 * two instances racing change nothing twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function scheduleNext(now: Date = clock.now()): Promise<void> {
    const next = new Date(startOfZonedDay(now).getTime() + DAY_MS + RUN_AFTER_MIDNIGHT_MS);
    await runtime().queue.add(SETTLEMENT_BATCH_QUEUE, {}, { jobId: `settlement-batch-${next.toISOString()}`, delayMs: Math.max(0, next.getTime() - now.getTime()), attempts: 3, backoffMs: 5000 });
  }

  async function runOnce(now: Date = clock.now()) {
    const result = await getService(strapi, 'settlement-batches').buildForPeriod(now);
    if (result.created && result.batch) strapi.log.info(`settlement: batch ${result.batch.batchNo} built (${result.batch.workerCount} worker(s), net ${result.batch.net} fen)`);
    return result;
  }

  return {
    scheduleNext,
    runOnce,
    async register(): Promise<void> {
      runtime().queue.process(SETTLEMENT_BATCH_QUEUE, async () => {
        try {
          await runOnce();
        } finally {
          await scheduleNext();
        }
      });
      // Embedded timers die with the process: every boot catches up on the last closed period.
      await runtime().queue.add(SETTLEMENT_BATCH_QUEUE, {}, { jobId: `settlement-batch-boot-${startOfZonedDay(clock.now()).toISOString()}`, attempts: 3, backoffMs: 5000 });
    },
  };
};
