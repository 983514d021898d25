export default {
  routes: [
    { method: 'POST', path: '/tickets', handler: 'ticket.create' },
    { method: 'GET', path: '/tickets', handler: 'ticket.find' },
    { method: 'GET', path: '/tickets/:id', handler: 'ticket.findOne' },
    { method: 'POST', path: '/tickets/:id/replies', handler: 'ticket.reply' },
    { method: 'POST', path: '/tickets/:id/close', handler: 'ticket.close' },
  ],
};
