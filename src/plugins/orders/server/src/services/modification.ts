import type { Core } from '@strapi/strapi';
import { clock, toZonedIso } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { transaction, updateRelations } from '../../../../../runtime/transaction';
import { assertMemberDuration, assertModifiable, bookedDuration, priceChange, resolveStart, slotsFor, type Quote } from '../domain';
import { EVENT_UID, getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';
import type { Requirements } from './place-order';

export interface ModifyRequest {
  scheduledAt?: string;
  instant?: boolean;
  quantity?: number;
  packageCode?: string | null;
  durationMinutes?: number;
  requirements?: Requirements;
  address?: string;
}

/**
 * Changing an order before a worker accepted it: time, quantity, requirements, address. The
 * order is re-quoted with its own coupon and points; if it was already paid, the difference is
 * settled — more to pay becomes balance due (collected as the final payment), less becomes a
 * refund owed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async modify(memberId: number, documentId: string, change: ModifyRequest): Promise<OrderRow> {
    const order = (await strapi.db.query(ORDER_UID).findOne({
      where: { documentId, memberId },
      populate: { userCoupon: { select: ['documentId'] }, preferredWorker: { select: ['id'] } },
    })) as (OrderRow & { preferredWorker?: { id: number } | null }) | null;
    if (!order) throw notFound('订单不存在');
    assertModifiable(order.orderStatus);

    const now = clock.now();
    const settings = await strapi.service('api::settings.platform-setting').current();

    const quantity = change.quantity ?? order.quantity;
    const packageCode = change.packageCode !== undefined ? change.packageCode : order.packageCode;
    // Only the line (quantity, package) is priced; time, address and requirements are not, so
    // changing those keeps the price the order was booked at instead of re-pricing from today's catalog.
    const lineChanged = (packageCode ?? null) !== (order.packageCode ?? null) || (!packageCode && quantity !== order.quantity);
    const item = lineChanged ? await getService(strapi, 'catalog-lookup').bookableItem(order.itemSnapshot.documentId) : null;
    const skillIds: number[] = item?.skillIds ?? order.itemSnapshot?.skillIds ?? [];

    let address = order.addressSnapshot;
    let addressId: number | undefined;
    let cityId: number | undefined;
    if (change.address && change.address !== order.addressSnapshot.documentId) {
      const row = await strapi.db.query('api::people.address').findOne({
        where: { documentId: change.address, user: { id: memberId } },
        populate: { city: { select: ['id', 'adcode', 'name', 'active'] } },
      });
      if (!row) throw notFound('地址不存在');
      if (!row.city?.active) throw new DomainError('VALIDATION_FAILED', '该地址所在城市暂未开通服务', { field: 'address' });
      addressId = row.id;
      cityId = row.city.id;
      address = {
        documentId: row.documentId,
        contact: row.contact,
        phone: row.phone,
        city: row.city.adcode,
        cityName: row.city.name,
        district: row.district,
        detail: row.detail,
        lat: row.lat,
        lng: row.lng,
      };
    }

    // An unchanged line keeps the duration it was booked with, even if the catalog moved since.
    const durationMinutes = item ? bookedDuration(item, packageCode ? undefined : quantity, packageCode) : order.durationMinutes;
    assertMemberDuration(change.durationMinutes, durationMinutes);
    const timeChanged = change.scheduledAt !== undefined || change.instant !== undefined || durationMinutes !== order.durationMinutes;
    const start = timeChanged
      ? resolveStart({
          scheduledAt: change.scheduledAt ?? (change.instant ? undefined : order.scheduledAt),
          instant: change.instant,
          durationMinutes,
          now,
          timezone: settings.timezone,
          businessHours: settings.businessHours,
          booking: settings.booking,
        })
      : new Date(order.scheduledAt);

    if (order.preferredWorker && (timeChanged || address !== order.addressSnapshot)) {
      const eligibility = getService(strapi, 'eligibility');
      const worker = await eligibility.workerById(order.preferredWorker.id);
      const reason = worker && eligibility.unfitReason(worker, {
          item: { skillIds },
          cityAdcode: address.city,
          genderPreference: (change.requirements ?? order.requirements)?.genderPreference,
          serviceDay: toZonedIso(start, settings.timezone).slice(0, 10),
        });
      if (!worker || reason) throw new DomainError('WORKER_UNAVAILABLE', reason ?? '服务人员不可用');
      await eligibility.assertFree(worker.id, slotsFor(start, durationMinutes, settings.booking.travelBufferMinutes, settings.booking.slotMinutes));
    }

    // The order's own coupon stays with it (reserved or already used by it); see heldByThisOrder.
    const quote: Pick<Quote, 'items' | 'subtotal' | 'discount' | 'pointsUsed' | 'pointsDeduction' | 'total' | 'deposit' | 'balanceDue'> = item
      ? (
          await getService(strapi, 'quote').price(
            memberId,
            {
              serviceItem: item.documentId,
              quantity: packageCode ? undefined : quantity,
              packageCode,
              coupon: order.userCoupon?.documentId ?? null,
              usePoints: order.pointsUsed > 0 ? order.pointsUsed : null,
              paymentMode: order.paymentMode,
            },
            { item, orderDocumentId: order.documentId, extraPoints: order.pointsUsed },
          )
        ).quote
      : {
          items: [{ name: order.itemSnapshot?.name, unitPrice: order.itemSnapshot?.price, quantity: order.quantity, amount: order.subtotal }],
          subtotal: order.subtotal,
          discount: order.discount,
          pointsUsed: order.pointsUsed,
          pointsDeduction: order.pointsDeduction,
          total: order.total,
          deposit: order.deposit,
          balanceDue: order.balanceDue,
        };
    const settlement = item ? settle(order, quote) : { balanceDue: order.balanceDue, refund: 0 };

    let refundIds: number[] = [];
    const fresh: OrderRow = await transaction(strapi, async ({ trx }) => {
      // The price difference was settled against the amounts we read: another modification or
      // payment landing meanwhile must not be overwritten with them.
      const { count } = await strapi.db.query(ORDER_UID).updateMany({
        where: { id: order.id, orderStatus: order.orderStatus, total: order.total, paid: order.paid, refundPending: order.refundPending },
        data: {
          quantity: quote.items[0]?.quantity ?? quantity,
          packageCode: packageCode ?? null,
          scheduledAt: start,
          durationMinutes,
          instant: change.instant ?? (change.scheduledAt ? false : order.instant),
          requirements: change.requirements ?? order.requirements,
          addressSnapshot: address,
          subtotal: quote.subtotal,
          discount: quote.discount,
          pointsUsed: quote.pointsUsed,
          pointsDeduction: quote.pointsDeduction,
          total: quote.total,
          deposit: quote.deposit,
          balanceDue: settlement.balanceDue,
          refundPending: order.refundPending + settlement.refund,
        },
      });
      if (count !== 1) {
        const current = (await strapi.db.query(ORDER_UID).findOne({ where: { id: order.id }, select: ['orderStatus'] })) as { orderStatus: string };
        if (current.orderStatus !== order.orderStatus) throw new DomainError('ORDER_NOT_MODIFIABLE', '订单状态已变化，无法修改');
        throw new DomainError('CONFLICT', '订单刚被修改过，请刷新后重试');
      }
      // The difference owed back is written with the new price: both commit, or neither.
      refundIds = settlement.refund > 0 ? await getService(strapi, 'payments-port').oweRefund(order, settlement.refund, '订单修改，退还差价') : [];
      // A channel order opened for the old amount must not be paid any more.
      if (quote.total !== order.total) await getService(strapi, 'payments-port').closeOpenPayments(order.id);
      // updateMany writes columns only: the address and its city (which 城市运营 scope by) are relations.
      if (addressId) await updateRelations(strapi, trx, ORDER_UID, order.id, { address: addressId, city: cityId });
      const pointsBack = order.pointsUsed - quote.pointsUsed;
      if (pointsBack > 0) {
        await strapi.service('api::marketing.points').post(trx, memberId, {
          delta: pointsBack,
          reason: 'deduction_refund',
          ref: `order:${order.documentId}:modify:${now.getTime()}`,
          note: order.orderNo,
        });
      }
      await strapi.db.query(EVENT_UID).create({
        data: {
          order: order.id,
          orderRef: order.id,
          event: 'modify',
          fromStatus: order.orderStatus,
          toStatus: order.orderStatus,
          actorType: 'member',
          actorId: memberId,
          at: now,
          data: { before: { scheduledAt: order.scheduledAt, quantity: order.quantity, total: order.total }, after: { scheduledAt: start, quantity, total: quote.total }, ...settlement },
        },
      });
      return (await strapi.db.query(ORDER_UID).findOne({ where: { id: order.id } })) as OrderRow;
    });
    await getService(strapi, 'payments-port').sendRefunds(refundIds);
    return fresh;
  },
});

/** What a price change means for money already paid (an unpaid order just takes the new quote). */
export function settle(order: Pick<OrderRow, 'paid' | 'refunded' | 'refundPending'>, quote: Pick<Quote, 'total' | 'balanceDue'>) {
  if (order.paid === 0) return { balanceDue: quote.balanceDue, refund: 0 };
  return priceChange(order, quote.total);
}
