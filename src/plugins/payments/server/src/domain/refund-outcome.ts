/**
 * What a channel's word about one refund does to our refund row. A refund notification and a
 * refund query answer say the same things (success, failed, closed, abnormal, still processing),
 * so both go through this one rule, which is what makes a late notification after a query (or
 * the other way round) change nothing.
 */
import type { RefundStatus } from './payment-labels';

export type ChannelRefundState = 'processing' | 'success' | 'failed' | 'abnormal' | 'closed' | 'not_found';

export type RefundAction =
  /** Book it: ledger, payment totals, order — once. */
  | 'complete'
  | 'fail'
  /** WeChat could not pay it back: an operator decides (bank card or offline transfer). */
  | 'abnormal'
  /** The channel has it and is still working: ask again later. */
  | 'wait'
  /** The channel never got it: sending it (again, under the same identity) cannot pay twice. */
  | 'send'
  /** Already settled here, or nothing the answer could change. */
  | 'none';

/** Notification statuses (VerifiedNotification.status) as channel refund states. */
export const NOTICE_REFUND_STATE: Readonly<Record<string, ChannelRefundState | undefined>> = {
  refund_success: 'success',
  refund_failed: 'failed',
  refund_closed: 'closed',
  refund_abnormal: 'abnormal',
};

/**
 * - pending / processing: the channel's answer decides, `not_found` on a pending one sends it;
 *   a processing one the channel does not know yet is asked again (its index lags the answer).
 * - abnormal: only a success (WeChat paid it after apply-abnormal-refund) moves it; it is never
 *   re-sent or failed silently.
 * - success / failed: final here; a late word from the channel changes nothing.
 */
export function refundAction(current: RefundStatus, answer: ChannelRefundState): RefundAction {
  if (current === 'success' || current === 'failed') return 'none';
  if (current === 'abnormal') return answer === 'success' ? 'complete' : 'none';
  switch (answer) {
    case 'success':
      return 'complete';
    case 'failed':
    case 'closed':
      return 'fail';
    case 'abnormal':
      return 'abnormal';
    case 'processing':
      return 'wait';
    case 'not_found':
      return current === 'pending' ? 'send' : 'wait';
  }
}

/** Backoff of refund follow-up queries: 1 min, 5 min, 15 min, 1 h, 6 h, 24 h after the send. */
export const REFUND_QUERY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 60 * 60_000, 24 * 60 * 60_000];

/** The delay before follow-up query number `attempt` (0-based), or undefined once they are used up. */
export const refundQueryDelay = (attempt: number): number | undefined => REFUND_QUERY_DELAYS_MS[attempt];

/**
 * Where the follow-up chain of a refund sent `elapsedMs` ago stands: the attempt whose delay
 * has not run out yet, so a chain lost with a restart resumes there instead of from the start.
 * The last attempt once every delay has passed (one final query, then 支付流水).
 */
export function refundQueryAttemptAfter(elapsedMs: number): number {
  let due = 0;
  for (const [attempt, delay] of REFUND_QUERY_DELAYS_MS.entries()) {
    due += delay;
    if (elapsedMs < due) return attempt;
  }
  return REFUND_QUERY_DELAYS_MS.length - 1;
}
