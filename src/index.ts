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
import { registerMarketingAdminRoutes } from './api/marketing/admin-routes';
import { registerFeedbackActions, registerFeedbackAdminRoutes } from './api/feedback/admin-routes';
import { installPrivateStorage } from './api/media/private-storage';
import { startRuntime, stopRuntime } from './runtime';
import { assertProductionReady } from './runtime/deployment';
import { DEFAULT_ADMIN, DEMO_PASSWORD } from './seed/accounts';

// Scripts (seed, export) boot Strapi for its data only: no sockets, no queue consumers.
const isScript = () => Boolean(process.env.STRAPI_SCRIPT);

/** A database seeded for the demo (known passwords) must not go live. */
async function refuseDemoAccountsInProduction(strapi: Core.Strapi) {
  if (process.env.NODE_ENV !== 'production') return;
  const demo = { email: { $endsWith: '@demo.shangmen' } };
  const found = (await strapi.db.query('plugin::users-permissions.user').count({ where: demo })) + (await strapi.db.query('admin::user').count({ where: demo }));
  if (found) throw new Error(`Refusing to start in production:\n- ${found} demo account(s) (*@demo.shangmen, seed passwords) exist in this database: remove them first`);
}

export default {
  // The runtime starts in register: plugins' bootstraps (which run before this file's) use it.
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before anything opens a connection: a production boot with unsafe settings stops here.
    assertProductionReady(process.env, [DEMO_PASSWORD, DEFAULT_ADMIN.password]);
    preferChineseInitialLocale();
    // Before the upload plugin's bootstrap, which asks the provider whether URLs need signing.
    installPrivateStorage(strapi);
    await startRuntime({ logger: strapi.log, queueWorkers: isScript() ? false : undefined });
    registerReadiness(strapi);
    registerLedgerReadOnly(strapi);
    await registerFeedbackActions(strapi);
    registerFeedbackAdminRoutes(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await refuseDemoAccountsInProduction(strapi);
    registerCityScopeCondition(strapi);
    registerReadCacheInvalidation(strapi);
    await ensureChineseContentLocale(strapi);
    await ensureUserRoles(strapi);
    await ensureAdminRoles(strapi);
    await stripLedgerWritePermissions(strapi);
    await configureAdminLayouts(strapi);
    registerMarketingAdminRoutes(strapi);
    await strapi.service('api::feedback.review-admin').backfillOrderFacts();
    if (!isScript()) {
      await strapi.service('api::marketing.coupon-jobs').register();
      const sockets = startRealtime(strapi);
      // Plugins' client events can only be attached now: the server starts after their bootstraps.
      strapi.plugin('tracking').service('live').attach(sockets);
      strapi.plugin('im').service('live').attach(sockets);
      // Points follow order completions and refunds (published by the orders plugin after commit).
      await strapi.service('api::marketing.order-points').register();
      // 投诉建议: reply notices to members and the SLA sweep that escalates overdue tickets.
      strapi.service('api::feedback.ticket-notices').register();
      await strapi.service('api::feedback.ticket-sla').register();
      await strapi.service('api::marketing.points-expiry').register();
      // Behaviour events (行为数据): buffered in memory, written in batches off the request path.
      await strapi.service('api::insights.behaviour').register();
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Before the database closes: what is still buffered is written now.
    if (!isScript()) await strapi.service('api::insights.behaviour')?.stop();
    await stopRealtime();
    await stopRuntime();
  },
};
