import { factories } from '@strapi/strapi';
import { buildCategoryTree, type CategoryRow } from '../domain/category-tree';

const UID = 'api::catalog.service-category';

export default factories.createCoreService(UID, ({ strapi }) => ({
  async tree() {
    const rows = await strapi.documents(UID).findMany({
      filters: { active: true },
      sort: ['sort:asc', 'id:asc'],
      fields: ['name', 'slug', 'sort', 'description'],
      populate: {
        icon: { fields: ['url', 'alternativeText', 'width', 'height'] },
        parent: { fields: ['documentId'] },
        items: {
          filters: { active: true },
          sort: ['sort:asc', 'id:asc'],
          fields: ['name', 'slug', 'summary', 'price', 'originalPrice', 'unit', 'durationMinutes', 'depositPercent', 'sort'],
          populate: { cover: { fields: ['url', 'alternativeText', 'width', 'height'] } },
        },
      },
      limit: -1 as any,
    } as any);
    return buildCategoryTree(rows as unknown as CategoryRow[]);
  },
}));
