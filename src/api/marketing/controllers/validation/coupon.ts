import { validateYupSchema, yup } from '@strapi/utils';
import type { GrantTargets } from '../../services/coupon-centre';

const PHONE = /^1\d{10}$/;

const noQuery = yup.object({}).noUnknown();

const claimParams = yup.object({ id: yup.string().trim().min(1).max(64).required() }).noUnknown();

const grantBody = yup
  .object({
    users: yup.array(yup.number().integer().positive().required()).max(500),
    phones: yup.array(yup.string().trim().matches(PHONE, '手机号格式不正确').required()).max(500),
    campaign: yup
      .string()
      .trim()
      .matches(/^[A-Za-z0-9_-]{1,40}$/, '活动编码只能用字母、数字、下划线或连字符，最多 40 位'),
  })
  .noUnknown()
  .test('targets', '请至少指定一个会员（users 或 phones）', (v) => Boolean(v && ((v.users?.length ?? 0) + (v.phones?.length ?? 0) > 0)))
  .required();

export const validateNoQuery = async (query: unknown) => {
  await validateYupSchema(noQuery)(query);
};
export const validateCouponId = async (params: unknown) => ((await validateYupSchema(claimParams)(params)) as { id: string }).id;
export const validateGrant = async (body: unknown) => (await validateYupSchema(grantBody)(body)) as GrantTargets;
