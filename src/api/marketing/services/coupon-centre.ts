import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError, notFound } from '../../../runtime/errors';
import { transaction } from '../../../runtime/transaction';
import { claimRefusal, grantKey, remainingStock } from '../domain/coupon-claim';

const COUPON_UID = 'api::marketing.coupon';
const USER_COUPON_UID = 'api::marketing.user-coupon';
const USER_UID = 'plugin::users-permissions.user';

/** The claim centre shows at most this many templates; operators run a handful at a time. */
const CENTRE_LIMIT = 100;

const TEMPLATE_FIELDS = [
  'id',
  'documentId',
  'name',
  'code',
  'type',
  'amountOff',
  'percentOff',
  'maxDiscount',
  'minSpend',
  'description',
  'validFrom',
  'validUntil',
  'validDays',
  'claimStartsAt',
  'claimEndsAt',
  'stock',
  'issuedCount',
  'perUserLimit',
  'claimable',
  'active',
];

export interface ClaimableCouponView {
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
  validFrom: string | null;
  validUntil: string | null;
  validDays: number | null;
  claimEndsAt: string | null;
  perUserLimit: number;
  /** Coupons left for everyone; null = no stock limit. */
  remaining: number | null;
  /** How many of it the caller already holds (0 when signed out). */
  claimed: number;
}

export interface GrantTargets {
  users?: number[];
  phones?: string[];
  /** Campaign or batch code: the grant is made at most once per (coupon, member, campaign). */
  campaign?: string;
}

export type GrantOutcome =
  | { user: number; result: 'granted' | 'already_granted'; userCoupon: string }
  | { user: number; result: 'refused'; code: string; reason?: unknown };

function view(row: any, claimed: number): ClaimableCouponView {
  return {
    documentId: row.documentId,
    name: row.name,
    code: row.code,
    type: row.type,
    amountOff: row.amountOff ?? null,
    percentOff: row.percentOff ?? null,
    maxDiscount: row.maxDiscount ?? null,
    minSpend: row.minSpend ?? 0,
    description: row.description ?? null,
    categories: (row.categories ?? []).map((c: { slug: string }) => c.slug),
    validFrom: row.validFrom ?? null,
    validUntil: row.validUntil ?? null,
    validDays: row.validDays ?? null,
    claimEndsAt: row.claimEndsAt ?? null,
    perUserLimit: row.perUserLimit,
    remaining: remainingStock(row),
    claimed,
  };
}

