import { fromZonedTime } from '../../../src/runtime/clock';
import { timeConflict, freeRanges } from '../../../src/plugins/dispatch/server/src/domain/availability';
import { dayOff, defaultWeek, weeklyRanges, weeklyWindowProblems } from '../../../src/plugins/dispatch/server/src/domain/weekly-schedule';

const tz = 'Asia/Shanghai';
const at = (day: number, hour: number, minute = 0) => fromZonedTime({ year: 2026, month: 11, day, hour, minute }, tz).getTime();
// 2026-11-30 is a Monday.
const MON = 30;

describe('weekly windows', () => {
  it('refuses overlapping windows on one weekday, naming the later one', () => {
    const problems = weeklyWindowProblems([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 1, start: '11:00', end: '14:00' },
    ]);
    expect(problems).toEqual([{ field: 'weekly[2]', message: expect.stringContaining('重叠') }]);
  });

  it('refuses a window that ends before it starts, naming its end', () => {
    expect(weeklyWindowProblems([{ weekday: 3, start: '18:00', end: '09:00' }])).toEqual([
      { field: 'weekly[0].end', message: '周三的结束时间须晚于开始时间' },
    ]);
    expect(weeklyWindowProblems([{ weekday: 3, start: '09:00', end: '24:00' }, { weekday: 8, start: '09:00', end: '10:00' }])[0].field).toBe('weekly[1].weekday');
  });

  it('lays windows on the calendar in Shanghai time', () => {
    const windows = [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '14:00', end: '24:00' },
    ];
    expect(weeklyRanges(windows, at(MON, 0), at(MON + 1, 0), tz)).toEqual([
      { start: at(MON, 9), end: at(MON, 12) },
      { start: at(MON, 14), end: fromZonedTime({ year: 2026, month: 12, day: 1 }, tz).getTime() },
    ]);
    // Tuesday has no window.
    expect(weeklyRanges(windows, fromZonedTime({ year: 2026, month: 12, day: 1, hour: 8 }, tz).getTime(), fromZonedTime({ year: 2026, month: 12, day: 1, hour: 20 }, tz).getTime(), tz)).toEqual([]);
  });
});

describe('is a worker free for an order', () => {
  const week = defaultWeek({ opensAt: '08:00', closesAt: '20:00' });
  // As orderTime holds it: the service, then the travel buffer after it.
  const order = (day: number, hour: number, minutes: number, buffer = 30, minute = 0) => ({
    service: { start: at(day, hour, minute), end: at(day, hour, minute) + minutes * 60_000 },
    held: { start: at(day, hour, minute), end: at(day, hour, minute) + (minutes + buffer) * 60_000 },
  });

  it('is free inside the windows with no leave or booking', () => {
    expect(timeConflict({ windows: week, leave: [], bookings: [] }, order(MON, 10, 120), tz)).toBeNull();
  });

  it('is not free for an order that runs past the window', () => {
    expect(timeConflict({ windows: week, leave: [], bookings: [] }, order(MON, 19, 120), tz)).toBe('outside_availability');
  });

  it('is not free on a day off or during leave', () => {
    expect(timeConflict({ windows: week, leave: [dayOff('2026-11-30', tz)] }, order(MON, 10, 120), tz)).toBe('on_leave');
    const leave = [{ kind: 'leave' as const, startsAt: new Date(at(MON, 11)).toISOString(), endsAt: new Date(at(MON, 12)).toISOString() }];
    expect(timeConflict({ windows: week, leave }, order(MON, 10, 120), tz)).toBe('on_leave');
    expect(timeConflict({ windows: week, leave }, order(MON, 13, 60), tz)).toBeNull();
  });

  it('keeps one travel buffer between two bookings', () => {
    const booking = { start: at(MON, 10), end: at(MON, 12, 30) }; // 10:00–12:00 held with the 30 min buffer after it
    expect(timeConflict({ windows: week, leave: [], bookings: [booking] }, order(MON, 12, 60, 30, 30), tz)).toBeNull();
    expect(timeConflict({ windows: week, leave: [], bookings: [booking] }, order(MON, 12, 60), tz)).toBe('booked');
    // An order ending 09:30 with its buffer fits right before the booking.
    expect(timeConflict({ windows: week, leave: [], bookings: [booking] }, order(MON, 8, 60, 30, 30), tz)).toBeNull();
  });

  it('lists free time as windows minus leave minus bookings', () => {
    const free = freeRanges({ windows: [{ weekday: 1, start: '09:00', end: '18:00' }], leave: [], bookings: [{ start: at(MON, 9, 30), end: at(MON, 12, 30) }] }, at(MON, 0), at(MON + 1, 0), tz);
    expect(free).toEqual([
      { start: at(MON, 9), end: at(MON, 9, 30) },
      { start: at(MON, 12, 30), end: at(MON, 18) },
    ]);
  });
});
