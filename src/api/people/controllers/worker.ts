import { factories } from '@strapi/strapi';
import { toPublicWorker } from '../domain/worker-view';
import { findByScore, wantsScoreSort } from './worker-score-sort';

const UID = 'api::people.worker';

// realName is private (never serialised) but the display name is derived from it, so the
// public view is built from the raw row and never from Strapi's sanitised output.
const POPULATE = {
  city: { fields: ['adcode', 'name'] },
  photo: { fields: ['url'] },
  skills: { populate: { skill: { fields: ['slug', 'name'] } } },
  certificates: true,
};

/** Only approved, active workers are public. */
const PUBLIC_FILTER = { auditStatus: 'approved', employment: 'active' };

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    // Sorted by the dispatch score when given an address (see worker-score-sort.ts).
    if (wantsScoreSort(ctx.query)) return findByScore(strapi, ctx, this, { populate: POPULATE, publicFilter: PUBLIC_FILTER });
    // Validate and sanitise the client's filters/sort/pagination as Strapi would (private
    // fields cannot be filtered on), then add the public filter and our own populate.
    await this.validateQuery!(ctx);
    const query = (await this.sanitizeQuery!(ctx)) as Record<string, any>;
    const filters = query.filters ? { $and: [query.filters, PUBLIC_FILTER] } : PUBLIC_FILTER;
    const { results, pagination } = await strapi.service(UID).find({
      ...query,
      filters,
      sort: query.sort ?? ['rating:desc', 'completedOrders:desc', 'id:asc'],
      fields: undefined,
      populate: POPULATE,
    });
    ctx.body = { data: results.map(toPublicWorker), meta: { pagination } };
  },

  async findOne(ctx) {
    const row = await strapi.documents(UID).findFirst({
      filters: { documentId: ctx.params.id, ...PUBLIC_FILTER },
      populate: POPULATE,
    } as any);
    if (!row) return ctx.notFound('服务人员不存在', { code: 'NOT_FOUND' });
    const reviews = await strapi.service(UID).recentReviews(row.documentId);
    ctx.body = { data: { ...toPublicWorker(row), recentReviews: reviews } };
  },
}));
