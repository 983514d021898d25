export default {
  routes: [
    // Also granted to the public role: signed out, the list has no per-member counts.
    { method: 'GET', path: '/coupons/claimable', handler: 'coupon-centre.claimable' },
    { method: 'POST', path: '/coupons/:id/claim', handler: 'coupon-centre.claim' },
  ],
};
