import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';

const UID = 'api::settings.city';

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, { filters: ['documentId', 'adcode', 'name'], sort: ['sort', 'adcode', 'name'] })] },
    findOne: { policies: [publicQueryPolicy(UID, {})] },
  },
});
