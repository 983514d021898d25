import { corsOrigins } from '../src/runtime/deployment';

export default [
  'strapi::logger',
  'strapi::errors',
  'global::error-codes',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:', 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:', 'blob:', 'https://*.amap.com', 'https://*.is.autonavi.com'],
          'script-src': ["'self'", "'unsafe-inline'", 'https://webapi.amap.com'],
        },
      },
    },
  },
  // Only the listed origins get CORS headers (credentials included); others get none.
  { name: 'strapi::cors', config: { origin: corsOrigins(process.env), credentials: true } },
  'strapi::query',
  // Payment notifications are verified against the exact bytes received.
  { name: 'strapi::body', config: { includeUnparsed: true, jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
