import { nextRun } from '../../../src/plugins/workforce/server/src/services/certificate-watch';

describe('certificate check schedule', () => {
  it('runs at 09:00 Shanghai time: later today before nine, tomorrow from nine on', () => {
    expect(nextRun(new Date('2026-12-04T00:30:00Z'))).toEqual({ day: '2026-12-04', at: new Date('2026-12-04T01:00:00Z') });
    expect(nextRun(new Date('2026-12-04T01:00:00Z'))).toEqual({ day: '2026-12-05', at: new Date('2026-12-05T01:00:00Z') });
    // 23:30 on the 31st in Shanghai is still December there.
    expect(nextRun(new Date('2026-12-31T15:30:00Z'))).toEqual({ day: '2027-01-01', at: new Date('2027-01-01T01:00:00Z') });
  });
});
