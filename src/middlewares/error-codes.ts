import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import { codeForStatus, isDomainError, statusNameFor } from '../runtime/errors';

/**
 * Every error response carries a stable `error.details.code` (API.md). Sits right inside
 * `strapi::errors`, which renders the envelope:
 * - a thrown DomainError becomes an HttpError with its status, so it is not logged as a crash;
 * - Strapi's own errors (validation, policies, auth) get the code their status implies;
 * - body-parser failures (bad JSON, oversize) become 400/413 instead of 500;
 * - unique-constraint violations that reach here become 409 CONFLICT, never 500;
 * - responses produced with ctx.badRequest() & co. (no throw) are patched on the way out.
 */
type Ctx = {
  status: number;
  body: any;
  response: { _explicitStatus?: boolean };
  notFound(message?: string, details?: unknown): void;
};

function withCode(details: unknown, status: number): Record<string, unknown> {
  const base = details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  return typeof base.code === 'string' ? base : { ...base, code: codeForStatus(status) };
}

function httpError(status: number, message: string, details: Record<string, unknown>, name = statusNameFor(status)) {
  const err = createHttpError(status, message) as createHttpError.HttpError & { details: unknown };
  err.name = name;
  err.details = details;
  return err;
}

const UNIQUE_VIOLATIONS = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', '23505']);

function translate(err: any): unknown {
  if (isDomainError(err)) return httpError(err.status, err.message, err.details, err.name);

  if (err instanceof errors.ApplicationError) {
    const status =
      err instanceof errors.UnauthorizedError
        ? 401
        : err instanceof errors.ForbiddenError
          ? 403
          : err instanceof errors.NotFoundError
            ? 404
            : err instanceof errors.PayloadTooLargeError
              ? 413
              : err instanceof errors.RateLimitError
                ? 429
                : 400;
    err.details = withCode(err.details, status);
    return err;
  }

  if (err instanceof errors.HttpError || (typeof err?.status === 'number' && err.expose)) {
    const status: number = err.status;
    const message = status === 413 ? '请求内容过大' : err.message;
    return httpError(status, message, withCode(err.details, status), err.name);
  }

  if (UNIQUE_VIOLATIONS.has(err?.code) || UNIQUE_VIOLATIONS.has(err?.cause?.code)) {
    return httpError(409, '数据冲突，请刷新后重试', { code: 'CONFLICT' });
  }
  return err;
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (err) {
      throw translate(err);
    }
    if (!ctx.response._explicitStatus) {
      ctx.notFound('Not Found', { code: 'NOT_FOUND' });
      return;
    }
    const error = ctx.body?.error;
    if (ctx.status >= 400 && error && typeof error === 'object') {
      error.details = withCode(error.details, ctx.status);
    }
  };
