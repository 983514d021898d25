import { Queue, Worker, type Job } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { RuntimeLogger } from './index';
import type { RedisConnection } from './redis';

/**
 * Background jobs: delayed timeouts (unpaid orders, dispatch offers) and work that must not
 * block a request. Delivery is at least once — a crash or a lost lock runs a job again — so a
 * handler re-checks the state it acts on (e.g. a conditional update on the order status).
 */
export interface AddJobOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /**
   * Idempotency key: while a job with this id is pending or running, adding it again does
   * nothing. With BullMQ a job that failed for good keeps its id until its failure record
   * ages out; `remove()` it to run that id again.
   */
  jobId?: string;
  /** Tries in total, the first included. Default 3. */
  attempts?: number;
  /** Base of the exponential backoff: waits base, 2×base, 4×base… between tries. Default 1000. */
  backoffMs?: number;
}

export interface JobMeta {
  /** The `jobId` given to `add()`, or one the queue generated. */
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;

export interface ProcessOptions {
  /** Jobs of this queue run at the same time in this process. Default 1. */
  concurrency?: number;
}

export interface JobQueue {
  /** Data travels as JSON in both implementations: Dates arrive as ISO strings. */
  add<T>(name: string, data: T, opts?: AddJobOptions): Promise<void>;
  /** One handler per queue name; jobs added before it is registered wait for it. */
  process<T>(name: string, handler: JobHandler<T>, opts?: ProcessOptions): void;
  /** Cancels a waiting or delayed job (also one waiting for a retry); a running one finishes. */
  remove(name: string, jobId: string): Promise<void>;
  /** Stops taking jobs and waits for running handlers. */
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
/** How long a job that failed for good stays in Redis for inspection. */
export const FAILED_JOB_RETENTION_SECONDS = 7 * 24 * 3600;

/** Wait after try `failedAttempt` (from 1) failed: base × 2^(n−1), as BullMQ's exponential backoff. */
export const backoffDelayMs = (backoffMs: number, failedAttempt: number): number =>
  Math.round(backoffMs * 2 ** (failedAttempt - 1));

// BullMQ reserves ':' in queue names; names are code constants, so a bad one is a bug to report.
const QUEUE_NAME = /^[a-z0-9][a-z0-9-]*$/;

function assertQueueName(name: string): void {
  if (!QUEUE_NAME.test(name)) {
    throw new Error(`invalid queue name "${name}": use lower-case letters, digits and dashes`);
  }
}

interface JobSettings {
  delayMs: number;
  jobId?: string;
  attempts: number;
  backoffMs: number;
}

function jobSettings(opts: AddJobOptions = {}): JobSettings {
  const { delayMs = 0, jobId, attempts = DEFAULT_ATTEMPTS, backoffMs = DEFAULT_BACKOFF_MS } = opts;
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError('delayMs must be a non-negative number');
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be a positive integer');
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new RangeError('backoffMs must be a non-negative number');
  if (jobId !== undefined && (typeof jobId !== 'string' || jobId === '')) {
    throw new RangeError('jobId must be a non-empty string');
  }
  return { delayMs: Math.round(delayMs), jobId, attempts, backoffMs };
}

function assertConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  return concurrency;
}

// Both implementations hand the handler what JSON makes of the data, so embedded mode cannot
// hide a Date or a class instance that BullMQ would flatten.
const throughJson = <T>(data: T): T => (data === undefined ? data : (JSON.parse(JSON.stringify(data)) as T));

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

// ---------------------------------------------------------------------------------------------
// In-process implementation (embedded mode): timers in this process, lost on restart.

interface Timer {
  cancel(): void;
}

// setTimeout fires at once for delays above ~24.8 days; re-arm in steps instead.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function startTimer(ms: number, fire: () => void): Timer {
  let handle: NodeJS.Timeout;
  const arm = (remaining: number) => {
    handle = setTimeout(
      () => (remaining > MAX_TIMEOUT_MS ? arm(remaining - MAX_TIMEOUT_MS) : fire()),
      Math.min(remaining, MAX_TIMEOUT_MS),
    );
  };
  arm(ms);
  return { cancel: () => clearTimeout(handle) };
}

interface MemoryJob {
  key: string;
  id: string;
  data: unknown;
  attempts: number;
  backoffMs: number;
  /** Tries started so far. */
  tried: number;
  state: 'delayed' | 'waiting' | 'running';
  timer?: Timer;
}

