import { validateYupSchema, yup } from '@strapi/utils';
import { validationFailed } from './errors';

/**
 * Request validation shared by the controllers: one 400 shape (VALIDATION_FAILED with the first
 * offending path as `details.field`, which the admin pages use to mark the input) and the field
 * kinds that every API spells the same way.
 */

/** API.md shows bodies bare; a Strapi-style `{ data: … }` envelope is accepted too. */
export const unwrapData = (body: any) =>
  body && typeof body === 'object' && Object.keys(body).length === 1 && body.data && typeof body.data === 'object' ? body.data : body;

/** `schema` applied to `value`, or 400 VALIDATION_FAILED naming the field (without a `data.` envelope). */
export async function validated<T>(schema: yup.AnySchema, value: unknown): Promise<T> {
  try {
    return (await validateYupSchema(schema)(value)) as T;
  } catch (err: any) {
    const errors = err?.details?.errors ?? [];
    const path = errors[0]?.path;
    const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : undefined;
    throw validationFailed(errors[0]?.message ?? err?.message ?? '请求参数不正确', { field: joined?.replace(/^data\./, ''), errors });
  }
}

/** An instant with its zone, as every route takes times: 2026-12-01T10:00:00+08:00. */
export const isoDateTime = () =>
  yup.string().matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间须为带时区的 ISO 8601 格式，如 2026-12-01T10:00:00+08:00');

/** A calendar date: 2026-12-01. */
export const ymd = () => yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD');
