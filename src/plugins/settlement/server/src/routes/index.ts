// Worker routes sit at the API root (/api/me/…) as the fixed contract names them.
const atApiRoot = () => ({ prefix: '' });

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/me/earnings', handler: 'earnings.find', config: atApiRoot() }],
  },
  admin: {
    type: 'admin',
    routes: [
      // Admin JWT + RBAC; the city filter for 城市运营 is applied by the reports controller.
      {
        method: 'GET',
        path: '/reports/:name',
        handler: 'reports.show',
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::settlement.reports'] } }] },
      },
    ],
  },
};
