import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';

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
    },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['icon', 'parent'] })] },
  },
});
