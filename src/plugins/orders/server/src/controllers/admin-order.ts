import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { isOrderStatus, parsePosition, type OrderStatus } from '../domain';
import { getService } from '../utils';
import { DomainError } from '../../../../../runtime/errors';

const listSchema = yup
  .object({
    status: yup.string().matches(/^[a-z_]+(,[a-z_]+)*$/),
    city: yup.string().matches(/^\d{6}$/),
    category: yup.string().matches(/^[a-z0-9-]+$/),
    from: yup.string().matches(/^\d{4}-\d{2}-\d{2}/),
    to: yup.string().matches(/^\d{4}-\d{2}-\d{2}/),
    q: yup.string().max(40),
    exceptions: yup.string().oneOf(['true', 'false']),
    page: yup.string().matches(/^[1-9]\d{0,4}$/),
    pageSize: yup.string().matches(/^([1-9]\d?|100)$/),
  })
  .noUnknown();

const reasonSchema = yup
  .object({
    reason: yup.string().trim().min(1, '请填写原因').max(200).required('请填写原因'),
    waiveFee: yup.boolean(),
    worker: yup.string().trim().min(1).max(64),
  })
  .noUnknown()
  .required();

const confirmSchema = yup.object({ reason: yup.string().trim().min(1, '请填写原因').max(200).required('请填写原因') }).noUnknown().required();

const assignSchema = yup.object({ worker: yup.string().trim().min(1).max(64).required() }).noUnknown().required();

const STEPS = ['depart', 'arrive', 'start', 'pause', 'resume', 'complete'] as const;
const stepSchema = yup
  .object({
    reason: yup.string().trim().min(1, '请填写原因').max(200).required('请填写原因'),
    lat: yup.number().strict().min(-90).max(90),
    lng: yup.number().strict().min(-180).max(180),
  })
  .noUnknown()
  .required();

/** Admin routes of 订单监控; RBAC is checked by the route policies, city scope by the service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ops = () => getService(strapi, 'operations');
  const adminUser = (ctx: any) => ctx.state.user;

  return {
    async list(ctx: any) {
      const q = (await validateYupSchema(listSchema)(ctx.query)) as Record<string, string | undefined>;
      const status = q.status?.split(',');
      if (status && !status.every(isOrderStatus)) throw new DomainError('VALIDATION_FAILED', '订单状态不正确', { field: 'status' });
      const result = await ops().list(adminUser(ctx), {
        status: status as OrderStatus[] | undefined,
        city: q.city,
        category: q.category,
        from: q.from,
        to: q.to,
        q: q.q,
        exceptionsOnly: q.exceptions === 'true',
        page: Number(q.page ?? 1),
        pageSize: Number(q.pageSize ?? 20),
      });
      ctx.body = { data: result.data, meta: { pagination: result.pagination } };
    },

    async findOne(ctx: any) {
      ctx.body = { data: await ops().detail(adminUser(ctx), ctx.params.id) };
    },

    async cancel(ctx: any) {
      const { reason, waiveFee } = (await validateYupSchema(reasonSchema)(ctx.request.body)) as { reason: string; waiveFee?: boolean };
      ctx.body = { data: await ops().cancel(adminUser(ctx), ctx.params.id, reason, Boolean(waiveFee)) };
    },

    /** 代会员确认完成: 客服 confirms a completed order for its member, with a reason on the timeline. */
    async confirm(ctx: any) {
      const { reason } = (await validateYupSchema(confirmSchema)(ctx.request.body)) as { reason: string };
      ctx.body = { data: await ops().confirm(adminUser(ctx), ctx.params.id, reason) };
    },

    async reassign(ctx: any) {
      const { reason, worker } = (await validateYupSchema(reasonSchema)(ctx.request.body)) as { reason: string; worker?: string };
      ctx.body = { data: await ops().reassign(adminUser(ctx), ctx.params.id, reason, worker) };
    },

    /** 代师傅操作: a step for the order's worker, with a reason, recorded as the operator's. */
    async step(ctx: any) {
      const step = ctx.params.step as (typeof STEPS)[number];
      if (!STEPS.includes(step)) throw new DomainError('VALIDATION_FAILED', '不支持的操作', { field: 'step', allowed: [...STEPS] });
      const body = (await validateYupSchema(stepSchema)(ctx.request.body)) as { reason: string; lat?: number; lng?: number };
      const position = step === 'arrive' ? parsePosition(body) : null;
      ctx.body = { data: await ops().stepForWorker(adminUser(ctx), ctx.params.id, step, body.reason, position) };
    },

    async assign(ctx: any) {
      const { worker } = (await validateYupSchema(assignSchema)(ctx.request.body)) as { worker: string };
      ctx.body = { data: await ops().assign(adminUser(ctx), ctx.params.id, worker) };
    },
  };
};
