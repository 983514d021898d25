import { factories } from '@strapi/strapi';

const UID = 'api::marketing.gift';

export default factories.createCoreController(UID, () => ({
  async find(ctx) {
    const query = ctx.query as Record<string, any>;
    const filters = query.filters ? { $and: [query.filters, { active: true }] } : { active: true };
    ctx.query = { sort: ['sort:asc', 'pointsCost:asc'], populate: { image: { fields: ['url', 'alternativeText'] } }, ...query, filters };
    return super.find(ctx);
  },
  async findOne(ctx) {
    ctx.query = { populate: { image: { fields: ['url', 'alternativeText'] } }, ...(ctx.query as object) };
    const response = await super.findOne(ctx);
    const gift = (response as { data?: { active?: boolean } } | undefined)?.data;
    if (!gift || gift.active === false) return ctx.notFound('礼品不存在', { code: 'NOT_FOUND' });
    return response;
  },
}));
