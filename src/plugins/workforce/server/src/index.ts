import bootstrap from './bootstrap';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy,
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
