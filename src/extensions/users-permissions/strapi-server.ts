import type { Core } from '@strapi/strapi';
import { memberAuthController } from './auth/controller';
import { withRoleFlagsOnMe, type ControllerFactory } from './auth/me';
import { authRateLimit, memberAuthRoutes } from './auth/routes';
import { memberAuthService, type MemberAuthService } from './auth/service';
import { withSessionChecks } from './auth/sessions';
import { withCachedPermissions } from './permission-cache';

/**
 * Extends users-permissions with member sign-in by SMS code and by WeChat mini-program, and
 * `isWorker` / `roleType` on /api/users/me. Loaded by Strapi from dist/src/extensions.
 */
interface UsersPermissionsPlugin {
  bootstrap?: (args: { strapi: Core.Strapi }) => unknown;
  controllers: Record<string, unknown>;
  services: Record<string, unknown>;
  routes: Record<string, { routes: unknown[] }>;
}

interface StockRoute {
  method: string;
  path: string;
}

/** Stock users-permissions routes switched off. */
export const DISABLED_STOCK_AUTH_ROUTES = [
  'GET /connect/(.*)',
  'GET /auth/:provider/callback',
  'POST /auth/forgot-password',
  'POST /auth/reset-password',
  'GET /auth/email-confirmation',
  'POST /auth/send-email-confirmation',
];
const isDisabledStockRoute = (route: StockRoute) => DISABLED_STOCK_AUTH_ROUTES.includes(`${route.method} ${route.path}`);

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  plugin.services['member-auth'] = memberAuthService;
  plugin.controllers['member-auth'] = memberAuthController;
  plugin.controllers.user = withRoleFlagsOnMe(plugin.controllers.user as ControllerFactory);
  plugin.controllers.auth = withSessionChecks(plugin.controllers.auth as Parameters<typeof withSessionChecks>[0]);
  // Password recovery and e-mail confirmation need an e-mail provider we do not run, and
  // third-party OAuth (`connect`/`callback` for providers) is not ours: those routes are gone
  // (404 NOT_FOUND for everyone) rather than public routes that crash. They keep their path so
  // the answer is a 404, not the 405 an unknown POST path gets. `POST /auth/local` (handler
  // auth.callback) and `/auth/local/register` stay. See docs/API.md, Auth.
  plugin.routes['content-api'].routes = plugin.routes['content-api'].routes.map((route) =>
    isDisabledStockRoute(route as StockRoute) ? { method: (route as StockRoute).method, path: (route as StockRoute).path, handler: 'member-auth.disabled', config: { prefix: '', auth: false } } : route,
  );
  plugin.routes['content-api'].routes.push(...(memberAuthRoutes as unknown as unknown[]));
  // Password sign-in: limited per client and per account across instances, ahead of the stock
  // limiter (per process, and its 429 carries no retryAfter).
  for (const route of plugin.routes['content-api'].routes as Array<StockRoute & { config?: { middlewares?: unknown[] } }>) {
    if (route.method === 'POST' && route.path === '/auth/local') {
      route.config = { ...route.config, middlewares: [authRateLimit('PASSWORD_LOGIN', 'PASSWORD_LOGIN_ACCOUNT'), ...(route.config?.middlewares ?? [])] };
    }
  }
  // The refresh token is the credential of /auth/refresh: a client whose access token just
  // expired still sends it in Authorization, which would otherwise be refused before the route.
  for (const route of plugin.routes['content-api'].routes as Array<StockRoute & { config?: Record<string, unknown> }>) {
    if (route.method === 'POST' && route.path === '/auth/refresh') route.config = { ...route.config, auth: false };
  }
  plugin.services.permission = withCachedPermissions(plugin.services.permission as Parameters<typeof withCachedPermissions>[0]);

  const stockBootstrap = plugin.bootstrap;
  plugin.bootstrap = async (args) => {
    await stockBootstrap?.(args);
    (args.strapi.plugin('users-permissions').service('member-auth') as MemberAuthService).start();
  };
  return plugin;
};
