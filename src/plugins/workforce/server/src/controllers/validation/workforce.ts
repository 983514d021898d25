import { yup } from '@strapi/utils';
import type { ApplyRequest, AuditRequest, AuditStatus, EmploymentRequest } from '../../../../shared/contracts/workforce';
import { CERTIFICATE_LABELS } from '../../domain/worker-state';
import { unwrapData, validated, ymd } from '../../../../../../runtime/validation';

const fileId = () => yup.number().integer().positive();



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

export const validateApply = (body: unknown) => validated<ApplyRequest>(applySchema, unwrapData(body));
export const validateAudit = (body: unknown) => validated<AuditRequest>(auditSchema, unwrapData(body));
export const validateEmployment = (body: unknown) => validated<EmploymentRequest>(employmentSchema, unwrapData(body));
/** Query strings carry numbers as text; yup runs strict here, so page and pageSize are read as numbers first. */
const numericQuery = (query: unknown) => {
  if (!query || typeof query !== 'object') return query;
  const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  for (const key of ['page', 'pageSize']) if (typeof out[key] === 'string' && /^\d+$/.test(out[key] as string)) out[key] = Number(out[key]);
  return out;
};

export const validateList = async (query: unknown) => {
  const parsed = await validated<{ auditStatus?: AuditStatus; employment?: string; city?: string; page?: number; pageSize?: number }>(listSchema, numericQuery(query));
  return { ...parsed, page: parsed.page ?? 1, pageSize: parsed.pageSize ?? 20 };
};
