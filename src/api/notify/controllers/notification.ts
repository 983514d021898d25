import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { userId } from '../../../runtime/requester';

const listQuery = yup
  .object({ pagination: yup.object({ page: yup.string().matches(/^[1-9]\d{0,4}$/), pageSize: yup.string().matches(/^([1-9]\d?|100)$/) }).noUnknown() })
  .noUnknown();

const readBody = yup
  .object({ ids: yup.array(yup.string().max(64).required()).max(200), all: yup.boolean() })
  .noUnknown()
  .test('one', '请指定消息或 all', (v) => !!v && (Boolean(v.all) !== Boolean(v.ids?.length)))
  .required();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const q = (await validateYupSchema(listQuery)(ctx.query)) as { pagination?: { page?: string; pageSize?: string } };
    const result = await strapi
      .service('api::notify.notifier')
      .list(userId(ctx), Number(q.pagination?.page ?? 1), Number(q.pagination?.pageSize ?? 20));
    ctx.body = { data: result.rows, meta: { unread: result.unread, pagination: result.pagination } };
  },
  async read(ctx: any) {
    const body = (await validateYupSchema(readBody)(ctx.request.body)) as { ids?: string[]; all?: boolean };
    const count = await strapi.service('api::notify.notifier').markRead(userId(ctx), body.all ? 'all' : body.ids!);
    ctx.body = { data: { read: count } };
  },
});
