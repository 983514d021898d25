import type { Core } from '@strapi/strapi';
import type { TrackedOrder } from '../../../shared/contracts/orders-tracking';
import { ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';

type Row = OrderRow & { city?: { adcode: string } | null; worker?: { id: number; user?: { id: number } | null } | null };

function destinationOf(address: { lat?: unknown; lng?: unknown } | null | undefined): TrackedOrder['destination'] {
  if (address?.lat == null || address?.lng == null) return null;
  const lat = Number(address.lat);
  const lng = Number(address.lng);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

const SELECT = ['id', 'documentId', 'orderStatus', 'memberId', 'addressSnapshot'];
const POPULATE = { city: { select: ['adcode'] }, worker: { select: ['id'], populate: { user: { select: ['id'] } } } };

function toTrackedOrder(row: Row): TrackedOrder {
  return {
    id: row.id,
    documentId: row.documentId,
    status: row.orderStatus,
    memberId: row.memberId,
    workerId: row.worker?.id ?? null,
    workerUserId: row.worker?.user?.id ?? null,
    cityAdcode: row.city?.adcode ?? row.addressSnapshot?.city ?? null,
    destination: destinationOf(row.addressSnapshot),
  };
}

/** The seam between orders and the tracking plugin (contract: shared/contracts/orders-tracking.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async order(documentId: string): Promise<TrackedOrder | null> {
    const row = (await strapi.db.query(ORDER_UID).findOne({ where: { documentId }, select: SELECT, populate: POPULATE })) as Row | null;
    return row ? toTrackedOrder(row) : null;
  },

  async travellingOrders(workerUserId: number): Promise<TrackedOrder[]> {
    const rows = (await strapi.db.query(ORDER_UID).findMany({
      where: { orderStatus: { $in: ['on_the_way', 'arrived'] }, worker: { user: { id: workerUserId } } },
      select: SELECT,
      populate: POPULATE,
      orderBy: [{ id: 'asc' }],
      limit: 10,
    })) as Row[];
    return rows.map(toTrackedOrder);
  },
});
