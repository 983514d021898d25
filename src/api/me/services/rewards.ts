import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError, notFound } from '../../../runtime/errors';
import { invalidateReads } from '../../../runtime/read-cache';

/**
 * Points → gifts (积分兑换). One transaction: gift stock, points debit, coupon grant and the
 * redemption record all happen or none does.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async redeem(userId: number, giftDocumentId: string, addressDocumentId: string | undefined) {
    const gift = await strapi.db.query('api::marketing.gift').findOne({
      where: { documentId: giftDocumentId },
      populate: { coupon: { select: ['id'] } },
    });
    if (!gift || !gift.active) throw notFound('礼品不存在或已下架');

    let addressId: number | undefined;
    if (gift.kind === 'physical') {
      if (!addressDocumentId) throw new DomainError('VALIDATION_FAILED', '实物礼品需要填写收货地址', { field: 'address' });
      const address = await strapi.db.query('api::people.address').findOne({
        where: { documentId: addressDocumentId, user: { id: userId } },
        select: ['id'],
      });
      if (!address) throw notFound('地址不存在');
      addressId = address.id;
    }

    const now = clock.now();
    const result = await strapi.db.transaction(async ({ trx }) => {
      const knex = strapi.db.connection;
      const taken = await knex('gifts')
        .transacting(trx)
        .where({ id: gift.id })
        .andWhere((q) => q.whereNull('stock').orWhere('stock', '>', 0))
        .update({ stock: knex.raw('CASE WHEN stock IS NULL THEN NULL ELSE stock - 1 END') });
      if (!taken) throw new DomainError('CONFLICT', '礼品已兑完');

      const redemption = await strapi.db.query('api::marketing.gift-redemption').create({
        data: { user: userId, gift: gift.id, pointsCost: gift.pointsCost, redemptionStatus: 'pending', address: addressId ?? null },
      });
      const entry = await strapi.service('api::marketing.points').post(trx, userId, {
        delta: -gift.pointsCost,
        reason: 'redeem_gift',
        ref: `redeem:${redemption.documentId}`,
        note: gift.name,
      });

      let userCoupon: { documentId: string } | undefined;
      if (gift.kind === 'coupon') {
        if (!gift.coupon) throw new DomainError('CONFLICT', '礼品未关联优惠券，请联系客服');
        userCoupon = await strapi.service('api::marketing.user-coupon').grant(trx, userId, gift.coupon.id, 'exchange', now);
        await strapi.db.query('api::marketing.gift-redemption').update({
          where: { id: redemption.id },
          data: { redemptionStatus: 'fulfilled', userCoupon: (userCoupon as any).id },
        });
      }

      return {
        redemption: redemption.documentId,
        gift: gift.documentId,
        pointsSpent: gift.pointsCost,
        balance: entry.balanceAfter,
        status: gift.kind === 'coupon' ? 'fulfilled' : 'pending',
        userCoupon: userCoupon?.documentId ?? null,
      };
    });
    // The stock is taken with raw SQL, which no lifecycle sees: the public gift list shows it.
    await invalidateReads(['api::marketing.gift']);
    return result;
  },
});
