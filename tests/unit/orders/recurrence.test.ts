import fc from 'fast-check';
import {
  MAX_OCCURRENCES,
  occurrences,
  type RecurrenceRule,
} from '../../../src/plugins/orders/server/src/domain/recurrence';
import { formatZoned, fromZonedTime, zonedParts } from '../../../src/runtime/clock';
import { DomainError } from '../../../src/runtime/errors';

const tz = 'Asia/Shanghai';
const local = (text: string, zone = tz) => {
  const [date, time] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return fromZonedTime({ year, month, day, hour, minute }, zone);
};
const show = (dates: Date[], zone = tz) => dates.map((d) => formatZoned(d, zone));
const farHorizon = local('2030-01-01 00:00');

describe('weekly series', () => {
  it('should visit every Saturday and Sunday for 4 weeks', () => {
    const dates = occurrences(
      { freq: 'weekly', byWeekday: ['SA', 'SU'], count: 8 },
      local('2026-11-28 09:00'),
      farHorizon,
      tz,
    );
    expect(show(dates)).toEqual([
      '2026-11-28 09:00',
      '2026-11-29 09:00',
      '2026-12-05 09:00',
      '2026-12-06 09:00',
      '2026-12-12 09:00',
      '2026-12-13 09:00',
      '2026-12-19 09:00',
      '2026-12-20 09:00',
    ]);
  });

  it('should repeat on the first visit’s weekday by default, every other week with interval 2', () => {
    const dates = occurrences({ freq: 'weekly', interval: 2, count: 3 }, local('2026-11-26 14:30'), farHorizon, tz);
    expect(show(dates)).toEqual(['2026-11-26 14:30', '2026-12-10 14:30', '2026-12-24 14:30']);
  });

  it('should keep the first visit even when its weekday is not in the list', () => {
    const dates = occurrences(
      { freq: 'weekly', byWeekday: ['SA'], count: 3 },
      local('2026-11-25 10:00'),
      farHorizon,
      tz,
    );
    expect(show(dates)).toEqual(['2026-11-25 10:00', '2026-11-28 10:00', '2026-12-05 10:00']);
  });

  it('should include the whole local day of a bare until date', () => {
    const dates = occurrences(
      { freq: 'weekly', byWeekday: ['SA', 'SU'], until: '2026-12-06' },
      local('2026-11-28 21:00'),
      farHorizon,
      tz,
    );
    expect(show(dates)).toEqual(['2026-11-28 21:00', '2026-11-29 21:00', '2026-12-05 21:00', '2026-12-06 21:00']);
  });

  it('should stop at an until instant, inclusive', () => {
    const dates = occurrences(
      { freq: 'weekly', until: local('2026-12-10 14:30') },
      local('2026-11-26 14:30'),
      farHorizon,
      tz,
    );
    expect(show(dates)).toEqual(['2026-11-26 14:30', '2026-12-03 14:30', '2026-12-10 14:30']);
  });

  it('should cut the series at the horizon', () => {
    // 60 days from Thu 26 Nov: the last Thursday inside is 21 Jan.
    const horizon = new Date(local('2026-11-26 14:30').getTime() + 60 * 86_400_000);
    const dates = occurrences({ freq: 'weekly', count: 52 }, local('2026-11-26 14:30'), horizon, tz);
    expect(dates).toHaveLength(9);
    expect(show(dates).at(-1)).toBe('2027-01-21 14:30');
  });

  it('should never produce more than 52 visits', () => {
    expect(
      occurrences({ freq: 'weekly', byWeekday: ['MO', 'WE', 'FR'] }, local('2026-11-30 09:00'), farHorizon, tz),
    ).toHaveLength(MAX_OCCURRENCES);
  });

  it('should keep the local wall-clock time across a daylight-saving change', () => {
    const ny = 'America/New_York';
    const dates = occurrences(
      { freq: 'weekly', count: 3 },
      local('2026-10-24 09:00', ny),
      local('2027-01-01 00:00', ny),
      ny,
    );
    expect(show(dates, ny)).toEqual(['2026-10-24 09:00', '2026-10-31 09:00', '2026-11-07 09:00']);
    expect(dates[2].getTime() - dates[1].getTime()).toBe(7 * 86_400_000 + 3_600_000);
  });
});

describe('monthly series', () => {
  it('should skip months without a 31st, as RFC 5545 does, without using up the count', () => {
    const dates = occurrences({ freq: 'monthly', count: 4 }, local('2027-01-31 10:00'), farHorizon, tz);
    expect(show(dates)).toEqual(['2027-01-31 10:00', '2027-03-31 10:00', '2027-05-31 10:00', '2027-07-31 10:00']);
  });

  it('should step by the interval across the year end', () => {
    const dates = occurrences({ freq: 'monthly', interval: 3, count: 3 }, local('2026-11-15 16:00'), farHorizon, tz);
    expect(show(dates)).toEqual(['2026-11-15 16:00', '2027-02-15 16:00', '2027-05-15 16:00']);
  });

  it('should stop at the horizon even while months are being skipped', () => {
    const dates = occurrences({ freq: 'monthly' }, local('2027-01-31 10:00'), local('2027-03-30 00:00'), tz);
    expect(show(dates)).toEqual(['2027-01-31 10:00']);
  });
});

