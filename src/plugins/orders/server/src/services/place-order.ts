import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { clock, toZonedIso } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { transaction } from '../../../../../runtime/transaction';
import {
  assertMemberDuration,
  bookedDuration,
  formatOrderNo,
  idempotencyExpiry,
  idempotencyOutcome,
  occurrences,
  requestHash,
  resolveStart,
  slotsFor,
  type PaymentMode,
  type Quote,
  type RecurrenceRule,
} from '../domain';
import { EVENT_UID, getService, ORDER_UID } from '../utils';
import type { BookableItem } from './catalog-lookup';
import type { OrderRow } from './order-view';

export interface Requirements {
  areas?: string[];
  supplies?: string[];
  genderPreference?: 'male' | 'female' | 'any';
  note?: string;
}

export interface PlaceOrderRequest {
  serviceItem: string;
  quantity?: number | null;
  packageCode?: string | null;
  address: string;
  scheduledAt?: string | null;
  instant?: boolean;
  durationMinutes?: number | null;
  requirements?: Requirements;
  worker?: string | null;
  coupon?: string | null;
  usePoints?: boolean | number | null;
  paymentMode: PaymentMode;
  recurrence?: RecurrenceRule | null;
  source?: string;
  idempotencyKey?: string | null;
}

const DAY_MS = 86_400_000;

