import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';

const UID = 'api::catalog.skill';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'slug', 'name', 'category.slug'], sort: ['name', 'slug'], populate: ['category'] })] },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['category'] })] },
  },
});
