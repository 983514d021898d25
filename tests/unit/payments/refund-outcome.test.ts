import { NOTICE_REFUND_STATE, refundAction, refundQueryAttemptAfter, refundQueryDelay, REFUND_QUERY_DELAYS_MS, type ChannelRefundState } from '../../../src/plugins/payments/server/src/domain/refund-outcome';
import type { RefundStatus } from '../../../src/plugins/payments/server/src/domain/payment-labels';

const STATES: ChannelRefundState[] = ['processing', 'success', 'failed', 'abnormal', 'closed', 'not_found'];

describe('refundAction', () => {
  it.each([
    ['processing', 'success', 'complete'],
    ['pending', 'success', 'complete'],
    ['processing', 'failed', 'fail'],
    ['processing', 'closed', 'fail'],
    ['processing', 'abnormal', 'abnormal'],
    ['pending', 'abnormal', 'abnormal'],
    ['processing', 'processing', 'wait'],
    ['pending', 'processing', 'wait'],
    ['pending', 'not_found', 'send'],
    ['processing', 'not_found', 'wait'],
    ['abnormal', 'success', 'complete'],
  ] as [RefundStatus, ChannelRefundState, string][])('should turn a %s refund the channel reports %s into %s', (current, answer, action) => {
    expect(refundAction(current, answer)).toBe(action);
  });

  it('should change nothing on a settled refund whatever comes late (a notification after the query)', () => {
    for (const current of ['success', 'failed'] as RefundStatus[]) for (const answer of STATES) expect(refundAction(current, answer)).toBe('none');
  });

  it('should never resend or fail an abnormal refund silently', () => {
    for (const answer of STATES.filter((s) => s !== 'success')) expect(refundAction('abnormal', answer)).toBe('none');
  });

  it('should read every refund notification status as a channel state', () => {
    expect(NOTICE_REFUND_STATE).toEqual({ refund_success: 'success', refund_failed: 'failed', refund_closed: 'closed', refund_abnormal: 'abnormal' });
    expect(NOTICE_REFUND_STATE.paid).toBeUndefined();
  });
});

describe('refundQueryDelay', () => {
  it('should back off and then stop', () => {
    const delays = REFUND_QUERY_DELAYS_MS.map((_, i) => refundQueryDelay(i) as number);
    expect(delays[0]).toBe(60_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    expect(refundQueryDelay(delays.length)).toBeUndefined();
  });
});

describe('refundQueryAttemptAfter', () => {
  const MIN = 60_000;

  it('resumes a lost chain at the step whose delay has not run out', () => {
    expect(refundQueryAttemptAfter(0)).toBe(0);
    expect(refundQueryAttemptAfter(MIN - 1)).toBe(0);
    // 1 min, then 5: the second query is due until 6 minutes after the send.
    expect(refundQueryAttemptAfter(MIN)).toBe(1);
    expect(refundQueryAttemptAfter(6 * MIN - 1)).toBe(1);
    expect(refundQueryAttemptAfter(6 * MIN)).toBe(2);
  });

  it('keeps to the last step once every delay has passed', () => {
    const all = REFUND_QUERY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(refundQueryAttemptAfter(all)).toBe(REFUND_QUERY_DELAYS_MS.length - 1);
    expect(refundQueryAttemptAfter(all * 10)).toBe(REFUND_QUERY_DELAYS_MS.length - 1);
  });
});
