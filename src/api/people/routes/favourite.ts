export default {
  routes: [
    { method: 'GET', path: '/me/favourites', handler: 'favourite.list' },
    { method: 'POST', path: '/me/favourites', handler: 'favourite.add' },
    { method: 'DELETE', path: '/me/favourites/:kind/:id', handler: 'favourite.remove' },
  ],
};
