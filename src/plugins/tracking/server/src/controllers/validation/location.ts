import { validateYupSchema, yup } from '@strapi/utils';
import { validationFailed } from '../../../../../../runtime/errors';
import type { PingLocationRequest } from '../../../../shared/contracts/tracking';

const isoDateTime = () =>
  yup.string().matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间须为带时区的 ISO 8601 格式，如 2026-12-01T10:00:00+08:00');

// China lies well inside these; the bounds only keep out values no phone reports (and Redis GEO's limit).
const pingSchema = yup
  .object({
    order: yup.string().trim().min(1).max(64),
    lat: yup.number().typeError('纬度须为数字').min(-85, '纬度超出范围').max(85, '纬度超出范围').required('缺少纬度 lat'),
    lng: yup.number().typeError('经度须为数字').min(-180, '经度超出范围').max(180, '经度超出范围').required('缺少经度 lng'),
    accuracy: yup.number().typeError('精度须为数字').min(0).max(100_000).nullable(),
    at: isoDateTime(),
  })
  .noUnknown()
  .strict()
  .required();

/** API.md shows the body bare; a Strapi-style `{ data: … }` envelope is accepted too. */
const unwrap = (body: any) => (body && typeof body === 'object' && Object.keys(body).length === 1 && body.data && typeof body.data === 'object' ? body.data : body);

export async function validatePing(body: unknown): Promise<PingLocationRequest> {
  try {
    return (await validateYupSchema(pingSchema)(unwrap(body))) as PingLocationRequest;
  } catch (err: any) {
    const errors = err?.details?.errors ?? [];
    const path = errors[0]?.path;
    throw validationFailed(errors[0]?.message ?? err?.message ?? '请求参数不正确', { field: Array.isArray(path) ? path.join('.') : undefined, errors });
  }
}
