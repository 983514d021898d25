export default {
  routes: [
    { method: 'GET', path: '/me/profile', handler: 'me.getProfile' },
    { method: 'PUT', path: '/me/profile', handler: 'me.updateProfile' },
    { method: 'GET', path: '/me/preferences', handler: 'me.getPreferences' },
    { method: 'PUT', path: '/me/preferences', handler: 'me.updatePreferences' },
    { method: 'GET', path: '/me/coupons', handler: 'me.listCoupons' },
    { method: 'GET', path: '/me/points', handler: 'me.getPoints' },
    { method: 'POST', path: '/me/points/redeem', handler: 'me.redeemPoints' },
  ],
};
