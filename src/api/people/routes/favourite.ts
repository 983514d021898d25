import { recordBehaviour } from '../../insights/recorder';

// A new favourite only (201): saving one again is not a second signal.
const favourited = recordBehaviour('favourite', (ctx) => {
  const body = ctx.request.body ?? {};
  return ctx.status === 201 ? { subjectType: body.kind === 'worker' ? 'worker' : 'service-item', subjectId: String(body.id) } : null;
});

export default {
  routes: [
    { method: 'GET', path: '/me/favourites', handler: 'favourite.list' },
    { method: 'POST', path: '/me/favourites', handler: 'favourite.add', config: { middlewares: [favourited] } },
    { method: 'DELETE', path: '/me/favourites/:kind/:id', handler: 'favourite.remove' },
  ],
};