describe('invalid rules', () => {
  const first = local('2026-11-28 09:00');
  it.each<[string, RecurrenceRule, string]>([
    ['count and until together', { freq: 'weekly', count: 4, until: '2026-12-31' }, 'count_and_until'],
    ['interval 0', { freq: 'weekly', interval: 0 }, 'interval'],
    ['interval 13', { freq: 'monthly', interval: 13 }, 'interval'],
    ['count 53', { freq: 'weekly', count: 53 }, 'count'],
    ['byWeekday on a monthly rule', { freq: 'monthly', byWeekday: ['MO'] }, 'by_weekday'],
    ['an unknown weekday', { freq: 'weekly', byWeekday: ['XX' as 'MO'] }, 'by_weekday'],
    ['daily', { freq: 'daily' as 'weekly' }, 'freq'],
    ['until before the first visit', { freq: 'weekly', until: '2026-11-27' }, 'until'],
    ['an unreadable until', { freq: 'weekly', until: 'someday' }, 'until'],
  ])('should refuse %s', (_, rule, reason) => {
    expect(() => occurrences(rule, first, farHorizon, tz)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: expect.objectContaining({ field: 'recurrence', reason }),
      }),
    );
    expect(() => occurrences(rule, first, farHorizon, tz)).toThrow(DomainError);
  });
});

describe('series invariants (property)', () => {
  const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU' as const);
  const rule: fc.Arbitrary<RecurrenceRule> = fc.oneof(
    fc.record({
      freq: fc.constant<'weekly'>('weekly'),
      interval: fc.integer({ min: 1, max: 12 }),
      count: fc.option(fc.integer({ min: 1, max: 52 }), { nil: undefined }),
      byWeekday: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), { nil: undefined }),
    }),
    fc.record({
      freq: fc.constant<'monthly'>('monthly'),
      interval: fc.integer({ min: 1, max: 12 }),
      count: fc.option(fc.integer({ min: 1, max: 52 }), { nil: undefined }),
    }),
  );

  // A deliberately naive oracle: walk the local calendar day by day and keep the days the rule names.
  const DAY_MS = 86_400_000;
  function byBruteForce(r: RecurrenceRule, first: Date, horizon: Date): string[] {
    const wall = zonedParts(first, tz);
    const end = zonedParts(horizon, tz);
    const firstDay = Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
    const lastDay = Date.UTC(end.year, end.month - 1, end.day) / DAY_MS;
    const firstMonday = firstDay - (wall.weekday - 1);
    const codes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const weekdays = r.byWeekday?.length ? r.byWeekday.map((c) => codes.indexOf(c) + 1) : [wall.weekday];
    const interval = r.interval ?? 1;
    const out = [formatZoned(first, tz)];
    for (let day = firstDay + 1; day <= lastDay && out.length < Math.min(r.count ?? 52, 52); day++) {
      const d = new Date(day * DAY_MS);
      const weekday = ((d.getUTCDay() + 6) % 7) + 1;
      const months = (d.getUTCFullYear() - wall.year) * 12 + d.getUTCMonth() + 1 - wall.month;
      const matches =
        r.freq === 'weekly'
          ? Math.floor((day - firstMonday) / 7) % interval === 0 && weekdays.includes(weekday)
          : d.getUTCDate() === wall.day && months % interval === 0;
      if (!matches) continue;
      const at = fromZonedTime(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: wall.hour,
          minute: wall.minute,
        },
        tz,
      );
      if (at.getTime() > horizon.getTime()) break;
      out.push(formatZoned(at, tz));
    }
    return out;
  }

  it('should produce exactly the visits a day-by-day walk of the calendar finds', () => {
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 0, max: 365 * 24 * 2 }),
        fc.integer({ min: 0, max: 800 }),
        (r, hourOffset, horizonDays) => {
          const first = new Date(Date.UTC(2026, 10, 26, 0, 30) + hourOffset * 3_600_000);
          const horizon = new Date(first.getTime() + horizonDays * 86_400_000 + hourOffset * 60_000);
          expect(show(occurrences(r, first, horizon, tz))).toEqual(byBruteForce(r, first, horizon));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should start with the first visit, keep its wall time, increase, and respect count and horizon', () => {
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 0, max: 365 * 24 * 2 }),
        fc.integer({ min: 0, max: 800 }),
        (r, hourOffset, horizonDays) => {
          const first = new Date(Date.UTC(2026, 10, 26, 0, 30) + hourOffset * 3_600_000);
          const horizon = new Date(first.getTime() + horizonDays * 86_400_000);
          const dates = occurrences(r, first, horizon, tz);
          expect(dates[0]).toEqual(first);
          expect(dates.length).toBeLessThanOrEqual(Math.min(r.count ?? 52, 52));
          const wall = zonedParts(first, tz);
          for (let i = 1; i < dates.length; i++) {
            expect(dates[i].getTime()).toBeGreaterThan(dates[i - 1].getTime());
            expect(dates[i].getTime()).toBeLessThanOrEqual(horizon.getTime());
            const p = zonedParts(dates[i], tz);
            expect([p.hour, p.minute]).toEqual([wall.hour, wall.minute]);
            if (r.freq === 'monthly') expect(p.day).toBe(wall.day);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
