// Worker routes sit at the API root (/api/me/…) as the fixed contract names them.
const atApiRoot = () => ({ prefix: '' });
// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the settlement-batches service.
const can = (action: 'payouts-read' | 'payouts-manage' | 'reports') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::settlement.${action}`] } }],
});

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/me/earnings', handler: 'earnings.find', config: atApiRoot() },
      { method: 'GET', path: '/me/settlements', handler: 'settlements.mine', config: atApiRoot() },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/batches', handler: 'settlements.list', config: can('payouts-read') },
      { method: 'POST', path: '/batches/run', handler: 'settlements.run', config: can('payouts-manage') },
      { method: 'GET', path: '/batches/:id', handler: 'settlements.findOne', config: can('payouts-read') },
      { method: 'GET', path: '/batches/:id/bank-file', handler: 'settlements.bankFile', config: can('payouts-manage') },
      { method: 'POST', path: '/batches/:id/approve', handler: 'settlements.approve', config: can('payouts-manage') },
      { method: 'POST', path: '/batches/:id/reject', handler: 'settlements.reject', config: can('payouts-manage') },
      { method: 'POST', path: '/batches/:id/pay', handler: 'settlements.payBatch', config: can('payouts-manage') },
      { method: 'POST', path: '/statements/:id/pay', handler: 'settlements.payStatement', config: can('payouts-manage') },
      // The city filter for 城市运营 is applied by the reports controller.
      { method: 'GET', path: '/reports/:name', handler: 'reports.show', config: can('reports') },
    ],
  },
};
