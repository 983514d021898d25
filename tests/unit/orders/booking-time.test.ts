import fc from 'fast-check';
import {
  bufferedInterval,
  ceilToSlot,
  resolveStart,
  slotsFor,
  type ResolveStartInput,
} from '../../../src/plugins/orders/server/src/domain/booking-time';
import { DEFAULT_SETTINGS } from '../../../src/api/settings/settings-defaults';
import { formatZoned, fromZonedTime } from '../../../src/runtime/clock';
import { DomainError } from '../../../src/runtime/errors';

const tz = 'Asia/Shanghai';
const now = new Date('2026-11-26T02:10:00Z'); // Thu 10:10 Shanghai
const local = (text: string) => {
  const [date, time] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return fromZonedTime({ year, month, day, hour, minute }, tz);
};

const input = (over: Partial<ResolveStartInput>): ResolveStartInput => ({
  durationMinutes: 120,
  now,
  timezone: tz,
  businessHours: DEFAULT_SETTINGS.businessHours,
  booking: DEFAULT_SETTINGS.booking,
  ...over,
});

const reasonOf = (over: Partial<ResolveStartInput>): unknown => {
  try {
    resolveStart(input(over));
  } catch (err) {
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    return (err as DomainError).details.reason;
  }
  return 'accepted';
};

describe('resolveStart: scheduled bookings (08:00–20:00, lead 60 min, 30 days)', () => {
  it('should accept a time within the rules, given as an ISO string with offset', () => {
    expect(resolveStart(input({ scheduledAt: '2026-11-26T14:00:00+08:00' }))).toEqual(local('2026-11-26 14:00'));
    expect(resolveStart(input({ scheduledAt: local('2026-11-26 11:10') }))).toEqual(local('2026-11-26 11:10'));
  });

  it.each([
    ['2026-11-26 10:00', 'past'],
    ['2026-11-26 10:50', 'lead_time'],
    ['2026-12-26 10:11', 'too_far'],
    ['2026-11-27 07:30', 'outside_hours'],
    ['2026-11-27 20:00', 'outside_hours'],
    ['2026-11-27 18:30', 'outside_hours'],
    ['2026-11-27 18:00', 'accepted'],
    ['2026-11-27 08:00', 'accepted'],
    ['2026-12-26 10:00', 'accepted'],
  ])('%s (120 min) → %s', (at, reason) => {
    expect(reasonOf({ scheduledAt: local(at) })).toBe(reason);
  });

  it('should say when the earliest possible time is', () => {
    try {
      resolveStart(input({ scheduledAt: local('2026-11-26 10:50') }));
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as DomainError).message).toBe('请至少提前 60 分钟预约');
      expect((err as DomainError).details.earliest).toBe('2026-11-26T03:10:00.000Z');
    }
  });

  it('should let services of a day or longer start late in the day', () => {
    expect(reasonOf({ scheduledAt: local('2026-11-27 19:00'), durationMinutes: 1440 })).toBe('accepted');
    expect(reasonOf({ scheduledAt: local('2026-11-27 19:00'), durationMinutes: 1439 })).toBe('outside_hours');
  });

  it('should require exactly one of a time and instant', () => {
    expect(reasonOf({})).toBe('invalid');
    expect(reasonOf({ scheduledAt: local('2026-11-27 10:00'), instant: true })).toBe('invalid');
    expect(reasonOf({ scheduledAt: 'next tuesday' })).toBe('invalid');
    expect(reasonOf({ scheduledAt: local('2026-11-27 10:00'), instant: false })).toBe('accepted');
  });

  it('should check hours in the business time zone, not UTC', () => {
    // 01:00Z is 09:00 in Shanghai (open) but would be 01:00 in UTC (closed).
    expect(reasonOf({ scheduledAt: '2026-11-27T01:00:00Z' })).toBe('accepted');
    expect(reasonOf({ scheduledAt: '2026-11-27T13:00:00Z' })).toBe('outside_hours');
  });

  it('should accept closing at midnight', () => {
    const late = { ...DEFAULT_SETTINGS.businessHours, closesAt: '24:00' };
    expect(reasonOf({ scheduledAt: local('2026-11-27 22:00'), businessHours: late })).toBe('accepted');
    expect(reasonOf({ scheduledAt: local('2026-11-27 22:30'), businessHours: late })).toBe('outside_hours');
  });
});

describe('resolveStart: instant bookings', () => {
  it('should arrive in 60 min rounded up to the next half hour: 10:10 → 11:30', () => {
    expect(formatZoned(resolveStart(input({ instant: true })), tz)).toBe('2026-11-26 11:30');
  });

  it('should keep a time already on the grid: 10:30 → 11:30', () => {
    expect(formatZoned(resolveStart(input({ instant: true, now: local('2026-11-26 10:30') })), tz)).toBe(
      '2026-11-26 11:30',
    );
  });

  it('should refuse instant bookings that would fall outside business hours', () => {
    expect(reasonOf({ instant: true, now: local('2026-11-26 17:45') })).toBe('outside_hours'); // 19:00 + 120 min
    expect(reasonOf({ instant: true, now: local('2026-11-26 06:00') })).toBe('outside_hours'); // 07:00
    expect(reasonOf({ instant: true, now: local('2026-11-26 06:00'), durationMinutes: 60 })).toBe('outside_hours');
    expect(reasonOf({ instant: true, now: local('2026-11-26 07:00') })).toBe('accepted'); // 08:00
  });
});

