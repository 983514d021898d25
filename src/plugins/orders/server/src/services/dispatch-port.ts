import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type {
  AcceptActor,
  AcceptPolicy,
  DispatchOrder,
  HeldTime,
  PendingOrderFilter,
  WorkerBooking,
} from '../../../shared/contracts/orders-dispatch';
import { getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';

/** Statuses in which an order holds its worker's time. */
const ACTIVE = ['accepted', 'on_the_way', 'arrived', 'in_service', 'paused'];
const CHUNK = 900;
const MINUTE_MS = 60_000;

const POPULATE = {
  city: { select: ['adcode', 'name'] },
  category: { select: ['slug', 'name'] },
  preferredWorker: { select: ['id'] },
  worker: { select: ['id'] },
};

type Row = OrderRow & { category?: { slug: string; name: string } | null; preferredWorker?: { id: number } | null; worker?: { id: number } | null };

function toDispatchOrder(row: Row): DispatchOrder {
  const address = row.addressSnapshot ?? {};
  const lat = Number(address.lat);
  const lng = Number(address.lng);
  return {
    id: row.id,
    documentId: row.documentId,
    orderNo: row.orderNo,
    status: row.orderStatus,
    memberId: row.memberId,
    cityAdcode: row.city?.adcode ?? address.city ?? null,
    cityName: row.city?.name ?? address.cityName ?? null,
    categorySlug: row.category?.slug ?? row.itemSnapshot?.categorySlug ?? null,
    categoryName: row.category?.name ?? null,
    serviceItem: { documentId: row.itemSnapshot?.documentId, name: row.itemSnapshot?.name, skillIds: row.itemSnapshot?.skillIds ?? [] },
    scheduledAt: new Date(row.scheduledAt).toISOString(),
    durationMinutes: row.durationMinutes,
    instant: Boolean(row.instant),
    location: Number.isFinite(lat) && Number.isFinite(lng) && address.lat != null && address.lng != null ? { lat, lng } : null,
    district: address.district ?? null,
    genderPreference: row.requirements?.genderPreference ?? null,
    preferredWorkerId: row.preferredWorker?.id ?? null,
    workerId: row.worker?.id ?? null,
    paidAt: row.paidAt ? new Date(row.paidAt).toISOString() : null,
    total: row.total,
  };
}

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The seam between orders and the dispatch plugin (contract: shared/contracts/orders-dispatch.ts):
 * pending orders, the time workers' orders hold, assignment on dispatch's behalf, closing an order
 * nobody took, and the acceptance policy dispatch adds to every accept.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let policy: AcceptPolicy | undefined;
  // Every ranking asks for held time; the whole platform-settings document is not read for each one.
  let slotSetting: { at: number; minutes: number } | undefined;
  const slotMinutes = async (): Promise<number> => {
    if (slotSetting && Date.now() - slotSetting.at < 2000) return slotSetting.minutes;
    const { booking } = await strapi.service('api::settings.platform-setting').current();
    slotSetting = { at: Date.now(), minutes: booking.slotMinutes };
    return booking.slotMinutes;
  };
  const knex = () => strapi.db.connection as unknown as Knex;
  const query = (trx?: unknown) => (table: string) => (trx ? knex()(table).transacting(trx as Knex.Transaction) : knex()(table));

  /** The link table behind order.worker, as Strapi's metadata names it. */
  function workerLink() {
    const attribute = (strapi.db.metadata.get(ORDER_UID) as any).attributes.worker;
    const table = attribute.joinTable;
    return { name: table.name as string, order: table.joinColumn.name as string, worker: table.inverseJoinColumn.name as string };
  }

  return {
    setAcceptPolicy(next: AcceptPolicy | undefined): void {
      policy = next;
    },

    acceptPolicy(): AcceptPolicy | undefined {
      return policy;
    },

    async order(ref: { id?: number; documentId?: string }): Promise<DispatchOrder | null> {
      const where = ref.id !== undefined ? { id: ref.id } : { documentId: ref.documentId };
      const row = (await strapi.db.query(ORDER_UID).findOne({ where, populate: POPULATE })) as Row | null;
      return row ? toDispatchOrder(row) : null;
    },

    async pendingOrders(filter: PendingOrderFilter = {}): Promise<DispatchOrder[]> {
      const and: Record<string, unknown>[] = [{ orderStatus: 'pending_acceptance' }];
      if (filter.cityAdcodes) and.push({ city: { adcode: { $in: filter.cityAdcodes.length ? filter.cityAdcodes : ['-'] } } });
      if (filter.categorySlug) and.push({ category: { slug: filter.categorySlug } });
      if (filter.startsBefore) and.push({ scheduledAt: { $lt: filter.startsBefore } });
      const rows = (await strapi.db.query(ORDER_UID).findMany({
        where: { $and: and },
        populate: POPULATE,
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
        limit: filter.limit ?? 500,
      })) as Row[];
      return rows.map(toDispatchOrder);
    },

    /** Held time of these workers within [from, to), one range per order (contiguous slots joined). */
    async heldTime(workerIds: number[], from: Date, to: Date, trx?: unknown): Promise<HeldTime[]> {
      if (!workerIds.length) return [];
      const minutes = await slotMinutes();
      const slotMs = minutes * MINUTE_MS;
      const fromKey = Math.floor(from.getTime() / slotMs) * minutes;
      const toKey = Math.floor(to.getTime() / MINUTE_MS);
      const rows: Array<{ worker_id: number; order_id: number; slot_key: number }> = [];
      for (const ids of chunks(workerIds)) {
        rows.push(
          ...(await query(trx)('worker_slots')
            .select('worker_id', 'order_id', 'slot_key')
            .whereIn('worker_id', ids)
            .andWhere('slot_key', '>=', fromKey)
            .andWhere('slot_key', '<', toKey)
            .orderBy(['worker_id', 'order_id', 'slot_key'])),
        );
      }
      const held: HeldTime[] = [];
      let current: { orderId: number; workerId: number; start: number; end: number } | undefined;
      for (const row of rows) {
        const start = Number(row.slot_key) * MINUTE_MS;
        if (current && current.orderId === Number(row.order_id) && current.workerId === Number(row.worker_id) && current.end >= start) {
          current.end = start + slotMs;
          continue;
        }
        if (current) held.push({ orderId: current.orderId, workerId: current.workerId, start: new Date(current.start).toISOString(), end: new Date(current.end).toISOString() });
        current = { orderId: Number(row.order_id), workerId: Number(row.worker_id), start, end: start + slotMs };
      }
      if (current) held.push({ orderId: current.orderId, workerId: current.workerId, start: new Date(current.start).toISOString(), end: new Date(current.end).toISOString() });
      return held;
    },

    /** Orders (not cancelled) assigned to each worker and starting within [from, to). */
    async orderCounts(workerIds: number[], from: Date, to: Date, trx?: unknown): Promise<Map<number, number>> {
      const counts = new Map<number, number>();
      if (!workerIds.length) return counts;
      const link = workerLink();
      for (const ids of chunks(workerIds)) {
        const rows = await query(trx)('orders as o')
          .join(`${link.name} as l`, `l.${link.order}`, 'o.id')
          .whereIn(`l.${link.worker}`, ids)
          .andWhere('o.scheduled_at', '>=', from)
          .andWhere('o.scheduled_at', '<', to)
          .andWhereNot('o.order_status', 'cancelled')
          .groupBy(`l.${link.worker}`)
          .select({ workerId: `l.${link.worker}` })
          .count({ n: '*' });
        for (const row of rows as Array<{ workerId: number; n: number | string }>) counts.set(Number(row.workerId), Number(row.n));
      }
      return counts;
    },

    /** Accepted, unfinished orders of a worker starting within [from, to). */
    async bookingsOf(workerId: number, from: Date, to: Date): Promise<WorkerBooking[]> {
      const rows = (await strapi.db.query(ORDER_UID).findMany({
        where: { worker: { id: workerId }, orderStatus: { $in: ACTIVE }, scheduledAt: { $gte: from, $lt: to } },
        orderBy: [{ scheduledAt: 'asc' }],
        limit: 500,
      })) as OrderRow[];
      return rows.map((row) => ({
        orderId: row.id,
        documentId: row.documentId,
        orderNo: row.orderNo,
        status: row.orderStatus,
        scheduledAt: new Date(row.scheduledAt).toISOString(),
        durationMinutes: row.durationMinutes,
        serviceName: row.itemSnapshot?.name ?? '',
        district: row.addressSnapshot?.district ?? null,
      }));
    },

    /** Workers who completed an order for this member (repeat customers score higher). */
    async servedWorkerIds(memberId: number): Promise<number[]> {
      const rows = await strapi.db.query(ORDER_UID).findMany({
        where: { memberId, orderStatus: 'completed' },
        select: ['id'],
        populate: { worker: { select: ['id'] } },
        orderBy: [{ id: 'desc' }],
        limit: 200,
      });
      return [...new Set(rows.map((r: any) => r.worker?.id).filter(Boolean) as number[])];
    },

    /** Accepts the order for the worker on dispatch's or an operator's behalf; the order's own checks apply. */
    async assign(orderDocumentId: string, workerId: number, actor: Exclude<AcceptActor, { type: 'worker' }> | AcceptActor): Promise<DispatchOrder> {
      await getService(strapi, 'worker-actions').accept(orderDocumentId, workerId, actor as any);
      return (await this.order({ documentId: orderDocumentId })) as DispatchOrder;
    },

    /**
     * Closes an order still waiting for a worker (its start passed): cancelled by the system,
     * with the full refund through the usual cancellation path. false when it is no longer waiting.
     */
    async closeUnaccepted(orderId: number, reason: string): Promise<boolean> {
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, select: ['id', 'orderStatus'] })) as OrderRow | null;
      if (!row || row.orderStatus !== 'pending_acceptance') return false;
      try {
        await getService(strapi, 'cancellation').cancel(orderId, { actor: { type: 'system' }, reason });
        return true;
      } catch (err: any) {
        if (err?.code === 'INVALID_TRANSITION') return false;
        throw err;
      }
    },
  };
};
