import type { Core } from '@strapi/strapi';
import type { OrdersLoyaltyPort, PointsBasis, ReviewableOrder } from '../../../shared/contracts/orders-loyalty';
import { getService, ORDER_UID } from '../utils';

/** The seam between orders and reviews/points (contract: shared/contracts/orders-loyalty.ts). */
export default ({ strapi }: { strapi: Core.Strapi }): OrdersLoyaltyPort => ({
  async reviewableOrder(documentId: string): Promise<ReviewableOrder | null> {
    const row = await strapi.db.query(ORDER_UID).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'orderNo', 'orderStatus', 'memberId', 'completedAt'],
      populate: { worker: { select: ['id'], populate: { user: { select: ['id'] } } }, serviceItem: { select: ['id'] }, city: { select: ['adcode'] } },
    });
    if (!row) return null;
    return {
      id: row.id,
      documentId: row.documentId,
      orderNo: row.orderNo,
      status: row.orderStatus,
      memberId: row.memberId,
      workerId: row.worker?.id ?? null,
      workerUserId: row.worker?.user?.id ?? null,
      serviceItemId: row.serviceItem?.id ?? null,
      completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
      cityAdcode: row.city?.adcode ?? null,
    };
  },

  async pointsBasis(documentId: string): Promise<PointsBasis | null> {
    const row = await strapi.db.query(ORDER_UID).findOne({
      where: { documentId },
      select: ['documentId', 'orderNo', 'orderStatus', 'memberId', 'paid', 'refunded'],
    });
    if (!row) return null;
    return { documentId: row.documentId, orderNo: row.orderNo, status: row.orderStatus, memberId: row.memberId, paid: row.paid ?? 0, refunded: row.refunded ?? 0 };
  },

  async completedBetween(from: Date, to: Date, limit: number): Promise<PointsBasis[]> {
    const rows = await strapi.db.query(ORDER_UID).findMany({
      where: { orderStatus: 'completed', completedAt: { $gte: from, $lt: to } },
      select: ['documentId', 'orderNo', 'orderStatus', 'memberId', 'paid', 'refunded'],
      orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
      limit,
    });
    return rows.map((row: any) => ({ documentId: row.documentId, orderNo: row.orderNo, status: row.orderStatus, memberId: row.memberId, paid: row.paid ?? 0, refunded: row.refunded ?? 0 }));
  },

  async noteOnTimeline(orderId, entry) {
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, select: ['orderStatus'] });
    if (!row) return;
    await getService(strapi, 'transition').note(orderId, { event: entry.event, status: row.orderStatus, actor: { type: 'system' }, reason: entry.reason, data: entry.data });
  },
});
