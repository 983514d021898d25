import type { Core } from '@strapi/strapi';

/**
 * Operator routes of the coupon module under `/marketing/…` (admin JWT). `src/api` routers are
 * always content-API, so these are added to the admin API directly, before the server mounts.
 * Granting coupons is creating 会员优惠券: whoever may create them in the Content Manager may grant.
 */
export function registerMarketingAdminRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/marketing',
    routes: [
      {
        method: 'POST',
        path: '/coupons/:id/grant',
        handler: 'coupon-centre.grant',
        info: { apiName: 'marketing' },
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.create', 'api::marketing.user-coupon']] } },
          ],
        },
      },
    ],
  } as any);
}
