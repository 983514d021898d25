import fc from 'fast-check';
import { certificateNotices, certificateUsableOn, certificateValidThrough, NO_EXPIRY } from '../../../src/api/people/domain/certificates';

describe('certificate validity', () => {
  it('is the latest expiry of the type, unlimited when one never expires, none without one', () => {
    const held = [
      { type: 'electrician', expiresAt: '2026-12-14' },
      { type: 'electrician', expiresAt: '2029-12-13' },
      { type: 'health', expiresAt: '2027-03-15' },
      { type: 'plumber', expiresAt: null },
    ];
    expect(certificateValidThrough('electrician', held)).toBe('2029-12-13');
    expect(certificateValidThrough('plumber', held)).toBe(NO_EXPIRY);
    expect(certificateValidThrough('maternity', held)).toBeNull();
    // Datetimes from a driver count by their day.
    expect(certificateValidThrough('health', [{ type: 'health', expiresAt: '2027-03-15T00:00:00.000Z' }])).toBe('2027-03-15');
  });

  it('is usable through the expiry day and not after', () => {
    expect(certificateUsableOn('2026-12-14', '2026-12-14')).toBe(true);
    expect(certificateUsableOn('2026-12-14', '2026-12-15')).toBe(false);
    expect(certificateUsableOn(NO_EXPIRY, '2099-01-01')).toBe(true);
    expect(certificateUsableOn(null, '2026-01-01')).toBe(false);
  });

  it('never lets an older certificate shorten what a renewal allows', () => {
    const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.option(date, { nil: null }), { minLength: 1, maxLength: 5 }), date, (expiries, day) => {
        const held = expiries.map((expiresAt) => ({ type: 'health', expiresAt }));
        const usable = certificateUsableOn(certificateValidThrough('health', held), day);
        expect(usable).toBe(expiries.some((e) => e === null || e >= day));
      }),
    );
  });
});

describe('certificate notices', () => {
  const held = [
    { type: 'electrician', expiresAt: '2026-12-14' },
    { type: 'health', expiresAt: '2027-03-15' },
    { type: 'housekeeping', expiresAt: null },
  ];

  it('warns within the notice window and reports the expired, judging each type by its latest certificate', () => {
    expect(certificateNotices(held, '2026-11-13', 30)).toEqual([]);
    expect(certificateNotices(held, '2026-11-14', 30)).toEqual([{ type: 'electrician', expiresAt: '2026-12-14', stage: 'expiring', daysLeft: 30 }]);
    expect(certificateNotices(held, '2026-12-14', 30)).toEqual([{ type: 'electrician', expiresAt: '2026-12-14', stage: 'expiring', daysLeft: 0 }]);
    expect(certificateNotices(held, '2026-12-15', 30)).toEqual([{ type: 'electrician', expiresAt: '2026-12-14', stage: 'expired', daysLeft: -1 }]);
    const renewed = [...held, { type: 'electrician', expiresAt: '2032-12-13' }];
    expect(certificateNotices(renewed, '2026-12-15', 30)).toEqual([]);
  });
});
