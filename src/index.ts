import type { Core } from '@strapi/strapi';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { registerCityScopeCondition } from './bootstrap/city-scope';
import { ensureChineseContentLocale, preferChineseInitialLocale } from './bootstrap/content-locale';
import { ensureUserRoles } from './bootstrap/users-roles';
import { startRuntime, stopRuntime } from './runtime';

export default {
  register() {
    preferChineseInitialLocale();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await startRuntime();
    registerCityScopeCondition(strapi);
    await ensureChineseContentLocale(strapi);
    await ensureUserRoles(strapi);
    await ensureAdminRoles(strapi);
  },

  async destroy() {
    await stopRuntime();
  },
};