interface Lane {
  name: string;
  handler?: JobHandler<unknown>;
  concurrency: number;
  running: number;
  waiting: MemoryJob[];
  jobs: Map<string, MemoryJob>;
}

export function createMemoryQueue({ logger }: { logger: RuntimeLogger }): JobQueue {
  const lanes = new Map<string, Lane>();
  const runs = new Set<Promise<void>>();
  let closed = false;
  let sequence = 0;

  const laneFor = (name: string): Lane => {
    let lane = lanes.get(name);
    if (!lane) {
      lane = { name, concurrency: 1, running: 0, waiting: [], jobs: new Map() };
      lanes.set(name, lane);
    }
    return lane;
  };

  const drain = (lane: Lane) => {
    while (!closed && lane.handler && lane.running < lane.concurrency && lane.waiting.length > 0) {
      run(lane, lane.waiting.shift() as MemoryJob);
    }
  };

  const schedule = (lane: Lane, job: MemoryJob, ms: number) => {
    job.state = 'delayed';
    job.timer = startTimer(ms, () => {
      job.timer = undefined;
      job.state = 'waiting';
      lane.waiting.push(job);
      drain(lane);
    });
  };

  const run = (lane: Lane, job: MemoryJob) => {
    const handler = lane.handler as JobHandler<unknown>;
    job.state = 'running';
    job.tried += 1;
    lane.running += 1;
    const task = (async () => {
      try {
        await handler(job.data, { jobId: job.id, attempt: job.tried });
        lane.jobs.delete(job.key);
      } catch (err) {
        if (closed) {
          lane.jobs.delete(job.key);
          logger.warn(`Job ${lane.name}#${job.id} failed during shutdown and was dropped: ${errorMessage(err)}`);
        } else if (job.tried < job.attempts) {
          const wait = backoffDelayMs(job.backoffMs, job.tried);
          logger.warn(`Job ${lane.name}#${job.id} failed (try ${job.tried}/${job.attempts}), retrying in ${wait} ms: ${errorMessage(err)}`);
          schedule(lane, job, wait);
        } else {
          lane.jobs.delete(job.key);
          logger.error(`Job ${lane.name}#${job.id} failed after ${job.tried} tries: ${errorMessage(err)}`, err);
        }
      } finally {
        lane.running -= 1;
      }
    })();
    runs.add(task);
    void task.then(() => {
      runs.delete(task);
      drain(lane);
    });
  };

  return {
    async add(name, data, opts) {
      assertQueueName(name);
      if (closed) throw new Error('job queue is closed');
      const settings = jobSettings(opts);
      const lane = laneFor(name);
      // Own key spaces so a caller's id "1" never meets a generated one.
      sequence += 1;
      const key = settings.jobId !== undefined ? `id:${settings.jobId}` : `auto:${sequence}`;
      if (lane.jobs.has(key)) return;
      const job: MemoryJob = {
        key,
        id: settings.jobId ?? String(sequence),
        data: throughJson(data),
        attempts: settings.attempts,
        backoffMs: settings.backoffMs,
        tried: 0,
        state: 'delayed',
      };
      lane.jobs.set(key, job);
      // Even an immediate job starts on a later tick, never inside the caller's add().
      schedule(lane, job, settings.delayMs);
    },

    process(name, handler, opts = {}) {
      assertQueueName(name);
      const lane = laneFor(name);
      if (lane.handler) throw new Error(`queue "${name}" already has a processor`);
      lane.concurrency = assertConcurrency(opts.concurrency ?? 1);
      lane.handler = handler as JobHandler<unknown>;
      drain(lane);
    },

    async remove(name, jobId) {
      const lane = lanes.get(name);
      const job = lane?.jobs.get(`id:${jobId}`);
      if (!lane || !job || job.state === 'running') return;
      job.timer?.cancel();
      lane.waiting = lane.waiting.filter((queued) => queued !== job);
      lane.jobs.delete(job.key);
    },

    async close() {
      if (closed) {
        await Promise.all([...runs]);
        return;
      }
      closed = true;
      let dropped = 0;
      for (const lane of lanes.values()) {
        for (const job of lane.jobs.values()) {
          if (job.state === 'running') continue;
          job.timer?.cancel();
          lane.jobs.delete(job.key);
          dropped += 1;
        }
        lane.waiting = [];
      }
      if (dropped > 0) logger.warn(`In-process job queue closed with ${dropped} pending job(s) dropped`);
      await Promise.all([...runs]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BullMQ implementation (Redis mode): jobs live in Redis, survive restarts, and any instance
// (or a separate `npm run worker` process) may run them.

// BullMQ refuses custom ids that contain ':' or look like integers. The prefix keeps them apart
// from BullMQ's own integer ids, and escaping keeps distinct ids distinct ("a:b" vs "a_b").
const CUSTOM_ID_PREFIX = 'j-';

export function encodeJobId(jobId: string): string {
  return CUSTOM_ID_PREFIX + jobId.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
}

export function decodeJobId(bullId: string): string {
  if (!bullId.startsWith(CUSTOM_ID_PREFIX)) return bullId;
  return bullId.slice(CUSTOM_ID_PREFIX.length).replace(/%3A|%25/g, (s) => (s === '%3A' ? ':' : '%'));
}

export interface BullQueueOptions {
  redis: RedisConnection;
  /** The runtime prefix; every BullMQ key starts with it. */
  prefix: string;
  logger: RuntimeLogger;
  /** Whether `process()` starts consumers here; false on web instances when `npm run worker` consumes. */
  workers: boolean;
}

export function createBullQueue({ redis, prefix, logger, workers }: BullQueueOptions): JobQueue {
  // On a cluster every key of a BullMQ queue must hash to one slot: the braces make it so.
  const bullPrefix = redis.config.kind === 'cluster' ? `${prefix}{bull}` : `${prefix}bull`;
  const queues = new Map<string, Queue>();
  const consumers = new Map<string, Worker>();
  const registered = new Set<string>();
  // Workers block on Redis and so need maxRetriesPerRequest: null. BullMQ duplicates this client
  // for each worker and quits its copies in worker.close(); this one never connects itself.
  let workerBase: Redis | Cluster | undefined;
  let closing: Promise<void> | undefined;

  const queueFor = (name: string): Queue => {
    assertQueueName(name);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redis.client, prefix: bullPrefix });
      queue.on('error', (err) => logger.error(`Job queue ${name}: ${err.message}`, err));
      queues.set(name, queue);
    }
    return queue;
  };

  const consume = <T>(name: string, handler: JobHandler<T>, concurrency: number): Worker => {
    workerBase ??= redis.duplicate({ maxRetriesPerRequest: null, lazyConnect: true });
    const worker = new Worker(
      name,
      async (job: Job) => {
        await handler(job.data as T, { jobId: decodeJobId(String(job.id)), attempt: job.attemptsMade + 1 });
      },
      { connection: workerBase, prefix: bullPrefix, concurrency },
    );
    worker.on('failed', (job, err) => {
      if (!job) {
        logger.error(`Job queue ${name}: a job failed: ${err.message}`, err);
        return;
      }
      const id = decodeJobId(String(job.id));
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade < attempts) {
        logger.warn(`Job ${name}#${id} failed (try ${job.attemptsMade}/${attempts}), will retry: ${err.message}`);
      } else {
        logger.error(`Job ${name}#${id} failed after ${job.attemptsMade} tries, kept for inspection: ${err.message}`, err);
      }
    });
    worker.on('error', (err) => logger.error(`Job worker ${name}: ${err.message}`, err));
    return worker;
  };

  return {
    async add(name, data, opts) {
      if (closing) throw new Error('job queue is closed');
      const settings = jobSettings(opts);
      await queueFor(name).add(name, data, {
        jobId: settings.jobId === undefined ? undefined : encodeJobId(settings.jobId),
        delay: settings.delayMs > 0 ? settings.delayMs : undefined,
        attempts: settings.attempts,
        backoff: { type: 'exponential', delay: settings.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: FAILED_JOB_RETENTION_SECONDS },
      });
    },

    process(name, handler, opts = {}) {
      assertQueueName(name);
      if (registered.has(name)) throw new Error(`queue "${name}" already has a processor`);
      const concurrency = assertConcurrency(opts.concurrency ?? 1);
      registered.add(name);
      if (workers && !closing) consumers.set(name, consume(name, handler, concurrency));
    },

    async remove(name, jobId) {
      if (closing) throw new Error('job queue is closed');
      // 0 means running (locked) or already gone; either way nothing is left to cancel.
      await queueFor(name).remove(encodeJobId(jobId));
    },

    close() {
      closing ??= (async () => {
        // Workers first: close() lets running handlers finish before their connections go.
        await Promise.all([...consumers.values()].map((worker) => worker.close()));
        await Promise.all([...queues.values()].map((queue) => queue.close()));
        // It never connected; ending it here keeps quitAll() from connecting it just to quit.
        workerBase?.disconnect();
      })();
      return closing;
    },
  };
}
