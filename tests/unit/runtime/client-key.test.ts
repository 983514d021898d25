import { clientKey } from '../../../src/runtime/client-key';
import { limitFor } from '../../../src/runtime/rate-limits';

describe('clientKey', () => {
  it('keeps IPv4 and unwraps IPv4-mapped IPv6', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
  it('groups IPv6 by /64 whatever the spelling', () => {
    const key = clientKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientKey('[2001:DB8:1:2:abcd::9]')).toBe(key);
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
  it('never answers an empty key', () => {
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('limitFor', () => {
  it('takes SMS_HOURLY_BUDGET and RATE_LIMIT_<NAME> overrides, and refuses nonsense', () => {
    expect(limitFor('SMS_GLOBAL', { SMS_HOURLY_BUDGET: '50' })).toEqual({ points: 50, duration: 3600 });
    expect(limitFor('PASSWORD_LOGIN', { RATE_LIMIT_PASSWORD_LOGIN: '3/60' })).toEqual({ points: 3, duration: 60 });
    expect(limitFor('PASSWORD_LOGIN', {})).toEqual({ points: 10, duration: 900 });
    expect(() => limitFor('SMS_LOGIN', { RATE_LIMIT_SMS_LOGIN: 'lots' })).toThrow(/RATE_LIMIT_SMS_LOGIN/);
  });
});
