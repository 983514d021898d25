export default {
  routes: [
    { method: 'GET', path: '/me/notifications', handler: 'notification.find' },
    { method: 'POST', path: '/me/notifications/read', handler: 'notification.read' },
  ],
};
