import type { Core } from '@strapi/strapi';
import { unauthenticated } from '../../../runtime/errors';
import { validateCouponId, validateGrant, validateNoQuery } from './validation/coupon';

const currentUserId = (ctx: any): number | undefined => ctx.state.user?.id;

/** 领券中心 (members) and coupon grants (operators, admin JWT). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const centre = () => strapi.service('api::marketing.coupon-centre') as any;
  return {
    async claimable(ctx: any) {
      await validateNoQuery(ctx.query);
      const data = await centre().claimable(currentUserId(ctx));
      ctx.body = { data, meta: { total: data.length } };
    },
    async claim(ctx: any) {
      const userId = currentUserId(ctx);
      if (!userId) throw unauthenticated();
      const id = await validateCouponId(ctx.params);
      ctx.status = 201;
      ctx.body = { data: await centre().claim(userId, id) };
    },
    async grant(ctx: any) {
      const id = await validateCouponId(ctx.params);
      const targets = await validateGrant(ctx.request.body);
      ctx.body = { data: await centre().grant(id, targets) };
    },
  };
};
