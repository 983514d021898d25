/**
 * What a cancellation costs the member. Free until a worker has accepted; after that the policy
 * rows for the order's status apply, picked by how many hours are left before the start.
 *
 * With DEFAULT_SETTINGS, an order of ¥150 (total 15000), fully paid:
 *   accepted, 30 h before      → rule ≥24 h, 0%          fee 0,     refund 15000
 *   accepted, 5 h before       → rule ≥2 h, 10%          fee 1500,  refund 13500
 *   accepted, 1 h before       → rule ≥0 h, 20% min ¥20  fee 3000,  refund 12000
 *   same for a ¥50 order       → 20% = 1000 < min 2000   fee 2000,  refund 3000
 *   on_the_way                 → 30% min ¥30             fee 4500
 *   arrived                    → 50% min ¥30             fee 7500
 *   in_service / paused        → 100%                    fee 15000, refund 0
 *   deposit order, paid 4500, on_the_way → 30% = 4500, capped at what was paid: fee 4500, refund 0
 */
import { DomainError } from '../../../../../runtime/errors';
import { applyBasisPoints, assertFen, type Fen } from '../../../../../runtime/money';
import type { CancellationRule } from '../../../../../api/settings/settings-defaults';
import { canTransition, ORDER_STATUS_LABELS, type OrderStatus } from './order-status';

export interface CancellationInput {
  status: OrderStatus;
  scheduledAt: Date | string;
  now: Date;
  /** Fen the member has paid so far (deposit or full). */
  paid: Fen;
  /** The order's total after discounts; the fee percent applies to it. */
  total: Fen;
}

export interface CancellationOutcome {
  fee: Fen;
  refund: Fen;
  /** The policy row that set the fee; absent when cancelling was free by status or no row matched. */
  rule?: CancellationRule;
}

const HOUR_MS = 3_600_000;

export function cancellationFee(input: CancellationInput, policy: readonly CancellationRule[]): CancellationOutcome {
  const { status, now } = input;
  const paid = assertFen(input.paid, 'paid');
  const total = assertFen(input.total, 'total');
  // Whoever cancels, these states cannot be cancelled at all; the fee question does not arise.
  if (!canTransition(status, 'cancel', 'operator')) {
    throw new DomainError('INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能取消`, {
      from: status,
      event: 'cancel',
    });
  }
  if (status === 'pending_payment' || status === 'pending_acceptance') return { fee: 0, refund: paid };

  const scheduled = new Date(input.scheduledAt).getTime();
  if (Number.isNaN(scheduled)) throw new RangeError('scheduledAt must be a valid date');
  // After the start time everyone is in the "0 hours before" band.
  const hoursLeft = Math.max(0, (scheduled - now.getTime()) / HOUR_MS);
  const rule = pickRule(policy, status, hoursLeft);
  if (!rule) return { fee: 0, refund: paid };

  const byPercent = applyBasisPoints(total, Math.round(rule.feePercent * 100));
  // Never keep more than was actually paid; the rest of the fee is not collected afterwards.
  const fee = Math.min(paid, Math.max(byPercent, rule.minFee ?? 0));
  return { fee, refund: paid - fee, rule };
}

/** The row for `status` with the largest minHoursBefore that is still ≤ the hours left. */
export function pickRule(
  policy: readonly CancellationRule[],
  status: OrderStatus,
  hoursLeft: number,
): CancellationRule | undefined {
  let best: CancellationRule | undefined;
  for (const rule of policy) {
    if (rule.orderStatus !== status || rule.minHoursBefore > hoursLeft) continue;
    if (!best || rule.minHoursBefore > best.minHoursBefore) best = rule;
  }
  return best;
}
