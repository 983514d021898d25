import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { DEFAULT_CONFIG, type TrackingConfig } from './utils';

const POSITIVE: Array<keyof TrackingConfig> = ['minPingSeconds', 'sampleSeconds', 'maxPingAgeSeconds', 'routeCacheSeconds', 'amapBackoffSeconds', 'amapTimeoutMs'];

export default {
  // No bootstrap: the socket events are attached by the app once the socket server exists
  // (src/index.ts), which starts after every plugin's bootstrap.
  register,
  config: {
    default: DEFAULT_CONFIG,
    validator(config: Partial<TrackingConfig>) {
      for (const name of POSITIVE) {
        const value = config[name];
        if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1)) throw new Error(`tracking.${name} must be a positive integer, got ${value}`);
      }
      if (config.amapMode !== undefined && !['driving', 'riding'].includes(config.amapMode)) throw new Error(`tracking.amapMode must be driving or riding, got ${config.amapMode}`);
    },
  },
  contentTypes,
  controllers,
  routes,
  services,
  policies,
  middlewares: {},
};
