import { factories } from '@strapi/strapi';
import { DomainError } from '../../../runtime/errors';
import { lockRow } from '../../../runtime/row-lock';
import { claimRefusal, grantRefusal, type GrantSource, type Refusal } from '../domain/coupon-claim';
import { couponExpiry, effectiveCouponStatus, type UserCouponStatus } from '../domain/coupon-status';

const UID = 'api::marketing.user-coupon';
const COUPON_UID = 'api::marketing.coupon';

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

export interface IssueOptions {
  /** Idempotency key (see `grantKey`): a grant already made under it is returned, not repeated. */
  key?: string;
}

export interface IssueResult {
  userCoupon: { id: number; documentId: string; expiresAt: string | Date | null };
  created: boolean;
}

/**
 * Points exchange predates the claim codes and is documented as 400 COUPON_INVALID for every
 * refusal; it keeps that answer, with the precise reason alongside.
 */
function refusalError(refusal: Refusal, source: GrantSource): DomainError {
  if (source === 'exchange') return new DomainError('COUPON_INVALID', refusal.message, { reason: refusal.reason });
  return new DomainError(refusal.code, refusal.message, { reason: refusal.reason });
}

export default factories.createCoreService(UID, ({ strapi }) => ({
  async listMine(userId: number, status: UserCouponStatus | undefined, now: Date): Promise<UserCouponView[]> {
    const rows = await strapi.db.query(UID).findMany({
      where: { user: { id: userId } },
      orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }],
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
   * Issues one coupon of a template to a member inside the caller's transaction. The member's row
   * lock serialises their own grants (per-user limit, idempotency key); stock is taken with a
   * conditional increment (`issued_count < stock`), which is atomic on SQLite, MariaDB and
   * PostgreSQL alike, so concurrent claims never hand out more than the stock.
   */
  async issue(trx: any, userId: number, couponId: number, source: GrantSource, now: Date, options: IssueOptions = {}): Promise<IssueResult> {
    const knex = strapi.db.connection;
    await lockRow(knex, trx, 'up_users', userId);
    if (options.key) {
      const existing = await strapi.db.query(UID).findOne({ where: { grantKey: options.key } });
      if (existing) return { userCoupon: existing, created: false };
    }
    const coupon = await strapi.db.query(COUPON_UID).findOne({ where: { id: couponId } });
    if (!coupon) throw new DomainError('NOT_FOUND', '优惠券不存在');
    // Claims and exchanges are bounded per member; operator, campaign and new-member grants are
    // bounded by their idempotency key instead.
    const bounded = source === 'claim' || source === 'exchange';
    const held = bounded ? await strapi.db.query(UID).count({ where: { user: { id: userId }, coupon: { id: couponId } } }) : 0;
    const refusal =
      source === 'claim'
        ? claimRefusal(coupon, held, now)
        : (grantRefusal(coupon, now) ??
          (bounded && held >= coupon.perUserLimit ? ({ code: 'COUPON_LIMIT_REACHED', reason: 'limit_reached', message: '已达到该券的领取上限' } as const) : null));
    if (refusal) throw refusalError(refusal, source);
    const taken = await knex('coupons')
      .transacting(trx)
      .where({ id: couponId })
      .andWhere((q) => q.whereNull('stock').orWhereRaw('COALESCE(issued_count, 0) < stock'))
      .update({ issued_count: knex.raw('COALESCE(issued_count, 0) + 1') });
    if (!taken) throw refusalError({ code: 'COUPON_SOLD_OUT', reason: 'sold_out', message: '优惠券已领完' }, source);
    const userCoupon = await strapi.db.query(UID).create({
      data: {
        user: userId,
        coupon: couponId,
        couponStatus: 'available',
        source,
        grantedAt: now,
        expiresAt: couponExpiry(coupon, now),
        grantKey: options.key ?? null,
      },
    });
    return { userCoupon, created: true };
  },

  /** `issue` for callers that only need the granted row (points exchange). */
  async grant(trx: any, userId: number, couponId: number, source: GrantSource, now: Date, options: IssueOptions = {}) {
    return (await this.issue(trx, userId, couponId, source, now, options)).userCoupon;
  },
}));
