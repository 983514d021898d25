/**
 * Domain errors carry a stable code from the API contract; the HTTP status is derived from
 * the code in exactly one place (STATUS_BY_CODE) so every plugin answers the same way.
 * No Strapi import: domain modules throw these and stay testable on their own.
 */
export const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  COUPON_INVALID: 400,
  SMS_CODE_INVALID: 400,
  PAYMENT_AMOUNT_MISMATCH: 400,
  CHANNEL_DISABLED: 400,
  FILTER_NOT_ALLOWED: 400,
  FILE_TYPE_NOT_ALLOWED: 400,
  TOO_MANY_FILES: 400,
  UNAUTHENTICATED: 401,
  PAYMENT_SIGNATURE_INVALID: 401,
  FORBIDDEN: 403,
  FILE_NOT_OWNED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INVALID_TRANSITION: 409,
  ORDER_NOT_MODIFIABLE: 409,
  WORKER_UNAVAILABLE: 409,
  SLOT_TAKEN: 409,
  BOOKING_CONFLICT: 409,
  OFFER_EXPIRED: 409,
  INSUFFICIENT_POINTS: 409,
  INSUFFICIENT_BALANCE: 409,
  ALREADY_REVIEWED: 409,
  ALREADY_REPLIED: 409,
  REVIEW_WINDOW_CLOSED: 409,
  CONFLICT: 409,
  TOO_EARLY: 409,
  EVIDENCE_REQUIRED: 409,
  COUPON_SOLD_OUT: 409,
  COUPON_LIMIT_REACHED: 409,
  COUPON_NOT_CLAIMABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

const NAME_BY_STATUS: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'RateLimitError',
  500: 'InternalServerError',
  502: 'BadGatewayError',
  503: 'ServiceUnavailableError',
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.name = NAME_BY_STATUS[this.status] ?? 'DomainError';
    this.details = { ...details, code };
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;

/** The code a response gets when whoever produced it only chose a status. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

export const statusNameFor = (status: number): string => NAME_BY_STATUS[status] ?? 'Error';

// Shorthands keep call sites readable: `throw notFound('订单不存在')`.
export const validationFailed = (message: string, details?: Record<string, unknown>) =>
  new DomainError('VALIDATION_FAILED', message, details);
export const notFound = (message = '资源不存在', details?: Record<string, unknown>) =>
  new DomainError('NOT_FOUND', message, details);
export const forbidden = (message = '无权操作', details?: Record<string, unknown>) =>
  new DomainError('FORBIDDEN', message, details);
export const unauthenticated = (message = '请先登录', details?: Record<string, unknown>) =>
  new DomainError('UNAUTHENTICATED', message, details);
