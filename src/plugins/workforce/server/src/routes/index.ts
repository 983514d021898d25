// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the services.
const can = (action: 'read' | 'audit' | 'manage') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::workforce.${action}`] } }],
});

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // Where API.md places it, next to the public /api/workers directory.
      { method: 'POST', path: '/workers/apply', handler: 'application.apply', config: { prefix: '' } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/workers', handler: 'admin-workers.list', config: can('read') },
      { method: 'GET', path: '/workers/:id', handler: 'admin-workers.findOne', config: can('read') },
      { method: 'POST', path: '/workers/:id/audit', handler: 'admin-workers.audit', config: can('audit') },
      { method: 'POST', path: '/workers/:id/suspend', handler: 'admin-workers.suspend', config: can('manage') },
      { method: 'POST', path: '/workers/:id/reinstate', handler: 'admin-workers.reinstate', config: can('manage') },
    ],
  },
};
