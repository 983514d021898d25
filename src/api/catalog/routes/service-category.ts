import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('categories');
const UID = 'api::catalog.service-category';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: {
      policies: [
        publicQueryPolicy(UID, {
          filters: ['documentId', 'slug', 'name', 'parent.slug', 'parent.documentId', 'parent'],
          sort: ['sort', 'name'],
          populate: ['icon', 'parent'],
        }),
      ],
      middlewares: [cached],
    },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['icon', 'parent'] })], middlewares: [cached] },
  },
});
