import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';
import { recordBehaviour } from '../../insights/recorder';

const cached = cachedRead('items');
// In front of the cache, so hits and 304s count as views too.
const viewed = recordBehaviour('view_item', (ctx) => ({ subjectType: 'service-item', subjectId: String(ctx.params.id) }));
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
    findOne: { policies: [publicQueryPolicy(UID, { populate: MEDIA_AND_PARTS })], middlewares: [viewed, cached] },
  },
});
