import { isRetryableLockError, retryOnLockConflict } from '../../../src/runtime/transaction';

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
const noSleep = async () => undefined;

describe('retryOnLockConflict', () => {
  it('runs the unit again after a deadlock and returns what the retry returns', async () => {
    let calls = 0;
    const result = await retryOnLockConflict(async () => {
      calls += 1;
      if (calls < 3) throw deadlock();
      return 'done';
    }, { sleep: noSleep });
    expect({ calls, result }).toEqual({ calls: 3, result: 'done' });
  });

  it('gives up after the last attempt with the lock error itself', async () => {
    let calls = 0;
    const failing = retryOnLockConflict(async () => {
      calls += 1;
      throw deadlock();
    }, { attempts: 4, sleep: noSleep });
    await expect(failing).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
    expect(calls).toBe(4);
  });

  it('never repeats work that failed for any other reason', async () => {
    let calls = 0;
    const failing = retryOnLockConflict(async () => {
      calls += 1;
      throw Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
    }, { sleep: noSleep });
    await expect(failing).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(calls).toBe(1);
  });

  it('waits longer before each further attempt', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retryOnLockConflict(async () => {
      if (++calls < 3) throw deadlock();
    }, { backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThan(150);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThan(300);
  });
});

describe('isRetryableLockError', () => {
  it.each([
    ['ER_LOCK_DEADLOCK', true],
    ['ER_LOCK_WAIT_TIMEOUT', true],
    ['40P01', true],
    ['40001', true],
    ['ER_DUP_ENTRY', false],
    ['SQLITE_CONSTRAINT_UNIQUE', false],
  ])('%s → %s', (code, retryable) => {
    expect(isRetryableLockError(Object.assign(new Error(code), { code }))).toBe(retryable);
  });

  it('is false for values that are not database errors', () => {
    expect(isRetryableLockError(undefined)).toBe(false);
    expect(isRetryableLockError('ER_LOCK_DEADLOCK')).toBe(false);
  });
});
