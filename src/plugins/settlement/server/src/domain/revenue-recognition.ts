/**
 * Revenue recognition when an order completes. Until then what the member paid sits in
 * `customer-prepayments` (a liability: the service is still owed). On completion it becomes
 * what the platform owes the worker and the platform's commission. Platform-funded coupons and
 * points were a price cut the member got, not one the worker gives: they are booked as
 * marketing expense and the worker earns on the price before them.
 *
 * Worked example: a ¥100 order, ¥20 coupon, ¥5 points, member paid ¥75, 20% commission:
 *   Dr customer-prepayments 7500, Dr expense:marketing:coupons 2000, Dr expense:marketing:points 500,
 *   Cr worker-payable:<worker> 8000, Cr income:commission 2000. Gross 10000 = net 8000 + commission 2000.
 */
import type { Fen } from '../../../../../runtime/money';
import { splitCommission, splitFee, type CommissionRules, type CommissionSplit, type CommissionSubject } from './commission';
import { accounts, assertBalanced, type Posting, type PostingLine } from './ledger';

export const recognitionAccounts = {
  workerPayable: (workerId: number) => `worker-payable:${workerId}`,
  commission: () => 'income:commission',
  couponExpense: () => 'expense:marketing:coupons',
  pointsExpense: () => 'expense:marketing:points',
};

export interface CompletedOrder extends CommissionSubject {
  orderNo: string;
  workerId: number;
  /** What the ledger still holds for the order: paid − refunded − refunds still owed. */
  prepaymentHeld: Fen;
  couponDiscount: Fen;
  pointsDeduction: Fen;
}

export interface RecognitionPolicy extends CommissionRules {
  couponsPlatformFunded: boolean;
  pointsPlatformFunded: boolean;
}

export const completionRef = (orderNo: string) => `order:${orderNo}:completed`;
export const cancellationSplitRef = (orderNo: string) => `order:${orderNo}:cancellation-fee-split`;

const nonZero = (lines: PostingLine[]) => lines.filter((line) => line.amount !== 0);

function assertAmounts(values: Record<string, number>) {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen`);
  }
}

/**
 * The recognition entry and the worker's earning. `posting` is null when there is nothing to
 * move (a free order with no platform-funded discount): an entry needs two non-zero lines.
 */
export function orderCompletedPosting(order: CompletedOrder, policy: RecognitionPolicy): { posting: Posting | null; split: CommissionSplit } {
  assertAmounts({ prepaymentHeld: order.prepaymentHeld, couponDiscount: order.couponDiscount, pointsDeduction: order.pointsDeduction });
  const coupon = policy.couponsPlatformFunded ? order.couponDiscount : 0;
  const points = policy.pointsPlatformFunded ? order.pointsDeduction : 0;
  const split = splitCommission(order.prepaymentHeld + coupon + points, order, policy);
  const lines = nonZero([
    { account: accounts.prepayments(), amount: order.prepaymentHeld },
    { account: recognitionAccounts.couponExpense(), amount: coupon },
    { account: recognitionAccounts.pointsExpense(), amount: points },
    { account: recognitionAccounts.workerPayable(order.workerId), amount: -split.net },
    { account: recognitionAccounts.commission(), amount: -split.commission },
  ]);
  if (lines.length < 2) return { posting: null, split };
  const posting = assertBalanced({ ref: completionRef(order.orderNo), kind: 'order_completed', memo: `订单完成 ${order.orderNo}`, lines });
  return { posting, split };
}

/**
 * The worker's share of a cancellation fee the platform kept (the fee is already in
 * `income:cancellation-fees`): that share stops being platform income and is owed to the worker.
 * Gross is the fee, the platform's share plays the commission.
 */
export function cancellationFeeSplitPosting(orderNo: string, workerId: number, fee: Fen, workerSharePercent: number) {
  assertAmounts({ fee });
  const { worker, platform } = splitFee(fee, workerSharePercent);
  const split: CommissionSplit = { gross: fee, commission: platform, net: worker, percent: 100 - workerSharePercent, source: 'default' };
  if (worker === 0) return { posting: null, split };
  const posting = assertBalanced({
    ref: cancellationSplitRef(orderNo),
    kind: 'cancellation_fee_split',
    memo: `取消费师傅分成 ${orderNo}`,
    lines: [
      { account: accounts.cancellationFees(), amount: worker },
      { account: recognitionAccounts.workerPayable(workerId), amount: -worker },
    ],
  });
  return { posting, split };
}
