import { factories } from '@strapi/strapi';
import { DomainError } from '../../../runtime/errors';
import { lockRow } from '../../../runtime/row-lock';
import { couponExpiry, effectiveCouponStatus, type UserCouponStatus } from '../domain/coupon-status';

const UID = 'api::marketing.user-coupon';

const COUPON_FIELDS = ['name', 'code', 'type', 'amountOff', 'percentOff', 'maxDiscount', 'minSpend', 'description', 'validUntil'];

export interface UserCouponView {
  documentId: string;
  status: UserCouponStatus;
  source: string;
  grantedAt: string;
  expiresAt: string | null;
  usedAt: string | null;
  coupon: {
    documentId: string;
    name: string;
    code: string;
    type: 'fixed' | 'threshold' | 'percent';
    amountOff: number | null;
    percentOff: number | null;
    maxDiscount: number | null;
    minSpend: number;
    description: string | null;
    categories: string[];
  };
}

export default factories.createCoreService(UID, ({ strapi }) => ({
  async listMine(userId: number, status: UserCouponStatus | undefined, now: Date): Promise<UserCouponView[]> {
    const rows = await strapi.db.query(UID).findMany({
      where: { user: { id: userId } },
      orderBy: [{ grantedAt: 'desc' }],
      populate: { coupon: { select: ['documentId', ...COUPON_FIELDS], populate: { categories: { select: ['slug'] } } } },
      limit: 200,
    });
    const views: UserCouponView[] = rows.map((row: any) => ({
      documentId: row.documentId,
      status: effectiveCouponStatus(row.couponStatus, row.expiresAt, now),
      source: row.source,
      grantedAt: row.grantedAt,
      expiresAt: row.expiresAt ?? null,
      usedAt: row.usedAt ?? null,
      coupon: {
        documentId: row.coupon?.documentId,
        name: row.coupon?.name,
        code: row.coupon?.code,
        type: row.coupon?.type,
        amountOff: row.coupon?.amountOff ?? null,
        percentOff: row.coupon?.percentOff ?? null,
        maxDiscount: row.coupon?.maxDiscount ?? null,
        minSpend: row.coupon?.minSpend ?? 0,
        description: row.coupon?.description ?? null,
        categories: (row.coupon?.categories ?? []).map((c: { slug: string }) => c.slug),
      },
    }));
    return status ? views.filter((v) => v.status === status) : views;
  },

  /**
   * Grants one coupon of a template to a member inside the caller's transaction. Stock is taken
   * with a conditional increment; the per-user limit is checked under the member's row lock.
   */
  async grant(trx: any, userId: number, couponId: number, source: string, now: Date) {
    const knex = strapi.db.connection;
    await lockRow(knex, trx, 'up_users', userId);
    const coupon = await strapi.db.query('api::marketing.coupon').findOne({ where: { id: couponId } });
    if (!coupon || !coupon.active) throw new DomainError('COUPON_INVALID', '优惠券不可用');
    if (coupon.validUntil && new Date(coupon.validUntil) <= now) throw new DomainError('COUPON_INVALID', '优惠券已过期');
    const held = await strapi.db.query(UID).count({ where: { user: { id: userId }, coupon: { id: couponId } } });
    if (held >= coupon.perUserLimit) throw new DomainError('COUPON_INVALID', '已达到该券的领取上限');
    const taken = await knex('coupons')
      .transacting(trx)
      .where({ id: couponId })
      .andWhere((q) => q.whereNull('stock').orWhere('issued_count', '<', knex.ref('stock')))
      .increment('issued_count', 1);
    if (!taken) throw new DomainError('COUPON_INVALID', '优惠券已领完');
    return strapi.db.query(UID).create({
      data: {
        user: userId,
        coupon: couponId,
        couponStatus: 'available',
        source,
        grantedAt: now,
        expiresAt: couponExpiry(coupon, now),
      },
    });
  },
}));