describe('slotsFor', () => {
  it('should cover 10:00 + 120 min with the 30 min buffer after it in 5 half-hour slots', () => {
    const slots = slotsFor(local('2026-11-26 10:00'), 120, 30, 30).map((s) => formatZoned(s, tz).slice(11));
    expect(slots).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
  });

  it('should fit back-to-back jobs one buffer apart, and no closer', () => {
    const first = new Set(slotsFor(local('2026-11-26 10:00'), 120, 30, 30).map((d) => d.getTime()));
    const shares = (at: string) => slotsFor(local(at), 120, 30, 30).some((d) => first.has(d.getTime()));
    expect(shares('2026-11-26 12:30')).toBe(false);
    expect(shares('2026-11-26 12:00')).toBe(true);
    expect(shares('2026-11-26 07:30')).toBe(false); // 07:30–09:30, buffer until 10:00
    expect(shares('2026-11-26 08:00')).toBe(true);
  });

  it('should hold an off-grid 09:45–11:45 job from 09:30 to 12:30', () => {
    const slots = slotsFor(local('2026-11-26 09:45'), 120, 30, 30).map((s) => formatZoned(s, tz).slice(11));
    expect(slots).toEqual(['09:30', '10:00', '10:30', '11:00', '11:30', '12:00']);
  });

  it('should round an off-grid booking outwards', () => {
    const slots = slotsFor(local('2026-11-26 10:10'), 45, 0, 30).map((s) => formatZoned(s, tz).slice(11));
    expect(slots).toEqual(['10:00', '10:30']); // 10:10–10:55
  });

  it('should produce consecutive, aligned slots covering the buffered interval and nothing beyond (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(15, 30, 60),
        (startMinute, duration, buffer, size) => {
          const start = new Date(Date.UTC(2026, 0, 1) + startMinute * 60_000);
          const slots = slotsFor(start, duration, buffer, size).map((d) => d.getTime());
          const sizeMs = size * 60_000;
          const { start: from, end: to } = bufferedInterval(start, duration, buffer);
          expect(slots.every((t) => t % sizeMs === 0)).toBe(true);
          expect(slots.every((t, i) => i === 0 || t - slots[i - 1] === sizeMs)).toBe(true);
          expect(slots[0]).toBeLessThanOrEqual(from.getTime());
          expect(slots[0] + sizeMs).toBeGreaterThan(from.getTime());
          expect(slots[slots.length - 1] + sizeMs).toBeGreaterThanOrEqual(to.getTime());
          expect(slots[slots.length - 1]).toBeLessThan(to.getTime());
        },
      ),
      { numRuns: 1000 },
    );
  });

  const booking = fc.record({
    startSlot: fc.integer({ min: 0, max: 200 }),
    durationSlots: fc.integer({ min: 1, max: 16 }),
  });

  it('should make overlapping bookings share a slot, whatever their alignment (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 1, max: 480 }),
        fc.integer({ min: 1, max: 480 }),
        fc.integer({ min: 0, max: 60 }),
        (a, b, da, db, buffer) => {
          const base = Date.UTC(2026, 10, 26);
          const startA = new Date(base + a * 60_000);
          const startB = new Date(base + b * 60_000);
          const ia = bufferedInterval(startA, da, buffer);
          const ib = bufferedInterval(startB, db, buffer);
          fc.pre(ia.start < ib.end && ib.start < ia.end);
          const slotsA = new Set(slotsFor(startA, da, buffer, 30).map((d) => d.getTime()));
          expect(slotsFor(startB, db, buffer, 30).some((d) => slotsA.has(d.getTime()))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('should keep on-grid bookings apart exactly when one travel buffer fits between them (property)', () => {
    fc.assert(
      fc.property(booking, booking, fc.constantFrom(0, 30, 60), (a, b, buffer) => {
        const at = (slot: number) => new Date(Date.UTC(2026, 10, 26) + slot * 30 * 60_000);
        const service = (x: typeof a) => ({ start: at(x.startSlot).getTime(), end: at(x.startSlot + x.durationSlots).getTime() });
        const sa = service(a);
        const sb = service(b);
        // The gap between the two services (negative when they overlap) must be at least one buffer.
        const gap = Math.max(sb.start - sa.end, sa.start - sb.end);
        const slotsA = new Set(slotsFor(at(a.startSlot), a.durationSlots * 30, buffer, 30).map((d) => d.getTime()));
        const shared = slotsFor(at(b.startSlot), b.durationSlots * 30, buffer, 30).some((d) => slotsA.has(d.getTime()));
        expect(shared).toBe(gap < buffer * 60_000);
      }),
      { numRuns: 1000 },
    );
  });

  it('should round up to the slot grid', () => {
    expect(ceilToSlot(new Date('2026-11-26T03:10:00Z'), 30).toISOString()).toBe('2026-11-26T03:30:00.000Z');
    expect(ceilToSlot(new Date('2026-11-26T03:30:00Z'), 30).toISOString()).toBe('2026-11-26T03:30:00.000Z');
    expect(ceilToSlot(new Date('2026-11-26T03:30:00.001Z'), 30).toISOString()).toBe('2026-11-26T04:00:00.000Z');
  });
});
