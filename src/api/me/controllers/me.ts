import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { clock } from '../../../runtime/clock';
import { validatePreferences, validateProfile, validateRedeem } from '../validation/me';
import { userId } from '../../../runtime/requester';

const couponQuery = yup
  .object({ status: yup.string().oneOf(['available', 'reserved', 'used', 'expired', 'revoked']) })
  .noUnknown();

const pageQuery = yup
  .object({
    page: yup.string().matches(/^[1-9]\d{0,4}$/),
    pageSize: yup.string().matches(/^[1-9]\d?$|^100$/),
  })
  .noUnknown();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async getProfile(ctx: any) {
    ctx.body = { data: await strapi.service('api::me.profile').getProfile(userId(ctx)) };
  },
  async updateProfile(ctx: any) {
    const input = await validateProfile(ctx.request.body);
    ctx.body = { data: await strapi.service('api::me.profile').updateProfile(userId(ctx), input) };
  },
  async getPreferences(ctx: any) {
    ctx.body = { data: await strapi.service('api::me.profile').getPreferences(userId(ctx)) };
  },
  async updatePreferences(ctx: any) {
    const input = await validatePreferences(ctx.request.body);
    ctx.body = { data: await strapi.service('api::me.profile').updatePreferences(userId(ctx), input) };
  },
  async listCoupons(ctx: any) {
    const { status } = (await validateYupSchema(couponQuery)(ctx.query)) as { status?: any };
    const data = await strapi.service('api::marketing.user-coupon').listMine(userId(ctx), status, clock.now());
    ctx.body = { data, meta: { total: data.length } };
  },
  async getPoints(ctx: any) {
    // Strapi's `pagination[page]` style; anything else in the query is a client bug.
    const { pagination: paging = {}, ...rest } = ctx.query as { pagination?: Record<string, string> };
    if (Object.keys(rest).length) await validateYupSchema(yup.object({}).noUnknown())(rest);
    const q = (await validateYupSchema(pageQuery)(paging)) as { page?: string; pageSize?: string };
    const points = strapi.service('api::marketing.points');
    const id = userId(ctx);
    const { expireMonths } = (await strapi.service('api::settings.platform-setting').current()).points;
    const [balance, { rows, pagination }, expiring] = await Promise.all([
      points.balance(id),
      points.list(id, Number(q.page ?? 1), Number(q.pageSize ?? 20)),
      points.expiring(id, clock.now(), expireMonths),
    ]);
    ctx.body = { data: { balance, expiring, entries: rows }, meta: { pagination } };
  },
  async redeemPoints(ctx: any) {
    const { gift, address } = await validateRedeem(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await strapi.service('api::me.rewards').redeem(userId(ctx), gift, address) };
  },
});
