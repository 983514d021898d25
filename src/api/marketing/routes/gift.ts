import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';

const UID = 'api::marketing.gift';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'kind', 'pointsCost'], sort: ['sort', 'pointsCost'], populate: ['image'] })] },
    findOne: { policies: [publicQueryPolicy(UID, { populate: ['image'] })] },
  },
});
