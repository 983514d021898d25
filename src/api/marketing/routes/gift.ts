import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('gifts');
const UID = 'api::marketing.gift';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'kind', 'pointsCost'], sort: ['sort', 'pointsCost'], populate: ['image'] })], middlewares: [cached] },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['image'] })], middlewares: [cached] },
  },
});
