// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the operations service.
const can = (action: 'read' | 'manage') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::orders.${action}`] } }],
});

const PROGRESS = ['depart', 'arrive', 'start', 'pause', 'resume', 'complete', 'release'];

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/quote', handler: 'order.quote' },
      { method: 'POST', path: '/', handler: 'order.create' },
      { method: 'GET', path: '/', handler: 'order.find' },
      { method: 'GET', path: '/:id', handler: 'order.findOne' },
      { method: 'PATCH', path: '/:id', handler: 'order.update' },
      { method: 'POST', path: '/:id/cancel', handler: 'order.cancel' },
      { method: 'POST', path: '/:id/confirm', handler: 'order.confirm' },
      { method: 'POST', path: '/:id/accept', handler: 'order.accept' },
      { method: 'POST', path: '/:id/evidence', handler: 'order.evidence' },
      ...PROGRESS.map((action) => ({ method: 'POST', path: `/:id/${action}`, handler: `order.${action}` })),
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/orders', handler: 'admin-order.list', config: can('read') },
      { method: 'GET', path: '/orders/:id', handler: 'admin-order.findOne', config: can('read') },
      { method: 'POST', path: '/orders/:id/cancel', handler: 'admin-order.cancel', config: can('manage') },
      { method: 'POST', path: '/orders/:id/reassign', handler: 'admin-order.reassign', config: can('manage') },
      { method: 'POST', path: '/orders/:id/confirm', handler: 'admin-order.confirm', config: can('manage') },
      { method: 'POST', path: '/orders/:id/assign', handler: 'admin-order.assign', config: can('manage') },
      { method: 'POST', path: '/orders/:id/steps/:step', handler: 'admin-order.step', config: can('manage') },
    ],
  },
};
