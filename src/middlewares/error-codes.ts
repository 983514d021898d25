import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import { codeForStatus, isDomainError, statusNameFor } from '../runtime/errors';
import { hasUniqueViolationCode } from '../runtime/unique-violation';

/**
 * Every error response carries a stable `error.details.code` (API.md). Sits right inside
 * `strapi::errors`, which renders the envelope:
 * - a thrown DomainError becomes an HttpError with its status, so it is not logged as a crash;
 * - Strapi's own errors (validation, policies, auth) get the code their status implies, and an
 *   anonymous caller refused by the permission check gets 401 (API.md: not signed in is 401);
 * - body-parser failures (bad JSON, oversize) become 400/413 instead of 500;
 * - unique-constraint violations that reach here become 409 CONFLICT, never 500;
 * - responses produced with ctx.badRequest() & co. (no throw) are patched on the way out.
 */
type Ctx = {
  path: string;
  state: { user?: unknown; auth?: { credentials?: unknown } };
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

// A content-API route the public role may not call is "sign in first" (401), not "forbidden".
// Strapi's router answers that case with ctx.forbidden() rather than a throw, hence both paths.
const isAnonymous = (ctx: Ctx) => ctx.path.startsWith('/api/') && !ctx.state.user && !ctx.state.auth?.credentials;

const signInFirst = () => httpError(401, '请先登录', { code: 'UNAUTHENTICATED' });

function translate(err: any, ctx: Ctx): unknown {
  if (isDomainError(err)) return httpError(err.status, err.message, err.details, err.name);
  if (err instanceof errors.ForbiddenError && !(err instanceof errors.PolicyError) && isAnonymous(ctx)) {
    return signInFirst();
  }

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

  // http-errors instances, and body-parser errors that only carry a 4xx `status`.
  if (err instanceof errors.HttpError || (typeof err?.status === 'number' && err.status >= 400 && err.status < 500)) {
    const status: number = err.status;
    const message = status === 413 ? '请求内容过大' : status === 400 && err instanceof SyntaxError ? '请求体不是有效的 JSON' : err.message;
    return httpError(status, message, withCode(err.details, status), err.name);
  }

  if (hasUniqueViolationCode(err)) {
    return httpError(409, '数据冲突，请刷新后重试', { code: 'CONFLICT' });
  }
  return err;
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (err) {
      throw translate(err, ctx);
    }
    if (!ctx.response._explicitStatus) {
      ctx.notFound('Not Found', { code: 'NOT_FOUND' });
      return;
    }
    // Koa's router answers 405/501 with plain text; clients get the JSON envelope. (Other plain
    // bodies are deliberate, e.g. the replies payment channels expect.)
    if ((ctx.status === 405 || ctx.status === 501) && (typeof ctx.body === 'string' || ctx.body == null)) {
      const status = ctx.status;
      ctx.body = { data: null, error: { status, name: statusNameFor(status), message: typeof ctx.body === 'string' && ctx.body ? ctx.body : statusNameFor(status), details: { code: codeForStatus(status) } } };
      ctx.status = status;
      return;
    }
    const error = ctx.body?.error;
    if (ctx.status === 403 && error?.name === 'ForbiddenError' && isAnonymous(ctx)) {
      const { status, message, details } = signInFirst() as any;
      ctx.status = status;
      ctx.body = { data: null, error: { status, name: 'UnauthorizedError', message, details } };
      return;
    }
    if (ctx.status >= 400 && error && typeof error === 'object') {
      error.details = withCode(error.details, ctx.status);
    }
  };
