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
  // Strapi's allowed headers plus the behaviour events' anonymous device id and city (a browser preflights them).
  {
    name: 'strapi::cors',
    config: { origin: corsOrigins(process.env), credentials: true, headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'X-Device-Id', 'X-City'] },
  },
  'strapi::query',
  'global::read-cache',
  // Payment notifications are verified against the exact bytes received.
  // Multipart only on upload routes, parsed by global::multipart (issue 9).
  'global::multipart',
  { name: 'strapi::body', config: { includeUnparsed: true, jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb', multipart: false } },
  'strapi::session',
  'strapi::favicon',
  'global::upload-headers',
  'strapi::public',
];
