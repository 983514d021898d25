// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the tracking service.
const can = (action: 'read') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::tracking.${action}`] } }],
});

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/location', handler: 'location.ping' },
      // Where API.md places it. The orders plugin's `GET /api/orders/:id` matches one segment only,
      // so the two never answer the same URL (tests/api/tracking covers both).
      { method: 'GET', path: '/orders/:id/tracking', handler: 'location.findOne', config: { prefix: '' } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [{ method: 'GET', path: '/orders/:id', handler: 'admin-tracking.findOne', config: can('read') }],
  },
};
