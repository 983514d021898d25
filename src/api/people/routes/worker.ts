import { factories } from '@strapi/strapi';
import { publicQueryPolicy } from '../../../runtime/public-query';
import { cachedRead } from '../../../bootstrap/read-cache';
import { wantsScoreSort } from '../controllers/worker-score-sort';

// Sorting by the dispatch score depends on the caller's address and on live availability.
const cached = cachedRead('workers', { bypass: (ctx) => wantsScoreSort(ctx.query) });
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
    find: { policies: [publicQueryPolicy(UID, WORKER_LIST_QUERY)], middlewares: [cached] },
    findOne: { policies: [publicQueryPolicy(UID, {})], middlewares: [cached] },
  },
});
