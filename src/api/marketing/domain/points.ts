import { DomainError } from '../../../runtime/errors';

/** The balance after posting `delta`; points can never go negative. */
export function nextPointsBalance(current: number, delta: number): number {
  if (!Number.isInteger(delta) || delta === 0) throw new DomainError('VALIDATION_FAILED', '积分变动必须为非零整数');
  const next = current + delta;
  if (next < 0) {
    throw new DomainError('INSUFFICIENT_POINTS', '积分不足', { balance: current, required: -delta });
  }
  return next;
}
