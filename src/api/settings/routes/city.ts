import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('cities');
const UID = 'api::settings.city';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'adcode', 'name'], sort: ['sort', 'adcode', 'name'] })], middlewares: [cached] },
    findOne: { policies: [publicQueryPolicy(UID, {})], middlewares: [cached] },
  },
});
