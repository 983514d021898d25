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
  admin: { type: 'admin', routes: [] },
};
