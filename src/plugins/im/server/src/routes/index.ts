// Admin JWT + the RBAC action; the city filter for 城市运营 is applied by the im service.
const support = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::im.support'] } }],
};

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // At the API root as API.md names them (/api/conversations), not under /api/im.
      { method: 'GET', path: '/conversations', handler: 'conversations.find', config: { prefix: '' } },
      { method: 'POST', path: '/conversations', handler: 'conversations.create', config: { prefix: '' } },
      { method: 'GET', path: '/conversations/:id/messages', handler: 'conversations.messages', config: { prefix: '' } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/conversations', handler: 'admin-im.find', config: support },
      { method: 'GET', path: '/conversations/:id/messages', handler: 'admin-im.messages', config: support },
      { method: 'POST', path: '/conversations/:id/messages', handler: 'admin-im.reply', config: support },
      { method: 'POST', path: '/conversations/:id/read', handler: 'admin-im.read', config: support },
      { method: 'POST', path: '/conversations/:id/close', handler: 'admin-im.close', config: support },
      { method: 'POST', path: '/conversations/:id/reopen', handler: 'admin-im.reopen', config: support },
    ],
  },
};
