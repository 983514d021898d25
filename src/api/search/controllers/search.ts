import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';

const querySchema = yup
  .object({
    q: yup.string().trim().min(1, '请输入搜索关键字').max(40).required('请输入搜索关键字'),
    city: yup.string().matches(/^\d{6}$/, '城市须为 6 位行政区划代码'),
    type: yup.string().oneOf(['all', 'service', 'worker', 'skill']),
  })
  .noUnknown();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: any) {
    const { q, city, type } = (await validateYupSchema(querySchema)(ctx.query)) as {
      q: string;
      city?: string;
      type?: 'all' | 'service' | 'worker' | 'skill';
    };
    const kind = type ?? 'all';
    ctx.body = { data: await strapi.service('api::search.search').search(q, kind, city), meta: { q, type: kind, city: city ?? null } };
  },
});
