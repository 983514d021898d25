import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  // No bootstrap: the socket events are attached by the app once the socket server exists
  // (src/index.ts), which starts after every plugin's bootstrap.
  register,
  contentTypes,
  controllers,
  routes,
  services,
  policies,
  middlewares: {},
};
