import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import { registerPayoutActions } from './payout-actions';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import registerReports from './register-reports';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPayoutActions({ strapi });
    await registerReports({ strapi });
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.STRAPI_SCRIPT) return;
    await strapi.plugin('settlement').service('settlement-jobs').register();
  },
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  services,
  controllers,
  routes,
  policies: {},
  middlewares: {},
};
