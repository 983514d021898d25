import { validateYupSchema, yup } from '@strapi/utils';
import { validationFailed } from '../../../../../../runtime/errors';
import type { ApplyRequest, AuditRequest, AuditStatus, EmploymentRequest } from '../../../../shared/contracts/workforce';
import { CERTIFICATE_LABELS } from '../../domain/worker-state';

const ymd = () => yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD');
const fileId = () => yup.number().integer().positive();

/** API.md shows bodies bare; a Strapi-style `{ data: … }` envelope is accepted too. */
const unwrap = (body: any) => (body && typeof body === 'object' && Object.keys(body).length === 1 && body.data && typeof body.data === 'object' ? body.data : body);

/** yup's 400 with the first offending path as `details.field`. */
async function check<T>(schema: yup.AnySchema, value: unknown): Promise<T> {
  try {
    return (await validateYupSchema(schema)(value)) as T;
  } catch (err: any) {
    const errors = err?.details?.errors ?? [];
    const path = errors[0]?.path;
    const field = Array.isArray(path) ? path.join('.') : undefined;
    throw validationFailed(errors[0]?.message ?? err.message ?? '请求参数不正确', { field, errors });
  }
}

const applySchema = yup
  .object({
    realName: yup.string().trim().min(2, '请填写真实姓名').max(20).required('请填写真实姓名'),
    idNumber: yup.string().trim().required('请填写身份证号'),
    gender: yup.string().oneOf(['male', 'female']).required(),
    city: yup.string().matches(/^\d{6}$/, '城市须为 6 位行政区划代码').required(),
    skills: yup
      .array(yup.object({ skill: yup.string().trim().min(1).max(64).required(), level: yup.number().integer().min(1).max(5) }).noUnknown())
      .min(1, '请至少选择一项技能')
      .max(20)
      .required('请至少选择一项技能'),
    experienceYears: yup.number().integer().min(0).max(60).required(),
    workHistory: yup
      .array(
        yup
          .object({ employer: yup.string().max(60), role: yup.string().max(40), from: ymd(), to: ymd(), description: yup.string().max(300) })
          .noUnknown(),
      )
      .max(20),
    certificates: yup
      .array(
        yup
          .object({ type: yup.string().oneOf(Object.keys(CERTIFICATE_LABELS)).required(), file: fileId().required(), name: yup.string().max(60), expiresAt: ymd() })
          .noUnknown(),
      )
      .max(20),
    photo: fileId(),
    idCardImages: yup.array(fileId().required()).max(2, '身份证照片最多 2 张（正反面）'),
  })
  .noUnknown()
  .required();

const reasonField = () => yup.string().trim().min(1, '请填写原因').max(300).required('请填写原因');

const auditSchema = yup
  .object({ decision: yup.string().oneOf(['approve', 'reject'], 'decision 须为 approve 或 reject').required(), reason: reasonField() })
  .noUnknown()
  .required();

const employmentSchema = yup.object({ reason: reasonField() }).noUnknown().required();

const listSchema = yup
  .object({
    auditStatus: yup.string().oneOf(['pending', 'approved', 'rejected']),
    employment: yup.string().oneOf(['active', 'suspended', 'resigned']),
    city: yup.string().matches(/^\d{6}$/),
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(100).default(20),
  })
  .noUnknown();

export const validateApply = (body: unknown) => check<ApplyRequest>(applySchema, unwrap(body));
export const validateAudit = (body: unknown) => check<AuditRequest>(auditSchema, unwrap(body));
export const validateEmployment = (body: unknown) => check<EmploymentRequest>(employmentSchema, unwrap(body));
/** Query strings carry numbers as text; yup runs strict here, so page and pageSize are read as numbers first. */
const numericQuery = (query: unknown) => {
  if (!query || typeof query !== 'object') return query;
  const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  for (const key of ['page', 'pageSize']) if (typeof out[key] === 'string' && /^\d+$/.test(out[key] as string)) out[key] = Number(out[key]);
  return out;
};

export const validateList = async (query: unknown) => {
  const parsed = await check<{ auditStatus?: AuditStatus; employment?: string; city?: string; page?: number; pageSize?: number }>(listSchema, numericQuery(query));
  return { ...parsed, page: parsed.page ?? 1, pageSize: parsed.pageSize ?? 20 };
};