/**
 * POST /api/orders. Everything is checked before the first write; then one transaction creates
 * the order (and a recurring series' child orders), reserves the coupon and spends the points.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function memberAddress(memberId: number, documentId: string) {
    const row = await strapi.db.query('api::people.address').findOne({
      where: { documentId, user: { id: memberId } },
      populate: { city: { select: ['id', 'adcode', 'name', 'active'] } },
    });
    if (!row) throw notFound('地址不存在');
    if (!row.city?.active) throw new DomainError('VALIDATION_FAILED', '该地址所在城市暂未开通服务', { field: 'address' });
    return row;
  }

  async function uniqueOrderNo(now: Date, timezone: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = formatOrderNo(now, crypto.randomInt(0, 1_000_000), timezone);
      const taken = await strapi.db.query(ORDER_UID).count({ where: { orderNo: candidate } });
      if (!taken) return candidate;
    }
    throw new DomainError('CONFLICT', '下单繁忙，请稍后重试');
  }

  /** 'replay' or 'expired'/'new'; a different body under a live key is 409 CONFLICT. */
  function keyOutcome(existing: (OrderRow & { idempotencyHash?: string | null; idempotencyExpiresAt?: string | Date | null }) | null, hash: string, now: Date) {
    const outcome = idempotencyOutcome(existing ? { hash: existing.idempotencyHash ?? null, expiresAt: existing.idempotencyExpiresAt ?? null } : null, hash, now);
    if (outcome === 'conflict') {
      throw new DomainError('CONFLICT', '该 Idempotency-Key 已用于另一笔不同的下单请求', { field: 'Idempotency-Key', reason: 'key_reused' });
    }
    return outcome;
  }

  async function findByScope(scope: string): Promise<OrderRow | null> {
    return (await strapi.db.query(ORDER_UID).findOne({ where: { idempotencyScope: scope } })) as OrderRow | null;
  }

  return {
    async place(memberId: number, request: PlaceOrderRequest): Promise<{ order: OrderRow; created: boolean }> {
      const now = clock.now();
      const scope = request.idempotencyKey ? `${memberId}:${request.idempotencyKey}` : null;
      const { idempotencyKey: _key, ...body } = request;
      const hash = requestHash(body);
      // An order whose key expired gives it up when the key is used again.
      let expiredHolder: OrderRow | null = null;
      if (scope) {
        const existing = await findByScope(scope);
        const outcome = keyOutcome(existing, hash, now);
        if (outcome === 'replay') return { order: existing!, created: false };
        if (outcome === 'expired') expiredHolder = existing;
      }

      const settings = await strapi.service('api::settings.platform-setting').current();
      const lookup = getService(strapi, 'catalog-lookup');
      const item = await lookup.bookableItem(request.serviceItem);
      const address = await memberAddress(memberId, request.address);
      const durationMinutes = bookedDuration(item, request.quantity, request.packageCode);
      assertMemberDuration(request.durationMinutes, durationMinutes);
      const start = resolveStart({
        scheduledAt: request.scheduledAt,
        instant: request.instant,
        durationMinutes,
        now,
        timezone: settings.timezone,
        businessHours: settings.businessHours,
        booking: settings.booking,
      });
      const { quote, coupon } = await getService(strapi, 'quote').price(memberId, request, { item });

      let preferredWorkerId: number | null = null;
      if (request.worker) {
        const worker = await getService(strapi, 'eligibility').eligibleWorker(request.worker, {
          item,
          cityAdcode: address.city.adcode,
          genderPreference: request.requirements?.genderPreference,
          serviceDay: toZonedIso(start, settings.timezone).slice(0, 10),
        });
        const slots = slotsFor(start, durationMinutes, settings.booking.travelBufferMinutes, settings.booking.slotMinutes);
        await getService(strapi, 'eligibility').assertFree(worker.id, slots);
        preferredWorkerId = worker.id;
      }

      const starts = request.recurrence
        ? occurrences(request.recurrence, start, new Date(start.getTime() + settings.booking.recurrenceHorizonDays * DAY_MS), settings.timezone)
        : [start];

      const addressSnapshot = {
        documentId: address.documentId,
        contact: address.contact,
        phone: address.phone,
        city: address.city.adcode,
        cityName: address.city.name,
        district: address.district,
        detail: address.detail,
        lat: address.lat,
        lng: address.lng,
      };
      const itemSnapshot = {
        documentId: item.documentId,
        name: item.name,
        unit: item.unit,
        price: item.price,
        categorySlug: item.categorySlug,
        depositPercent: item.depositPercent,
        cover: item.cover,
        skillIds: item.skillIds,
      };
      // Later occurrences are priced plainly: the coupon and the points belong to the first one.
      const plainQuote =
        starts.length > 1
          ? (await getService(strapi, 'quote').price(memberId, { ...request, coupon: null, usePoints: null }, { item })).quote
          : quote;

      const base = (q: Quote, scheduledAt: Date) => ({
        orderStatus: 'pending_payment',
        member: memberId,
        memberId,
        preferredWorker: preferredWorkerId,
        serviceItem: item.id,
        category: item.categoryId,
        itemSnapshot,
        quantity: q.items[0]?.quantity ?? request.quantity ?? 1,
        packageCode: request.packageCode ?? null,
        address: address.id,
        addressSnapshot,
        city: address.city.id,
        scheduledAt,
        durationMinutes,
        instant: Boolean(request.instant),
        requirements: request.requirements ?? {},
        paymentMode: request.paymentMode,
        subtotal: q.subtotal,
        discount: q.discount,
        pointsUsed: q.pointsUsed,
        pointsDeduction: q.pointsDeduction,
        total: q.total,
        deposit: q.deposit,
        balanceDue: q.balanceDue,
        paid: 0,
        source: request.source ?? 'h5',
      });

      let created: OrderRow;
      try {
        created = await transaction(strapi, async ({ trx }) => {
          if (expiredHolder) {
            await strapi.db.query(ORDER_UID).updateMany({ where: { id: expiredHolder.id, idempotencyScope: scope }, data: { idempotencyScope: null } });
          }
          const parent = (await strapi.db.query(ORDER_UID).create({
            data: {
              ...base(quote, starts[0]),
              orderNo: await uniqueOrderNo(now, settings.timezone),
              userCoupon: coupon?.id ?? null,
              recurrence: request.recurrence ?? null,
              idempotencyScope: scope,
              idempotencyHash: scope ? hash : null,
              idempotencyExpiresAt: scope ? idempotencyExpiry(now) : null,
            },
          })) as OrderRow;
          await recordCreation(parent.id, memberId, now);

          if (coupon) {
            const { count } = await strapi.db.query('api::marketing.user-coupon').updateMany({
              where: { id: coupon.id, couponStatus: 'available' },
              data: { couponStatus: 'reserved', orderRef: parent.documentId },
            });
            if (count !== 1) throw new DomainError('COUPON_INVALID', '优惠券已被使用', { reason: 'used' });
          }
          if (quote.pointsUsed > 0) {
            await strapi.service('api::marketing.points').post(trx, memberId, {
              delta: -quote.pointsUsed,
              reason: 'order_deduction',
              ref: `order:${parent.documentId}:points`,
              note: parent.orderNo,
            });
          }
          for (const scheduledAt of starts.slice(1)) {
            const child = (await strapi.db.query(ORDER_UID).create({
              data: { ...base(plainQuote, scheduledAt), orderNo: await uniqueOrderNo(now, settings.timezone), parent: parent.id },
            })) as OrderRow;
            await recordCreation(child.id, memberId, now);
          }
          return parent;
        });
      } catch (err) {
        // Two requests with one Idempotency-Key: the loser returns the winner's order.
        if (scope) {
          const winner = await findByScope(scope);
          // keyOutcome throws CONFLICT when the winner was made from another body.
          if (winner && keyOutcome(winner, hash, now) === 'replay') return { order: winner, created: false };
        }
        throw err;
      }

      await getService(strapi, 'unpaid-timeout').scheduleFor(created.id);
      return { order: created, created: true };
    },
  };

  async function recordCreation(orderId: number, memberId: number, now: Date) {
    await strapi.db.query(EVENT_UID).create({
      data: { order: orderId, orderRef: orderId, event: 'create', fromStatus: null, toStatus: 'pending_payment', actorType: 'member', actorId: memberId, at: now },
    });
  }
};

