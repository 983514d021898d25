import type { Core } from '@strapi/strapi';
import { memberAuthController } from './auth/controller';
import { withRoleFlagsOnMe, type ControllerFactory } from './auth/me';
import { memberAuthRoutes } from './auth/routes';
import { memberAuthService, type MemberAuthService } from './auth/service';
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

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  plugin.services['member-auth'] = memberAuthService;
  plugin.controllers['member-auth'] = memberAuthController;
  plugin.controllers.user = withRoleFlagsOnMe(plugin.controllers.user as ControllerFactory);
  plugin.routes['content-api'].routes.push(...memberAuthRoutes);
  plugin.services.permission = withCachedPermissions(plugin.services.permission as Parameters<typeof withCachedPermissions>[0]);

  const stockBootstrap = plugin.bootstrap;
  plugin.bootstrap = async (args) => {
    await stockBootstrap?.(args);
    (args.strapi.plugin('users-permissions').service('member-auth') as MemberAuthService).start();
  };
  return plugin;
};