/**
 * 领券中心 and operator grants. Every grant goes through the user-coupon service's `issue`, the one
 * place where stock, per-user limit and idempotency are enforced.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const userCoupons = () => strapi.service(USER_COUPON_UID) as any;

  async function heldByCoupon(userId: number, couponIds: number[]): Promise<Map<number, number>> {
    const held = new Map<number, number>();
    if (!couponIds.length) return held;
    const rows = await strapi.db.query(USER_COUPON_UID).findMany({
      where: { user: { id: userId }, coupon: { id: { $in: couponIds } } },
      select: ['id'],
      populate: { coupon: { select: ['id'] } },
    });
    for (const row of rows as Array<{ coupon?: { id: number } }>) {
      if (row.coupon) held.set(row.coupon.id, (held.get(row.coupon.id) ?? 0) + 1);
    }
    return held;
  }

  return {
    /** Templates open for claiming now that the caller could still claim, newest first. */
    async claimable(userId: number | undefined, now: Date = clock.now()): Promise<ClaimableCouponView[]> {
      const rows = await strapi.db.query(COUPON_UID).findMany({
        where: {
          active: true,
          claimable: true,
          $and: [
            { $or: [{ claimStartsAt: { $null: true } }, { claimStartsAt: { $lte: now } }] },
            { $or: [{ claimEndsAt: { $null: true } }, { claimEndsAt: { $gt: now } }] },
            { $or: [{ validUntil: { $null: true } }, { validUntil: { $gt: now } }] },
          ],
        },
        select: TEMPLATE_FIELDS,
        populate: { categories: { select: ['slug'], orderBy: { slug: 'asc' } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: CENTRE_LIMIT,
      });
      const held = userId ? await heldByCoupon(userId, rows.map((r: { id: number }) => r.id)) : new Map<number, number>();
      return rows
        .map((row: any) => ({ row, claimed: held.get(row.id) ?? 0 }))
        .filter(({ row, claimed }: { row: any; claimed: number }) => claimRefusal(row, claimed, now) === null)
        .map(({ row, claimed }: { row: any; claimed: number }) => view(row, claimed));
    },

    async claim(userId: number, couponDocumentId: string, now: Date = clock.now()) {
      const coupon = await strapi.db.query(COUPON_UID).findOne({ where: { documentId: couponDocumentId }, select: ['id', 'documentId'] });
      if (!coupon) throw notFound('优惠券不存在');
      const { userCoupon } = await transaction(strapi, async ({ trx }) => userCoupons().issue(trx, userId, coupon.id, 'claim', now));
      const after = await strapi.db.query(COUPON_UID).findOne({ where: { id: coupon.id }, select: ['stock', 'issuedCount'] });
      const claimed = (await heldByCoupon(userId, [coupon.id])).get(coupon.id) ?? 0;
      return {
        userCoupon: userCoupon.documentId,
        coupon: coupon.documentId,
        status: 'available',
        expiresAt: userCoupon.expiresAt ?? null,
        claimed,
        remaining: remainingStock(after ?? {}),
      };
    },

    /**
     * Operator / campaign grant to members named by id or phone. Each member is its own
     * transaction, so one refusal (stock ran out half-way) leaves the grants before it standing and
     * the answer says who got what; repeating the request grants nobody twice.
     */
    async grant(couponDocumentId: string, targets: GrantTargets, now: Date = clock.now()) {
      const coupon = await strapi.db.query(COUPON_UID).findOne({ where: { documentId: couponDocumentId }, select: ['id', 'documentId'] });
      if (!coupon) throw notFound('优惠券不存在');
      const byId = targets.users?.length
        ? await strapi.db.query(USER_UID).findMany({ where: { id: { $in: targets.users } }, select: ['id'] })
        : [];
      const byPhone = targets.phones?.length
        ? await strapi.db.query(USER_UID).findMany({ where: { phone: { $in: targets.phones } }, select: ['id', 'phone'] })
        : [];
      const found = new Set<number>([...byId, ...byPhone].map((u: { id: number }) => u.id));
      const unknownUsers = (targets.users ?? []).filter((id) => !byId.some((u: { id: number }) => u.id === id));
      const unknownPhones = (targets.phones ?? []).filter((p) => !byPhone.some((u: { phone: string }) => u.phone === p));
      const source = targets.campaign ? 'campaign' : 'grant';
      const ref = targets.campaign ?? 'manual';
      const results: GrantOutcome[] = [];
      for (const userId of [...found].sort((a, b) => a - b)) {
        try {
          const { userCoupon, created } = await transaction(strapi, async ({ trx }) =>
            userCoupons().issue(trx, userId, coupon.id, source, now, { key: grantKey(source, ref, coupon.id, userId) }),
          );
          results.push({ user: userId, result: created ? 'granted' : 'already_granted', userCoupon: userCoupon.documentId });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          results.push({ user: userId, result: 'refused', code: err.code, reason: err.details.reason });
        }
      }
      return {
        coupon: coupon.documentId,
        granted: results.filter((r) => r.result === 'granted').length,
        alreadyGranted: results.filter((r) => r.result === 'already_granted').length,
        refused: results.filter((r) => r.result === 'refused').length,
        results,
        unknownUsers,
        unknownPhones,
      };
    },

    /**
     * 新人券: every active template flagged `grantOnRegister`, once per member (the key makes a
     * retried job a no-op). A template that cannot be handed out (sold out, expired) is skipped.
     */
    async grantWelcome(userId: number, now: Date = clock.now()): Promise<number> {
      const user = await strapi.db.query(USER_UID).findOne({ where: { id: userId }, select: ['id'] });
      if (!user) return 0;
      const coupons = await strapi.db.query(COUPON_UID).findMany({ where: { active: true, grantOnRegister: true }, select: ['id'], orderBy: { id: 'asc' } });
      let granted = 0;
      for (const coupon of coupons as Array<{ id: number }>) {
        try {
          const { created } = await transaction(strapi, async ({ trx }) =>
            userCoupons().issue(trx, userId, coupon.id, 'register', now, { key: grantKey('register', 'welcome', coupon.id, userId) }),
          );
          if (created) granted += 1;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          strapi.log.info(`marketing: welcome coupon ${coupon.id} not granted to user ${userId}: ${err.code}`);
        }
      }
      return granted;
    },

    /**
     * Writes down what `effectiveCouponStatus` already shows: available coupons past their expiry
     * become `expired`. A conditional update, so a coupon reserved by an order meanwhile keeps its
     * status. Returns how many changed.
     */
    async expireDue(now: Date = clock.now()): Promise<number> {
      const { count } = await strapi.db.query(USER_COUPON_UID).updateMany({
        where: { couponStatus: 'available', expiresAt: { $notNull: true, $lte: now } },
        data: { couponStatus: 'expired' },
      });
      return count;
    },
  };
};
