import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::settings.city', () => ({
  async find(ctx) {
    const query = ctx.query as Record<string, any>;
    const filters = query.filters ? { $and: [query.filters, { active: true }] } : { active: true };
    ctx.query = { sort: ['sort:asc', 'adcode:asc'], ...query, filters };
    return super.find(ctx);
  },
}));
