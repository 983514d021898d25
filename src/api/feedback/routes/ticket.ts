export default {
  routes: [
    { method: 'POST', path: '/tickets', handler: 'ticket.create' },
    { method: 'GET', path: '/tickets', handler: 'ticket.find' },
    { method: 'GET', path: '/tickets/:id', handler: 'ticket.findOne' },
  ],
};
