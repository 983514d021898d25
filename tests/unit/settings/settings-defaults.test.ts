import { DEFAULT_SETTINGS, mergeSettings } from '../../../src/api/settings/settings-defaults';

describe('mergeSettings', () => {
  it('returns the defaults for an empty record', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, {})).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(DEFAULT_SETTINGS, null)).toEqual(DEFAULT_SETTINGS);
  });

  it('takes saved values field by field and ignores nulls', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, {
      timezone: 'Asia/Shanghai',
      booking: { unpaidTimeoutMinutes: 15, minLeadMinutes: null },
      sms: { resendSeconds: '90' },
    });
    expect(merged.booking.unpaidTimeoutMinutes).toBe(15);
    expect(merged.booking.minLeadMinutes).toBe(DEFAULT_SETTINGS.booking.minLeadMinutes);
    expect(merged.sms.resendSeconds).toBe(90);
  });

  it('replaces the cancellation policy only when operators configured one', () => {
    const rules = [{ orderStatus: 'accepted', minHoursBefore: 0, feePercent: 5, minFee: 0 }];
    expect(mergeSettings(DEFAULT_SETTINGS, { cancellationPolicy: rules }).cancellationPolicy).toEqual(rules);
    expect(mergeSettings(DEFAULT_SETTINGS, { cancellationPolicy: [] }).cancellationPolicy).toEqual(DEFAULT_SETTINGS.cancellationPolicy);
  });

  it('gives tickets a 120-minute first response and a 48-hour resolution unless operators saved other limits', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, {}).feedback).toEqual({ firstResponseMinutes: 120, resolutionHours: 48 });
    expect(mergeSettings(DEFAULT_SETTINGS, { feedback: { firstResponseMinutes: '30', resolutionHours: null } }).feedback).toEqual({ firstResponseMinutes: 30, resolutionHours: 48 });
  });

  it('does not mutate the defaults', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    mergeSettings(DEFAULT_SETTINGS, { booking: { slotMinutes: 60 } });
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before);
  });
});
