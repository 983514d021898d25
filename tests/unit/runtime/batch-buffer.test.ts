import { createBatchBuffer } from '../../../src/runtime/batch-buffer';

const tick = () => new Promise((r) => setImmediate(r));

describe('batch buffer', () => {
  it('writes nothing on push, a full batch on the next tick, the rest on flush', async () => {
    const writes: number[][] = [];
    const buffer = createBatchBuffer<number>({ write: async (rows) => void writes.push(rows), maxRows: 3 });
    buffer.push(1);
    buffer.push(2);
    expect(writes).toEqual([]);
    buffer.push(3);
    buffer.push(4);
    expect(writes).toEqual([]);
    await tick();
    await tick();
    expect(writes[0]).toEqual([1, 2, 3]);
    await buffer.flush();
    expect(writes.flat()).toEqual([1, 2, 3, 4]);
    expect(buffer.size).toBe(0);
  });

  it('keeps the rows of a failed write for the next one and drops the oldest beyond maxBuffered', async () => {
    let fail = true;
    const written: number[] = [];
    const errors: number[] = [];
    const buffer = createBatchBuffer<number>({
      write: async (rows) => {
        if (fail) throw new Error('db down');
        written.push(...rows);
      },
      maxRows: 100,
      maxBuffered: 3,
      onError: (_e, n) => errors.push(n),
    });
    for (const n of [1, 2, 3]) buffer.push(n);
    await buffer.flush();
    expect(errors).toEqual([3]);
    buffer.push(4);
    expect(buffer.dropped).toBe(1);
    fail = false;
    await buffer.close();
    expect(written).toEqual([2, 3, 4]);
    buffer.push(5);
    expect(buffer.size).toBe(0);
  });

  it('writes one batch at a time when flushes overlap', async () => {
    let running = 0;
    let most = 0;
    const buffer = createBatchBuffer<number>({
      write: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
      },
    });
    buffer.push(1);
    const a = buffer.flush();
    buffer.push(2);
    await Promise.all([a, buffer.flush(), buffer.flush()]);
    expect(most).toBe(1);
    expect(buffer.size).toBe(0);
  });
});
