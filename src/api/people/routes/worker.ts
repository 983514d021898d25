import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';
import { wantsScoreSort } from '../controllers/worker-score-sort';

// Sorting by the dispatch score depends on the caller's address and on live availability.
const cached = cachedRead('workers', { bypass: (ctx) => wantsScoreSort(ctx.query) });

export default factories.createCoreRouter('api::people.worker', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } },
});
