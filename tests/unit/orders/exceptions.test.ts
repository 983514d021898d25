import { orderExceptions, type ExceptionRules } from '../../../src/plugins/orders/server/src/domain/exceptions';
import { parseDateFilter } from '../../../src/plugins/orders/server/src/domain/date-filter';
import { DEFAULT_SETTINGS } from '../../../src/api/settings/settings-defaults';
import { DomainError } from '../../../src/runtime/errors';

const rules: ExceptionRules = { ...DEFAULT_SETTINGS.exceptions, acceptanceTimeoutMinutes: 30 };
const start = new Date('2026-12-01T02:00:00Z'); // 10:00 Shanghai
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const order = (orderStatus: any, extra: Record<string, unknown> = {}) => ({ orderStatus, scheduledAt: start, durationMinutes: 120, ...extra });

describe('orderExceptions', () => {
  it('should flag an arrived order not started 30 minutes after the start (or the later arrival)', () => {
    expect(orderExceptions(order('arrived'), at(30), rules)).toEqual([]);
    expect(orderExceptions(order('arrived'), at(31), rules)).toEqual(['idle_after_arrival']);
    expect(orderExceptions(order('arrived', { arrivedAt: at(20) }), at(45), rules)).toEqual([]);
    expect(orderExceptions(order('arrived', { arrivedAt: at(20) }), at(51), rules)).toEqual(['idle_after_arrival']);
  });

  it('should flag 待付尾款 a day after the planned end', () => {
    expect(orderExceptions(order('pending_final_payment'), at(120 + 1440), rules)).toEqual([]);
    expect(orderExceptions(order('pending_final_payment'), at(120 + 1441), rules)).toEqual(['final_payment_overdue']);
  });

  it('should take every threshold from the rules', () => {
    const strict = { ...rules, lateDepartureMinutes: 90, lateArrivalMinutes: 5, overrunMinutes: 10 };
    expect(orderExceptions(order('accepted'), at(-60), rules)).toEqual([]);
    expect(orderExceptions(order('accepted'), at(-60), strict)).toEqual(['late_departure']);
    expect(orderExceptions(order('on_the_way'), at(10), rules)).toEqual([]);
    expect(orderExceptions(order('on_the_way'), at(10), strict)).toEqual(['late_arrival']);
    expect(orderExceptions(order('in_service'), at(120 + 30), rules)).toEqual([]);
    expect(orderExceptions(order('in_service'), at(120 + 30), strict)).toEqual(['overrun']);
  });
});

describe('parseDateFilter', () => {
  it('should read YYYY-MM-DD as the Shanghai business day, to inclusive', () => {
    expect(parseDateFilter('2026-11-30', 'from').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(parseDateFilter('2026-11-30', 'to').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(parseDateFilter('2026-12-31', 'to').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('should take a full ISO instant as is and refuse nonsense', () => {
    expect(parseDateFilter('2026-11-29T16:00:00.000Z', 'from').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(() => parseDateFilter('2026-02-30', 'from')).toThrow(DomainError);
    expect(() => parseDateFilter('2026-13-01x', 'to')).toThrow(DomainError);
  });
});
