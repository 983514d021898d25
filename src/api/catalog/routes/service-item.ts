import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('items');
const UID = 'api::catalog.service-item';
const MEDIA_AND_PARTS = ['category', 'cover', 'gallery', 'video', 'process', 'tags', 'packages', 'skills'];

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: {
      policies: [
        publicQueryPolicy(UID, {
          filters: ['documentId', 'slug', 'name', 'category.slug', 'category.documentId', 'tags.label', 'price', 'originalPrice', 'skills.slug'],
          sort: ['sort', 'price', 'salesCount', 'name'],
          populate: ['category', 'cover', 'tags'],
        }),
      ],
      middlewares: [cached],
    },
    findOne: { policies: [publicQueryPolicy(UID, { populate: MEDIA_AND_PARTS })], middlewares: [cached] },
  },
});
