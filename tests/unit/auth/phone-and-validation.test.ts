import { DomainError } from '../../../src/runtime/errors';
import { maskPhone, normalizeMainlandPhone } from '../../../src/extensions/users-permissions/auth/phone';
import { parseSmsLoginBody, parseSmsSendBody, parseWechatLoginBody } from '../../../src/extensions/users-permissions/auth/validation';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('normalizeMainlandPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['  19912345678 ', '19912345678'],
  ])('should accept %j as %s', (input, expected) => {
    expect(normalizeMainlandPhone(input)).toBe(expected);
  });

  it.each([['12800138000'], ['1380013800'], ['138001380001'], ['+8512800138000'], ['+1 13800138000'], ['138OO138000'], [''], [13800138000], [null]])(
    'should refuse %j',
    (input) => {
      expect(normalizeMainlandPhone(input)).toBeUndefined();
    },
  );

  it('should mask the middle digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});

describe('request bodies', () => {
  it('should normalise the phone of a send request', () => {
    expect(parseSmsSendBody({ phone: '+86 13800138000' })).toEqual({ phone: '13800138000' });
  });

  it('should refuse unknown fields with 400 VALIDATION_FAILED and name them', () => {
    const error = errorOf(() => parseSmsSendBody({ phone: '13800138000', role: 'admin' }));
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ code: 'VALIDATION_FAILED', unknownFields: ['role'] });
  });

  it('should refuse a missing or malformed phone', () => {
    expect(errorOf(() => parseSmsSendBody({})).details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    expect(errorOf(() => parseSmsSendBody({ phone: '12345' })).message).toBe('手机号格式不正确');
  });

  it('should refuse a body that is not an object', () => {
    expect(errorOf(() => parseSmsSendBody(['13800138000'])).code).toBe('VALIDATION_FAILED');
    expect(errorOf(() => parseSmsSendBody(undefined)).code).toBe('VALIDATION_FAILED');
  });

  it('should accept exactly six digits as a code, leading zeros kept', () => {
    expect(parseSmsLoginBody({ phone: '13800138000', code: '012345' })).toEqual({ phone: '13800138000', code: '012345' });
    for (const code of ['12345', '1234567', 'abcdef', 123456, '']) {
      expect(errorOf(() => parseSmsLoginBody({ phone: '13800138000', code })).details).toMatchObject({ field: 'code' });
    }
  });

  it('should require a WeChat code and nothing else', () => {
    expect(parseWechatLoginBody({ code: ' 0a1b2c ' })).toEqual({ code: '0a1b2c' });
    expect(errorOf(() => parseWechatLoginBody({})).details).toMatchObject({ field: 'code' });
    expect(errorOf(() => parseWechatLoginBody({ code: 'x', openid: 'forged' })).details).toMatchObject({ unknownFields: ['openid'] });
  });

  it('should take an optional device name for the session, and refuse a bad one', () => {
    expect(parseSmsLoginBody({ phone: '13800138000', code: '012345', deviceId: 'iPhone-1' })).toEqual({ phone: '13800138000', code: '012345', deviceId: 'iPhone-1' });
    expect(parseWechatLoginBody({ code: 'c', deviceId: 'mp' })).toEqual({ code: 'c', deviceId: 'mp' });
    for (const deviceId of ['', '   ', 42, 'x'.repeat(129), ['a']]) {
      expect(errorOf(() => parseSmsLoginBody({ phone: '13800138000', code: '012345', deviceId })).details).toMatchObject({ field: 'deviceId' });
      expect(errorOf(() => parseWechatLoginBody({ code: 'c', deviceId })).details).toMatchObject({ field: 'deviceId' });
    }
  });
});
