export default {
  routes: [
    { method: 'POST', path: '/reviews', handler: 'review.create' },
    { method: 'POST', path: '/reviews/:id/reply', handler: 'review.reply' },
  ],
};
