import { assertDepartOpen, checkArrival, departOpensAt, parsePosition } from '../../../src/plugins/orders/server/src/domain/worker-steps';
import { DomainError } from '../../../src/runtime/errors';

const start = new Date('2026-12-01T06:00:00Z'); // 14:00 Shanghai

describe('departure window', () => {
  it('should open departLeadMinutes before the start', () => {
    expect(departOpensAt(start, 180).toISOString()).toBe('2026-12-01T03:00:00.000Z');
  });

  it('should refuse a minute early with TOO_EARLY and the opening time, and allow from the opening on', () => {
    try {
      assertDepartOpen(start, new Date('2026-12-01T02:59:00Z'), 180);
      throw new Error('allowed');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).status).toBe(409);
      expect((err as DomainError).details).toMatchObject({ code: 'TOO_EARLY', opensAt: '2026-12-01T03:00:00.000Z' });
    }
    expect(() => assertDepartOpen(start, new Date('2026-12-01T03:00:00Z'), 180)).not.toThrow();
    // Late is never refused: the order still has to be served.
    expect(() => assertDepartOpen(start, new Date('2026-12-01T08:00:00Z'), 180)).not.toThrow();
  });
});

describe('arrival check', () => {
  const address = { lat: 31.19, lng: 121.43 };

  it('should measure the distance and flag only beyond the limit', () => {
    const near = checkArrival(address, { lat: 31.1905, lng: 121.4305 }, 500);
    expect(near.flag).toBeNull();
    expect(near.distanceMeters).toBeGreaterThan(40);
    expect(near.distanceMeters).toBeLessThan(120);
    const far = checkArrival(address, { lat: 31.23, lng: 121.47 }, 500);
    expect(far.flag).toBe('far');
    expect(Number.isInteger(far.distanceMeters)).toBe(true);
  });

  it('should flag a missing position or an address without coordinates', () => {
    expect(checkArrival(address, null, 500)).toEqual({ position: null, distanceMeters: null, flag: 'no_position' });
    expect(checkArrival({ lat: null, lng: null }, { lat: 31, lng: 121 }, 500)).toEqual({ position: { lat: 31, lng: 121 }, distanceMeters: null, flag: 'no_address_position' });
  });

  it('should parse a position only as a numeric pair in range', () => {
    expect(parsePosition({})).toBeNull();
    expect(parsePosition({ lat: 31.2, lng: 121.4 })).toEqual({ lat: 31.2, lng: 121.4 });
    for (const bad of [{ lat: 31.2 }, { lng: 121 }, { lat: 91, lng: 0 }, { lat: 0, lng: 181 }, { lat: '31', lng: '121' }]) {
      expect(() => parsePosition(bad as any)).toThrow(DomainError);
    }
  });
});
