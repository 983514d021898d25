import { factories } from '@strapi/strapi';

const UID = 'api::catalog.service-item';

// What a service page shows when the client does not ask for something narrower.
const DETAIL_POPULATE = {
  category: { fields: ['name', 'slug'] },
  cover: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
  gallery: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
  video: { fields: ['url', 'mime'] },
  process: true,
  tags: true,
  packages: true,
  skills: { fields: ['name', 'slug'] },
};

const LIST_POPULATE = {
  category: { fields: ['name', 'slug'] },
  cover: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
  tags: true,
};

/** Operators take items off sale with `active`; the public API never shows those. */
function onlyActive(query: Record<string, any>) {
  const filters = query.filters ? { $and: [query.filters, { active: true }] } : { active: true };
  return { ...query, filters };
}

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    const query = onlyActive(ctx.query as Record<string, any>);
    ctx.query = { sort: ['sort:asc', 'id:asc'], populate: LIST_POPULATE, ...query };
    return super.find(ctx);
  },

  async findOne(ctx) {
    const query = ctx.query as Record<string, any>;
    ctx.query = { populate: DETAIL_POPULATE, ...query };
    const response = await super.findOne(ctx);
    const item = (response as { data?: { id?: number; active?: boolean } } | undefined)?.data;
    if (!item || item.active === false) return ctx.notFound('服务项目不存在', { code: 'NOT_FOUND' });
    // What members said about this service: the rating over its visible reviews and the latest few.
    if (item.id !== undefined) {
      const reviews = strapi.service('api::feedback.review');
      const [summary, recentReviews] = await Promise.all([reviews.itemSummary(item.id), reviews.recentVisible({ serviceItemId: item.id })]);
      Object.assign(item, { reviewSummary: summary, recentReviews });
    }
    return response;
  },
}));
