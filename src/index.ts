import type { Core } from '@strapi/strapi';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { registerCityScopeCondition } from './bootstrap/city-scope';
import { ensureChineseContentLocale, preferChineseInitialLocale } from './bootstrap/content-locale';
import { startRealtime, stopRealtime } from './bootstrap/realtime';
import { ensureUserRoles } from './bootstrap/users-roles';
import { startRuntime, stopRuntime } from './runtime';

// Scripts (seed, export) boot Strapi for its data only: no sockets, no queue consumers.
const isScript = () => Boolean(process.env.STRAPI_SCRIPT);

export default {
  register() {
    preferChineseInitialLocale();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await startRuntime({ logger: strapi.log, queueWorkers: isScript() ? false : undefined });
    registerCityScopeCondition(strapi);
    await ensureChineseContentLocale(strapi);
    await ensureUserRoles(strapi);
    await ensureAdminRoles(strapi);
    if (!isScript()) startRealtime(strapi);
  },

  async destroy() {
    await stopRealtime();
    await stopRuntime();
  },
};
