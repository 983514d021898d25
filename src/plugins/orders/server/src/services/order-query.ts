import type { Core } from '@strapi/strapi';
import { notFound } from '../../../../../runtime/errors';
import { isOrderStatus, type OrderStatus } from '../domain';
import { getService, ORDER_UID } from '../utils';
import { toOrderView, type OrderRow, type OrderView } from './order-view';

const LIST_POPULATE = {
  worker: { select: ['documentId', 'realName', 'gender', 'rating'], populate: { user: { select: ['phone'] } } },
  city: { select: ['adcode', 'name'] },
};

const DETAIL_POPULATE = {
  ...LIST_POPULATE,
  preferredWorker: { select: ['documentId', 'realName', 'gender', 'rating'] },
  parent: { select: ['documentId'] },
  children: { select: ['documentId', 'orderNo', 'scheduledAt', 'orderStatus'], orderBy: { scheduledAt: 'asc' } },
  userCoupon: { select: ['documentId'] },
  events: { orderBy: { id: 'asc' } },
};

export type OrderDetailView = OrderView & { evidence: Awaited<ReturnType<ReturnType<typeof import('./evidence').default>['viewOf']>> };

export interface Requester {
  userId: number;
  isWorker: boolean;
}

/**
 * Reading orders as their participants: a member sees their own orders, a worker the orders
 * assigned to them (and, when also a member, their own bookings). Anything else is 404.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function workerId(userId: number): Promise<number | null> {
    const row = await strapi.db.query('api::people.worker').findOne({ where: { user: { id: userId } }, select: ['id'] });
    return row?.id ?? null;
  }

  async function participantFilter(requester: Requester) {
    const mine: Record<string, unknown>[] = [{ memberId: requester.userId }];
    const wid = requester.isWorker ? await workerId(requester.userId) : null;
    if (wid) mine.push({ worker: { id: wid } });
    return { filter: { $or: mine }, workerId: wid };
  }

  /** The detail view carries the worker's before/after photos, as URLs valid for this reading. */
  async function withEvidence(row: OrderRow, view: OrderView): Promise<OrderDetailView> {
    return { ...view, evidence: await getService(strapi, 'evidence').viewOf(row.events ?? []) };
  }

  return {
    async list(requester: Requester, query: { status?: OrderStatus[]; page: number; pageSize: number; as?: 'member' | 'worker' }) {
      const { filter, workerId: wid } = await participantFilter(requester);
      const scope =
        query.as === 'worker' ? (wid ? { worker: { id: wid } } : { id: -1 }) : query.as === 'member' ? { memberId: requester.userId } : filter;
      const where = { ...scope, ...(query.status?.length ? { orderStatus: { $in: query.status } } : {}) };
      const [rows, total] = await Promise.all([
        strapi.db.query(ORDER_UID).findMany({
          where,
          populate: LIST_POPULATE,
          orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        strapi.db.query(ORDER_UID).count({ where }),
      ]);
      return {
        data: (rows as OrderRow[]).map((row) => toOrderView(row, viewerFor(row, requester.userId, wid))),
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
      };
    },

    async detail(requester: Requester, documentId: string): Promise<OrderDetailView> {
      const { filter, workerId: wid } = await participantFilter(requester);
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { documentId, ...filter }, populate: DETAIL_POPULATE })) as OrderRow | null;
      if (!row) throw notFound('订单不存在');
      return withEvidence(row, toOrderView(row, viewerFor(row, requester.userId, wid)));
    },

    /** The row behind a documentId, if this requester takes part in it. */
    async participantRow(requester: Requester, documentId: string): Promise<OrderRow> {
      const { filter } = await participantFilter(requester);
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { documentId, ...filter } })) as OrderRow | null;
      if (!row) throw notFound('订单不存在');
      return row;
    },

    async view(orderId: number, requester: Requester): Promise<OrderDetailView> {
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, populate: DETAIL_POPULATE })) as OrderRow;
      const wid = requester.isWorker ? await workerId(requester.userId) : null;
      return withEvidence(row, toOrderView(row, viewerFor(row, requester.userId, wid)));
    },

    parseStatuses(value: unknown): OrderStatus[] | undefined {
      if (value === undefined || value === '') return undefined;
      const list = String(value).split(',').map((s) => s.trim());
      return list.every(isOrderStatus) ? (list as OrderStatus[]) : (null as never);
    },
  };
};

function viewerFor(row: OrderRow, userId: number, workerId: number | null) {
  if (row.memberId === userId) return { kind: 'member' as const };
  return { kind: 'worker' as const, isAssigned: workerId !== null && row.worker?.id === workerId };
}

