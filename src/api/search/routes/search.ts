import { cachedRead } from '../../../bootstrap/read-cache';

export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.search', config: { middlewares: [cachedRead('search')] } }],
};
