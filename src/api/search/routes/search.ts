import { cachedRead } from '../../../bootstrap/read-cache';
import { recordBehaviour } from '../../insights/recorder';

// In front of the cache, so a cached answer is still a search.
const searched = recordBehaviour('search', (ctx) => {
  const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 40) : '';
  return q ? { subjectType: 'query', subjectId: q, meta: { type: ctx.query.type ?? 'all' } } : null;
});

export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.search', config: { middlewares: [searched, cachedRead('search')] } }],
};
