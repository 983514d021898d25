import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { unauthenticated } from '../../../../../runtime/errors';
import { PAYOUT_METHODS, type BatchStatus, type PayoutMethod } from '../domain/settlement-batch';
import { getService } from '../utils';
import { batchTable } from '../domain/report-table';
import { validateEarningsQuery } from './validation/earnings';
import { validateFormat } from './validation/reports';

const listSchema = yup
  .object({
    status: yup.string().oneOf(['pending_review', 'approved', 'paid', 'rejected'], '批次状态不正确'),
    page: yup.string().matches(/^[1-9]\d{0,4}$/),
    pageSize: yup.string().matches(/^([1-9]\d?|100)$/),
  })
  .noUnknown();

const noteSchema = yup.object({ note: yup.string().trim().max(200, '备注最多 200 字') }).noUnknown();
const rejectSchema = yup
  .object({ reason: yup.string().trim().min(1, '请填写驳回原因').max(200, '驳回原因最多 200 字').required('请填写驳回原因') })
  .noUnknown()
  .required();
const paySchema = yup
  .object({
    method: yup.string().oneOf([...PAYOUT_METHODS], '付款方式须为 manual、bank-file、wechat 或 sandbox').required('请选择付款方式'),
    reference: yup.string().trim().max(50, '转账流水号最多 50 字'),
  })
  .noUnknown()
  .required();

const body = (ctx: any) => ctx.request.body ?? {};

/** 结算批次 admin routes (RBAC by the route policies, city scope by the service) and GET /api/me/settlements. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const batches = () => getService(strapi, 'settlement-batches');
  return {
    async mine(ctx: any) {
      const userId = ctx.state.user?.id;
      if (!userId) throw unauthenticated();
      const page = await validateEarningsQuery(ctx.query);
      ctx.body = await batches().forUser(userId, page);
    },

    async list(ctx: any) {
      const q = (await validateYupSchema(listSchema)(ctx.query)) as Record<string, string | undefined>;
      const result = await batches().list(ctx.state.user, { status: q.status as BatchStatus | undefined, page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 20) });
      ctx.body = { data: result.data, meta: { pagination: result.pagination } };
    },

    async findOne(ctx: any) {
      const format = await validateFormat(ctx.query);
      const data = await batches().detail(ctx.state.user, ctx.params.id);
      if (format !== 'json') {
        // The detail is already cut to the admin's cities, so the file holds only their statements.
        const cities = data.scoped ? [...new Set(data.statements.map((s) => s.city).filter((c): c is string => Boolean(c)))] : null;
        await getService(strapi, 'exports').send(ctx, batchTable(data), format, cities);
        return;
      }
      ctx.body = { data };
    },

    async run(ctx: any) {
      await validateYupSchema(yup.object({}).noUnknown())(body(ctx));
      const result = await batches().run(ctx.state.user);
      ctx.status = result.created ? 201 : 200;
      ctx.body = { data: result };
    },

    async approve(ctx: any) {
      const input = (await validateYupSchema(noteSchema)(body(ctx))) as { note?: string };
      ctx.body = { data: await batches().approve(ctx.state.user, ctx.params.id, input.note || undefined) };
    },

    async reject(ctx: any) {
      const input = (await validateYupSchema(rejectSchema)(body(ctx))) as { reason: string };
      ctx.body = { data: await batches().reject(ctx.state.user, ctx.params.id, input.reason) };
    },

    async payBatch(ctx: any) {
      const input = (await validateYupSchema(paySchema)(body(ctx))) as { method: PayoutMethod; reference?: string };
      ctx.body = { data: await batches().payBatch(ctx.state.user, ctx.params.id, input.method, input.reference || undefined) };
    },

    async payStatement(ctx: any) {
      const input = (await validateYupSchema(paySchema)(body(ctx))) as { method: PayoutMethod; reference?: string };
      ctx.body = { data: await batches().payStatement(ctx.state.user, ctx.params.id, input.method, input.reference || undefined) };
    },

    async bankFile(ctx: any) {
      const { filename, csv } = await batches().bankFile(ctx.state.user, ctx.params.id);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
      ctx.body = csv;
    },
  };
};
