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
      { method: 'POST', path: '/:id/accept', handler: 'order.accept' },
      ...PROGRESS.map((action) => ({ method: 'POST', path: `/:id/${action}`, handler: `order.${action}` })),
    ],
  },
  admin: { type: 'admin', routes: [] },
};
