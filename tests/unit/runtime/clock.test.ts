import fc from 'fast-check';
import {
  clock,
  DEFAULT_TIMEZONE,
  fixedClock,
  isoOrNull,
  formatZoned,
  fromZonedTime,
  minuteOfZonedDay,
  startOfZonedDay,
  toZonedIso,
  zonedParts,
  zoneOffsetMinutes,
} from '../../../src/runtime/clock';

describe('Asia/Shanghai wall clock', () => {
  const at = new Date('2026-11-26T06:30:15Z');

  it('should default to Asia/Shanghai', () => {
    expect(DEFAULT_TIMEZONE).toBe('Asia/Shanghai');
  });

  it('should read 14:30:15 on Thursday 26 November for 06:30:15 UTC', () => {
    expect(zonedParts(at)).toEqual({ year: 2026, month: 11, day: 26, hour: 14, minute: 30, second: 15, weekday: 4 });
  });

  it('should roll over to the next local day before UTC does', () => {
    expect(zonedParts(new Date('2026-11-29T16:00:00Z'))).toMatchObject({ day: 30, hour: 0, weekday: 1 });
    expect(zonedParts(new Date('2026-11-29T15:59:59Z'))).toMatchObject({ day: 29, hour: 23, weekday: 7 });
  });

  it('should be UTC+8 all year', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes(new Date('2026-07-15T00:00:00Z'))).toBe(480);
  });

  it('should format the instant in business time', () => {
    expect(toZonedIso(at)).toBe('2026-11-26T14:30:15+08:00');
    expect(formatZoned(at)).toBe('2026-11-26 14:30');
    expect(minuteOfZonedDay(at)).toBe(870);
  });

  it('should find the local midnight of the business day', () => {
    expect(startOfZonedDay(new Date('2026-11-25T17:00:00Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('should turn a wall-clock time into the matching instant', () => {
    expect(fromZonedTime({ year: 2026, month: 11, day: 26, hour: 14 }).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(fromZonedTime({ year: 2027, month: 1, day: 1 }).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('should round-trip any instant through wall-clock parts and through the ISO text', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(Math.floor(ms / 1000) * 1000);
        return (
          fromZonedTime(zonedParts(instant)).getTime() === instant.getTime() &&
          new Date(toZonedIso(instant)).getTime() === instant.getTime()
        );
      }),
    );
  });

  it('should give ISO weekdays Monday 1 … Sunday 7', () => {
    const week = [23, 24, 25, 26, 27, 28, 29].map((day) => zonedParts(fromZonedTime({ year: 2026, month: 11, day, hour: 12 })).weekday);
    expect(week).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('other zones', () => {
  it('should follow daylight saving time', () => {
    const summer = fromZonedTime({ year: 2026, month: 7, day: 1, hour: 9 }, 'Europe/Berlin');
    const winter = fromZonedTime({ year: 2026, month: 12, day: 1, hour: 9 }, 'Europe/Berlin');
    expect(summer.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(winter.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(toZonedIso(summer, 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
  });
});

describe('runtime clock', () => {
  afterEach(() => clock.reset());

  it('should return the pinned instant while a fixed clock is in use', () => {
    clock.use(fixedClock('2026-11-26T06:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-26T06:00:00.000Z');
    // Each call gets its own Date, so a caller mutating one cannot move the clock.
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  it('should go back to system time on reset', () => {
    clock.use(fixedClock('2000-01-01T00:00:00Z'));
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('isoOrNull', () => {
  it('shows what each driver returns as one UTC string, and nothing as null', () => {
    expect(isoOrNull(new Date('2026-12-04T08:00:00+08:00'))).toBe('2026-12-04T00:00:00.000Z');
    // SQLite hands back epoch milliseconds or text.
    expect(isoOrNull(Date.UTC(2026, 11, 4))).toBe('2026-12-04T00:00:00.000Z');
    expect(isoOrNull('2026-12-04 00:00:00Z')).toBe('2026-12-04T00:00:00.000Z');
    expect(isoOrNull(null)).toBeNull();
    expect(isoOrNull(undefined)).toBeNull();
    expect(isoOrNull('')).toBeNull();
  });
});
