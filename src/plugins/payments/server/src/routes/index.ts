// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the admin-payments service.
const can = (action: 'read' | 'refund') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::payments.${action}`] } }],
});

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // Served under /api/orders/… to match the contract, though payments owns it.
      { method: 'POST', path: '/orders/:id/pay', handler: 'payment.pay', config: { prefix: '' } },
      { method: 'GET', path: '/me/wallet', handler: 'payment.wallet', config: { prefix: '' } },
      { method: 'POST', path: '/me/wallet/topup', handler: 'payment.topUp', config: { prefix: '' } },
      // Channels call these without credentials; the notification's own signature is the check.
      { method: 'POST', path: '/notify/:channel', handler: 'payment.notify', config: { auth: false } },
      { method: 'GET', path: '/channels', handler: 'payment.channels', config: { auth: false } },
      { method: 'POST', path: '/return/:channel', handler: 'payment.returnTo', config: { auth: false } },
      { method: 'POST', path: '/sandbox/:paymentId/confirm', handler: 'payment.confirmSandbox' },
      { method: 'GET', path: '/:id', handler: 'payment.findOne' },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/payments', handler: 'admin-payment.list', config: can('read') },
      { method: 'GET', path: '/payments/:id', handler: 'admin-payment.findOne', config: can('read') },
      { method: 'POST', path: '/payments/:id/refunds', handler: 'admin-payment.refund', config: can('refund') },
      { method: 'POST', path: '/refunds/:id/retry', handler: 'admin-payment.retryRefund', config: can('refund') },
      { method: 'POST', path: '/refunds/:id/abnormal-refund', handler: 'admin-payment.applyAbnormalRefund', config: can('refund') },
      { method: 'POST', path: '/refunds/:id/offline-transfer', handler: 'admin-payment.recordOfflineTransfer', config: can('refund') },
    ],
  },
};
