import {
  formatShanghaiClock,
  formatShanghaiDateTime,
  formatShanghaiTimestamp,
  pickedDateOfYmd,
  shanghaiDayEnd,
  shanghaiDayStart,
  ymdOfPickedDate,
} from './shanghai-time';

describe('times shown in Beijing time', () => {
  it('should show the Shanghai wall clock with the weekday, whatever the browser zone', () => {
    expect(formatShanghaiDateTime('2026-11-27T02:00:00.000Z')).toBe('2026-11-27 周五 10:00');
    // 17:30 UTC is already the next day in Shanghai.
    expect(formatShanghaiDateTime('2026-11-30T17:30:00.000Z')).toBe('2026-12-01 周二 01:30');
    expect(formatShanghaiDateTime('2026-12-01T10:00:00+08:00', false)).toBe('2026-12-01 10:00');
  });

  it('should show a dash for missing or broken times', () => {
    expect(formatShanghaiDateTime(null)).toBe('—');
    expect(formatShanghaiDateTime('not a date')).toBe('—');
  });

  it('should show payment times to the second, as channel statements list them', () => {
    expect(formatShanghaiTimestamp('2026-11-26T07:33:36.000Z')).toBe('2026-11-26 15:33:36');
    expect(formatShanghaiTimestamp('2026-11-30T17:30:05.000Z')).toBe('2026-12-01 01:30:05');
    expect(formatShanghaiTimestamp(null)).toBe('—');
  });

  it('should give the refresh clock in Shanghai time', () => {
    expect(formatShanghaiClock(new Date('2026-11-27T02:03:04.000Z'))).toBe('10:03:04');
  });

  it('should bound a Shanghai business day', () => {
    expect(shanghaiDayStart('2026-11-01')).toBe('2026-10-31T16:00:00.000Z');
    expect(shanghaiDayEnd('2026-11-01')).toBe('2026-11-01T16:00:00.000Z');
    expect(() => shanghaiDayStart('2026-11')).toThrow(RangeError);
  });

  it('should round-trip the day a date picker shows', () => {
    expect(ymdOfPickedDate(pickedDateOfYmd('2026-02-28'))).toBe('2026-02-28');
  });
});
