import contentTypes from './content-types';
import services from './services';

export default {
  register() {},
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  services,
  controllers: {},
  routes: { 'content-api': { type: 'content-api', routes: [] }, admin: { type: 'admin', routes: [] } },
  policies: {},
  middlewares: {},
};
