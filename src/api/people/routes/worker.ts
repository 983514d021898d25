import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';

const UID = 'api::people.worker';

// Public directory: what a member picks a worker by. Everything else (home position, birth year,
// audit and work history) is private and may not be filtered, sorted or populated on.
export const WORKER_LIST_QUERY = {
  filters: ['documentId', 'city.adcode', 'city.documentId', 'skills.skill.slug', 'skills.skill.documentId', 'skills.level', 'gender', 'rating', 'completedOrders'],
  sort: ['rating', 'completedOrders', 'reviewCount', 'experienceYears'],
  populate: [],
  // The dispatch-score sort (worker-score-sort.ts) reads these itself.
  params: ['address', 'lat', 'lng', 'city', 'serviceItem'],
};

export default factories.createCoreRouter(UID, {
  only: ['find', 'findOne'],
  config: {
    find: { policies: [publicQueryPolicy(UID, WORKER_LIST_QUERY)] },
    findOne: { policies: [publicQueryPolicy(UID, {})] },
  },
});
