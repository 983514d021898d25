// Worker routes sit at the API root (/api/me/…) as the fixed contract names them.
const atApiRoot = () => ({ prefix: '' });

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/me/earnings', handler: 'earnings.find', config: atApiRoot() }],
  },
  admin: { type: 'admin', routes: [] },
};
