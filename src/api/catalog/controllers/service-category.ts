import { factories } from '@strapi/strapi';

const UID = 'api::catalog.service-category';

export default factories.createCoreController(UID, ({ strapi }) => ({
  /** Without filters the catalog is the tree clients render: roots with children and items. */
  async find(ctx) {
    const query = ctx.query as Record<string, unknown>;
    if (query.filters || query.populate || query.fields) return super.find(ctx);
    const tree = await strapi.service(UID).tree();
    return { data: tree, meta: { total: tree.length } };
  },
}));
