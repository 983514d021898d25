import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { notFound } from '../../../../../runtime/errors';
import { quote, type CouponInput, type PaymentMode, type Quote } from '../domain';
import { getService } from '../utils';
import type { BookableItem } from './catalog-lookup';

export interface QuoteRequest {
  serviceItem: string;
  quantity?: number | null;
  packageCode?: string | null;
  /** The member's user-coupon documentId. */
  coupon?: string | null;
  usePoints?: boolean | number | null;
  paymentMode?: PaymentMode;
}

export interface MemberCoupon {
  id: number;
  documentId: string;
  input: CouponInput;
}

/** Loads everything a quote depends on for one member and prices it with the pure quote(). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async memberCoupon(memberId: number, documentId: string, orderDocumentId?: string): Promise<MemberCoupon> {
    const row = await strapi.db.query('api::marketing.user-coupon').findOne({
      where: { documentId, user: { id: memberId } },
      populate: { coupon: { populate: { categories: { select: ['slug'] } } } },
    });
    if (!row?.coupon) throw notFound('优惠券不存在');
    const t = row.coupon;
    return {
      id: row.id,
      documentId: row.documentId,
      input: {
        userCouponStatus: row.couponStatus,
        expiresAt: row.expiresAt,
        reservedForThisOrder: orderDocumentId !== undefined && row.couponStatus === 'reserved' && row.orderRef === orderDocumentId,
        heldByThisOrder: orderDocumentId !== undefined && ['reserved', 'used'].includes(row.couponStatus) && row.orderRef === orderDocumentId,
        template: {
          type: t.type,
          amountOff: t.amountOff,
          percentOff: t.percentOff,
          maxDiscount: t.maxDiscount,
          minSpend: t.minSpend ?? 0,
          categories: (t.categories ?? []).map((c: { slug: string }) => c.slug),
          validFrom: t.validFrom,
          validUntil: t.validUntil,
          active: t.active,
        },
      },
    };
  },

  /**
   * @param extraPoints points already spent on this order (a modification may reuse them).
   */
  async price(
    memberId: number,
    request: QuoteRequest,
    options: { item?: BookableItem; orderDocumentId?: string; extraPoints?: number } = {},
  ): Promise<{ quote: Quote; item: BookableItem; coupon?: MemberCoupon }> {
    const item = options.item ?? (await getService(strapi, 'catalog-lookup').bookableItem(request.serviceItem));
    const coupon = request.coupon ? await this.memberCoupon(memberId, request.coupon, options.orderDocumentId) : undefined;
    const settings = await strapi.service('api::settings.platform-setting').current();
    const wantsPoints = request.usePoints !== undefined && request.usePoints !== null && request.usePoints !== false && request.usePoints !== 0;
    const balance = wantsPoints ? await strapi.service('api::marketing.points').balance(memberId) : 0;
    const result = quote({
      item,
      quantity: request.quantity,
      packageCode: request.packageCode,
      coupon: coupon?.input,
      points: wantsPoints ? { use: request.usePoints as boolean | number, balance: balance + (options.extraPoints ?? 0) } : null,
      pointsRules: settings.points,
      paymentMode: request.paymentMode ?? 'full',
      now: clock.now(),
    });
    return { quote: result, item, coupon };
  },
});
