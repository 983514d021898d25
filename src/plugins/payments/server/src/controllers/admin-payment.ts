import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { CHANNELS, PAYMENT_STATUSES } from '../domain/payment-labels';
import type { PaymentStatus } from '../domain/payment-status';
import type { Channel } from '../providers/types';
import { getService } from '../utils';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const listSchema = yup
  .object({
    q: yup.string().trim().max(64),
    channel: yup.string().oneOf([...CHANNELS], '支付渠道不正确'),
    status: yup.string().oneOf([...PAYMENT_STATUSES], '支付状态不正确'),
    from: yup.string().matches(ISO_INSTANT, '开始日期不正确'),
    to: yup.string().matches(ISO_INSTANT, '结束日期不正确'),
    page: yup.string().matches(/^[1-9]\d{0,4}$/),
    pageSize: yup.string().matches(/^([1-9]\d?|100)$/),
  })
  .noUnknown();

const refundSchema = yup
  .object({
    amount: yup.number().strict().integer('退款金额须精确到分').min(1, '退款金额须大于 0').required('请填写退款金额'),
    reason: yup.string().trim().min(1, '请填写退款原因').max(200, '退款原因最多 200 字').required('请填写退款原因'),
  })
  .noUnknown()
  .required();

const abnormalSchema = yup
  .object({ type: yup.string().oneOf(['USER_BANK_CARD', 'MERCHANT_BANK_CARD'], '退款去向须为 USER_BANK_CARD 或 MERCHANT_BANK_CARD').required('请选择退款去向') })
  .noUnknown()
  .required();

const offlineSchema = yup
  .object({
    reference: yup.string().trim().min(1, '请填写转账流水号').max(50, '转账流水号最多 50 字').required('请填写转账流水号'),
    reason: yup.string().trim().min(1, '请填写说明').max(200, '说明最多 200 字').required('请填写说明'),
  })
  .noUnknown()
  .required();

/** Admin routes of 支付流水; RBAC is checked by the route policies, city scope by the service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const payments = () => getService(strapi, 'admin-payments');
  const adminUser = (ctx: any) => ctx.state.user;

  return {
    async list(ctx: any) {
      const q = (await validateYupSchema(listSchema)(ctx.query)) as Record<string, string | undefined>;
      const result = await payments().list(adminUser(ctx), {
        q: q.q || undefined,
        channel: q.channel as Channel | undefined,
        status: q.status as PaymentStatus | undefined,
        from: q.from,
        to: q.to,
        page: Number(q.page ?? 1),
        pageSize: Number(q.pageSize ?? 20),
      });
      ctx.body = { data: result.data, meta: { pagination: result.pagination } };
    },

    async findOne(ctx: any) {
      ctx.body = { data: await payments().detail(adminUser(ctx), ctx.params.id) };
    },

    async refund(ctx: any) {
      const { amount, reason } = (await validateYupSchema(refundSchema)(ctx.request.body)) as { amount: number; reason: string };
      ctx.status = 201;
      ctx.body = { data: await payments().refund(adminUser(ctx), ctx.params.id, amount, reason) };
    },

    async applyAbnormalRefund(ctx: any) {
      const { type } = (await validateYupSchema(abnormalSchema)(ctx.request.body)) as { type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD' };
      ctx.body = { data: await payments().applyAbnormalRefund(adminUser(ctx), ctx.params.id, type) };
    },

    async recordOfflineTransfer(ctx: any) {
      const { reference, reason } = (await validateYupSchema(offlineSchema)(ctx.request.body)) as { reference: string; reason: string };
      ctx.body = { data: await payments().recordOfflineTransfer(adminUser(ctx), ctx.params.id, reference, reason) };
    },

    async retryRefund(ctx: any) {
      ctx.body = { data: await payments().retryRefund(adminUser(ctx), ctx.params.id) };
    },
  };
};
