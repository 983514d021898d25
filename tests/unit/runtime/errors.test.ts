import {
  codeForStatus,
  DomainError,
  forbidden,
  isDomainError,
  notFound,
  STATUS_BY_CODE,
  statusNameFor,
  unauthenticated,
  validationFailed,
  type ErrorCode,
} from '../../../src/runtime/errors';

describe('DomainError', () => {
  it.each<[ErrorCode, number, string]>([
    ['VALIDATION_FAILED', 400, 'ValidationError'],
    ['COUPON_INVALID', 400, 'ValidationError'],
    ['UNAUTHENTICATED', 401, 'UnauthorizedError'],
    ['PAYMENT_SIGNATURE_INVALID', 401, 'UnauthorizedError'],
    ['FORBIDDEN', 403, 'ForbiddenError'],
    ['NOT_FOUND', 404, 'NotFoundError'],
    ['INVALID_TRANSITION', 409, 'ConflictError'],
    ['SLOT_TAKEN', 409, 'ConflictError'],
    ['PAYLOAD_TOO_LARGE', 413, 'PayloadTooLargeError'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, 'UnsupportedMediaTypeError'],
    ['RATE_LIMITED', 429, 'RateLimitError'],
    ['INTERNAL', 500, 'InternalServerError'],
    ['UPSTREAM_UNAVAILABLE', 502, 'BadGatewayError'],
  ])('should answer %s with HTTP %i (%s)', (code, status, name) => {
    const err = new DomainError(code, '出错了');
    expect(err.status).toBe(status);
    expect(err.name).toBe(name);
    expect(err.code).toBe(code);
  });

  it('should give every code a status from the table', () => {
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      expect(new DomainError(code as ErrorCode, 'x').status).toBe(status);
    }
  });

  it('should carry the code in details next to the caller’s details', () => {
    const err = new DomainError('SLOT_TAKEN', '该时段已被预约', { workerId: 3 });
    expect(err.details).toEqual({ workerId: 3, code: 'SLOT_TAKEN' });
    expect(err.message).toBe('该时段已被预约');
    expect(err).toBeInstanceOf(Error);
    expect(isDomainError(err)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('should not let details override the code', () => {
    expect(new DomainError('NOT_FOUND', 'x', { code: 'FORBIDDEN' }).details.code).toBe('NOT_FOUND');
  });
});

describe('shorthands', () => {
  it('should build the common errors with Chinese default messages', () => {
    expect(notFound()).toMatchObject({ code: 'NOT_FOUND', status: 404, message: '资源不存在' });
    expect(forbidden()).toMatchObject({ code: 'FORBIDDEN', status: 403, message: '无权操作' });
    expect(unauthenticated()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: '请先登录' });
    expect(validationFailed('手机号格式不正确', { field: 'phone' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      details: { field: 'phone', code: 'VALIDATION_FAILED' },
    });
  });
});

describe('codeForStatus', () => {
  it.each<[number, ErrorCode]>([
    [400, 'VALIDATION_FAILED'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [405, 'METHOD_NOT_ALLOWED'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [500, 'INTERNAL'],
    [503, 'INTERNAL'],
  ])('should map a bare %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('should name statuses for the error envelope', () => {
    expect(statusNameFor(404)).toBe('NotFoundError');
    expect(statusNameFor(418)).toBe('Error');
  });
});
