import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('skills');
const UID = 'api::catalog.skill';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'slug', 'name', 'category.slug'], sort: ['name', 'slug'], populate: ['category'] })], middlewares: [cached] },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['category'] })], middlewares: [cached] },
  },
});
