import fc from 'fast-check';
import {
  formatOrderNo,
  isOrderNo,
  ORDER_NO_LENGTH,
  parseOrderNo,
} from '../../../src/plugins/orders/server/src/domain/order-no';

const tz = 'Asia/Shanghai';

describe('order numbers', () => {
  it('should read as SM + Shanghai date and minute + 6 digits', () => {
    expect(formatOrderNo(new Date('2026-11-26T06:30:45Z'), 42917, tz)).toBe('SM202611261430042917');
    expect(formatOrderNo(new Date('2026-11-26T06:30:00Z'), '000007', tz)).toBe('SM202611261430000007');
    expect(ORDER_NO_LENGTH).toBe(20);
  });

  it('should use the business day, not the UTC one', () => {
    expect(formatOrderNo(new Date('2026-12-31T16:05:00Z'), 1, tz)).toBe('SM202701010005000001');
  });

  it.each([-1, 1_000_000, 1.5, '12a456', '1234567', ''])('should refuse the suffix %p', (suffix) => {
    expect(() => formatOrderNo(new Date('2026-11-26T06:30:00Z'), suffix, tz)).toThrow(RangeError);
  });

  it('should parse back the minute and the suffix', () => {
    expect(parseOrderNo('SM202611261430042917', tz)).toEqual({
      placedAt: new Date('2026-11-26T06:30:00Z'),
      suffix: 42917,
    });
  });

  it.each([
    'SM20261126143004291',
    'SM2026112614300429170',
    'XX202611261430042917',
    'SM202602301430042917',
    'SM202613261430042917',
    'SM202611262460042917',
    'sm202611261430042917',
  ])('should reject %s', (value) => {
    expect(parseOrderNo(value, tz)).toBeNull();
    expect(isOrderNo(value)).toBe(false);
  });

  it('should accept a leap day and reject 29 February otherwise', () => {
    expect(isOrderNo('SM202802291200000001')).toBe(true);
    expect(isOrderNo('SM202702291200000001')).toBe(false);
    expect(isOrderNo(42)).toBe(false);
  });

  it('should sort by time and round-trip (property)', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2099, 0, 1) }).map((ms) => new Date(ms));
    const suffix = fc.integer({ min: 0, max: 999_999 });
    fc.assert(
      fc.property(instant, suffix, instant, suffix, (a, sa, b, sb) => {
        const na = formatOrderNo(a, sa, tz);
        const nb = formatOrderNo(b, sb, tz);
        expect(na).toHaveLength(20);
        expect(isOrderNo(na)).toBe(true);
        const minuteA = Math.floor(a.getTime() / 60_000);
        const minuteB = Math.floor(b.getTime() / 60_000);
        if (minuteA < minuteB) expect(na < nb).toBe(true);
        expect(parseOrderNo(na, tz)).toEqual({ placedAt: new Date(minuteA * 60_000), suffix: sa });
      }),
      { numRuns: 1000 },
    );
  });
});
