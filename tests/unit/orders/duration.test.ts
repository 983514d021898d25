import { assertMemberDuration, bookedDuration, bookedQuantity } from '../../../src/plugins/orders/server/src/domain/duration';
import { DomainError } from '../../../src/runtime/errors';

const hourly = {
  unit: 'hour',
  durationMinutes: 120,
  packages: [
    { code: 'hours-12', name: '12小时畅享卡', quantity: 12, price: 49900 },
    { code: 'old', name: '下架卡', quantity: 20, price: 1, active: false },
  ],
};
const perUnit = { unit: 'unit', durationMinutes: 60, packages: [{ code: 'units-3', name: '三台家庭装', quantity: 3, price: 23900 }] };

describe('bookedDuration', () => {
  it('should last as many hours as an hourly line books', () => {
    expect(bookedDuration(hourly, 3)).toBe(180);
  });

  it('should take an hourly package’s hours when the member sends no quantity', () => {
    expect(bookedDuration(hourly, undefined, 'hours-12')).toBe(720);
    expect(bookedQuantity(hourly, null, 'hours-12')).toBe(12);
  });

  it('should fall back to the catalog duration for non-hourly items and for a missing quantity', () => {
    expect(bookedDuration(perUnit, undefined, 'units-3')).toBe(60);
    expect(bookedDuration(hourly, undefined)).toBe(120);
  });

  it('should ignore an inactive package (pricing refuses it)', () => {
    expect(bookedQuantity(hourly, undefined, 'old')).toBeNull();
  });
});

describe('assertMemberDuration', () => {
  it('should accept no value or the computed value', () => {
    expect(() => assertMemberDuration(undefined, 180)).not.toThrow();
    expect(() => assertMemberDuration(null, 180)).not.toThrow();
    expect(() => assertMemberDuration(180, 180)).not.toThrow();
  });

  it('should refuse any other value with VALIDATION_FAILED naming the expected duration', () => {
    for (const asked of [15, 179, 1440, 60 * 24 * 62]) {
      try {
        assertMemberDuration(asked, 180);
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'durationMinutes', expected: 180 });
      }
    }
  });
});
