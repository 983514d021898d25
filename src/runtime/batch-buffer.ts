/**
 * Rows collected in memory and written in batches, off the request: `push` is synchronous and
 * does no I/O; a batch goes out when `maxRows` are waiting (on the next tick) or every
 * `intervalMs`, one write at a time. A failed write keeps its rows for the next one, up to
 * `maxBuffered`; beyond that the oldest are dropped (and counted) rather than growing without
 * bound while the database is away. Meant for data that may be lost with a crash (analytics).
 */
export interface BatchBufferOptions<T> {
  write(rows: T[]): Promise<void>;
  maxRows?: number;
  intervalMs?: number;
  maxBuffered?: number;
  onError?(err: unknown, rows: number): void;
}

export interface BatchBuffer<T> {
  push(row: T): void;
  /** Writes everything buffered now (and waits for a write already under way). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
  readonly size: number;
  readonly dropped: number;
}

export function createBatchBuffer<T>(options: BatchBufferOptions<T>): BatchBuffer<T> {
  const maxRows = options.maxRows ?? 200;
  const maxBuffered = options.maxBuffered ?? 10_000;
  let rows: T[] = [];
  let dropped = 0;
  let writing: Promise<void> | null = null;
  let scheduled = false;
  let closed = false;

  async function writeBatches(): Promise<void> {
    while (rows.length) {
      const batch = rows.slice(0, maxRows);
      rows = rows.slice(batch.length);
      try {
        await options.write(batch);
      } catch (err) {
        rows = batch.concat(rows);
        if (rows.length > maxBuffered) {
          dropped += rows.length - maxBuffered;
          rows = rows.slice(rows.length - maxBuffered);
        }
        options.onError?.(err, batch.length);
        return;
      }
    }
  }

  function flush(): Promise<void> {
    if (writing) return writing.then(() => (rows.length ? flush() : undefined));
    if (!rows.length) return Promise.resolve();
    writing = writeBatches().finally(() => {
      writing = null;
    });
    return writing;
  }

  const timer = options.intervalMs ? setInterval(() => void flush(), options.intervalMs) : null;
  timer?.unref?.();

  return {
    push(row: T) {
      if (closed) return;
      rows.push(row);
      if (rows.length > maxBuffered) {
        rows.shift();
        dropped += 1;
      }
      if (rows.length >= maxRows && !scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          void flush();
        });
      }
    },
    flush,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await flush();
    },
    get size() {
      return rows.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
