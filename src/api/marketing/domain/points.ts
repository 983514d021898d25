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

/**
 * Points for money actually paid (fen), `earnPerYuan` per whole yuan: 12 345 fen at 1/yuan → 123.
 */
export function pointsForSpend(netPaidFen: number, earnPerYuan: number): number {
  if (netPaidFen <= 0 || earnPerYuan <= 0) return 0;
  return Math.floor(netPaidFen / 100) * earnPerYuan;
}

export interface RefundReversalInput {
  /** Points the order's completion posted. */
  earned: number;
  /** Points already taken back for earlier refunds of the order (positive). */
  takenBack: number;
  /** What is still paid after all refunds so far (fen). */
  netPaidFen: number;
  earnPerYuan: number;
  /** The member's balance now: points already spent cannot be taken back. */
  balance: number;
}

/**
 * How many completion points a refund takes back: the order keeps what its remaining payment
 * would earn (never more than it earned), a full refund keeps nothing. Earned 90 on ¥90, ¥30
 * refunded → keeps 60, takes back 30; then the rest refunded → takes back the other 60.
 */
export function pointsToTakeBack(input: RefundReversalInput): number {
  const keep = Math.min(input.earned, pointsForSpend(input.netPaidFen, input.earnPerYuan));
  const owed = input.earned - input.takenBack - keep;
  return Math.max(0, Math.min(owed, input.balance));
}
