import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils';

export default {
  register,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'channels').init();
    if (process.env.STRAPI_SCRIPT) return;
    getService(strapi, 'follow-up').register();
    getService(strapi, 'refund-follow-up').register();
    getService(strapi, 'channel-close').register();
    await getService(strapi, 'channel-close').sweep();
    await getService(strapi, 'refund-sweeper').register();
  },
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
