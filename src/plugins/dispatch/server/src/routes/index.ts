// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the console service.
const can = (action: 'read' | 'manage') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::dispatch.${action}`] } }],
});

// Served outside /api/dispatch where API.md places them (/api/me/…, /api/orders/:id/reject).
// A fresh object per route: Strapi writes each route's auth scope into its config.
const atApiRoot = () => ({ prefix: '' });

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/me/worker', handler: 'me-worker.find', config: atApiRoot() },
      { method: 'PUT', path: '/me/worker', handler: 'me-worker.update', config: atApiRoot() },
      { method: 'GET', path: '/me/schedule', handler: 'me-worker.findSchedule', config: atApiRoot() },
      { method: 'PUT', path: '/me/schedule', handler: 'me-worker.updateSchedule', config: atApiRoot() },
      { method: 'POST', path: '/orders/:id/reject', handler: 'matching.reject', config: atApiRoot() },
      { method: 'POST', path: '/recommend', handler: 'matching.recommend' },
      { method: 'GET', path: '/offers', handler: 'matching.offers' },
      { method: 'GET', path: '/blocked-workers', handler: 'matching.blocks' },
      { method: 'POST', path: '/blocked-workers', handler: 'matching.block' },
      { method: 'DELETE', path: '/blocked-workers/:worker', handler: 'matching.unblock' },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/board', handler: 'admin-console.board', config: can('read') },
      { method: 'GET', path: '/orders/:id/candidates', handler: 'admin-console.candidates', config: can('read') },
      { method: 'POST', path: '/orders/:id/assign', handler: 'admin-console.assign', config: can('manage') },
      { method: 'GET', path: '/workers', handler: 'admin-console.workers', config: can('read') },
      { method: 'GET', path: '/workers/:id/timeline', handler: 'admin-console.timeline', config: can('read') },
      { method: 'GET', path: '/workers/:id/schedule', handler: 'admin-console.schedule', config: can('read') },
      { method: 'PUT', path: '/workers/:id/schedule', handler: 'admin-console.updateSchedule', config: can('manage') },
      { method: 'POST', path: '/alerts/:id/resolve', handler: 'admin-console.resolveAlert', config: can('manage') },
    ],
  },
};
