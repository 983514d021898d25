import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      // Short access tokens + refresh tokens rotated on every use (Strapi's session manager, rows
      // in admin::session). Lifespans in seconds. See docs/SECURITY.md, Authentication and sessions.
      jwtManagement: 'refresh',
      sessions: {
        accessTokenLifespan: env.int('ACCESS_TOKEN_TTL', 30 * 60),
        // The refresh token lives REFRESH_TOKEN_TTL from sign-in at most, and as long again from
        // its last use (each refresh hands out a new one), so a phone used monthly stays signed in.
        maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_TTL', 30 * 24 * 3600),
        idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_TTL', 30 * 24 * 3600),
      },
      // phone is only ever set by a verified SMS login; a registration claiming one would be a takeover.
      register: { allowedFields: ['nickname'] },
    },
  },
  // The OpenAPI pages describe every route: development only.
  documentation: {
    enabled: env('NODE_ENV') !== 'production',
    config: {
      openapi: '3.0.0',
      info: {
        version: '0.1.0',
        title: 'Shangmen 上门 API',
        description: '上门家政平台 REST API (member, worker and operator sides)',
      },
      'x-strapi-config': { plugins: ['users-permissions', 'upload'] },
      servers: [{ url: `http://localhost:${env.int('PORT', 1337)}/api`, description: 'local' }],
    },
  },
  i18n: {
    enabled: true,
  },
  // Admin uploads (media library). Members and workers upload through /api/me/uploads, which is
  // stricter (UPLOAD_MAX_BYTES, sniffed jpeg/png/webp/pdf); see docs/SECURITY.md.
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_ADMIN_MAX_BYTES', 200 * 1024 * 1024),
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'video/mp4', 'video/webm', 'application/pdf'],
        deniedTypes: ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'text/javascript', 'application/javascript', 'application/xml', 'text/xml'],
      },
    },
  },
  // Local plugins: compiled with the app (see each plugin's strapi-server.js).
  orders: { enabled: true, resolve: './src/plugins/orders' },
  settlement: { enabled: true, resolve: './src/plugins/settlement' },
  payments: { enabled: true, resolve: './src/plugins/payments' },
  dispatch: { enabled: true, resolve: './src/plugins/dispatch' },
  // Order chat and 客服 conversations (docs/API.md, 在线沟通).
  im: { enabled: true, resolve: './src/plugins/im' },
  // Worker positions on the way (docs/API.md, 上门轨迹); AMAP_WEB_KEY / AMAP_API_BASE for the ETA.
  tracking: {
    enabled: true,
    resolve: './src/plugins/tracking',
    config: {
      minPingSeconds: env.int('TRACKING_MIN_PING_SECONDS', 5),
      sampleSeconds: env.int('TRACKING_SAMPLE_SECONDS', 30),
      amapMode: env('AMAP_TRAVEL_MODE', 'driving'),
    },
  },
  workforce: { enabled: true, resolve: './src/plugins/workforce' },
  // 客户反馈 page only (no server entry): its routes live with the feedback API, src/api/feedback/admin-routes.ts.
  feedback: { enabled: true, resolve: './src/plugins/feedback' },
});
