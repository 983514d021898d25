import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import registerReports from './register-reports';

export default {
  async register({ strapi }: { strapi: any }) {
    await registerReports({ strapi });
  },
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  services,
  controllers,
  routes,
  policies: {},
  middlewares: {},
};
