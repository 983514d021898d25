import { ORDER_STATUSES } from '../../../src/plugins/orders/server/src/domain/order-status';
import { assertReporting, assertVisible, isReportingStatus, isVisibleStatus, MAX_CLOCK_SKEW_MS, pingTime } from '../../../src/plugins/tracking/server/src/domain';

describe('when positions are reported and shown', () => {
  it('should take pings only between setting off and starting the service', () => {
    expect(ORDER_STATUSES.filter(isReportingStatus)).toEqual(['on_the_way', 'arrived']);
  });

  it('should show the position from setting off until the service ends, never after completion or cancellation', () => {
    expect(ORDER_STATUSES.filter(isVisibleStatus)).toEqual(['on_the_way', 'arrived', 'in_service', 'paused']);
  });

  it('should refuse a ping on an accepted order with INVALID_TRANSITION', () => {
    expect(() => assertReporting('accepted')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION', status: 409 }));
    expect(() => assertReporting('on_the_way')).not.toThrow();
  });

  it.each(['completed', 'cancelled', 'accepted', 'pending_final_payment'])('should answer 404 for the position of a %s order', (status) => {
    expect(() => assertVisible(status)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', status: 404 }));
  });
});

describe('pingTime', () => {
  const now = Date.parse('2026-12-03T10:00:00+08:00');
  const maxAge = 600_000;

  it('should use the server time when the phone sends none', () => {
    expect(pingTime(undefined, now, maxAge)).toBe(now);
  });

  it('should keep the time of a ping queued a few minutes without signal', () => {
    expect(pingTime(now - 180_000, now, maxAge)).toBe(now - 180_000);
  });

  it('should cap a phone clock slightly ahead at the server time', () => {
    expect(pingTime(now + 5_000, now, maxAge)).toBe(now);
  });

  it.each([
    ['too far ahead', now + MAX_CLOCK_SKEW_MS + 1],
    ['too old', now - maxAge - 1],
    ['not a time', Number.NaN],
  ])('should refuse a time %s with VALIDATION_FAILED on field at', (_why, at) => {
    expect(() => pingTime(at, now, maxAge)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expect.objectContaining({ field: 'at' }) }));
  });
});
