import type { Core } from '@strapi/strapi';
import { configureAdminLayouts } from './bootstrap/admin-layouts';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { registerCityScopeCondition } from './bootstrap/city-scope';
import { ensureChineseContentLocale, preferChineseInitialLocale } from './bootstrap/content-locale';
import { registerLedgerReadOnly, stripLedgerWritePermissions } from './bootstrap/ledger-read-only';
import { registerReadiness } from './bootstrap/readiness';
import { registerReadCacheInvalidation } from './bootstrap/read-cache';
import { startRealtime, stopRealtime } from './bootstrap/realtime';
import { ensureUserRoles } from './bootstrap/users-roles';
import { installPrivateStorage } from './api/media/private-storage';
import { startRuntime, stopRuntime } from './runtime';

// Scripts (seed, export) boot Strapi for its data only: no sockets, no queue consumers.
const isScript = () => Boolean(process.env.STRAPI_SCRIPT);

export default {
  // The runtime starts in register: plugins' bootstraps (which run before this file's) use it.
  async register({ strapi }: { strapi: Core.Strapi }) {
    preferChineseInitialLocale();
    // Before the upload plugin's bootstrap, which asks the provider whether URLs need signing.
    installPrivateStorage(strapi);
    await startRuntime({ logger: strapi.log, queueWorkers: isScript() ? false : undefined });
    registerReadiness(strapi);
    registerLedgerReadOnly(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerCityScopeCondition(strapi);
    registerReadCacheInvalidation(strapi);
    await ensureChineseContentLocale(strapi);
    await ensureUserRoles(strapi);
    await ensureAdminRoles(strapi);
    await stripLedgerWritePermissions(strapi);
    await configureAdminLayouts(strapi);
    if (!isScript()) startRealtime(strapi);
  },

  async destroy() {
    await stopRealtime();
    await stopRuntime();
  },
};
