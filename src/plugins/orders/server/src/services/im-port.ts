import type { Core } from '@strapi/strapi';
import type { ChatOrder } from '../../../shared/contracts/orders-im';
import { ORDER_UID } from '../utils';

const SELECT = ['id', 'documentId', 'orderStatus', 'memberId', 'addressSnapshot'];
const POPULATE = { city: { select: ['adcode'] }, worker: { select: ['id'], populate: { user: { select: ['id'] } } } };

const toChatOrder = (row: any): ChatOrder => ({
  documentId: row.documentId,
  status: row.orderStatus,
  memberId: row.memberId,
  workerUserId: row.worker?.user?.id ?? null,
  cityAdcode: row.city?.adcode ?? row.addressSnapshot?.city ?? null,
});

/** The seam between orders and the im plugin (contract: shared/contracts/orders-im.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async order(documentId: string): Promise<ChatOrder | null> {
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { documentId }, select: SELECT, populate: POPULATE });
    return row ? toChatOrder(row) : null;
  },

  async orders(documentIds: string[]): Promise<ChatOrder[]> {
    if (!documentIds.length) return [];
    const rows = await strapi.db.query(ORDER_UID).findMany({ where: { documentId: { $in: documentIds } }, select: SELECT, populate: POPULATE });
    return rows.map(toChatOrder);
  },

  async latestCityOf(userId: number): Promise<string | null> {
    const row = await strapi.db.query(ORDER_UID).findOne({
      where: { memberId: userId },
      select: ['id', 'addressSnapshot'],
      populate: { city: { select: ['adcode'] } },
      orderBy: [{ id: 'desc' }],
    });
    return row?.city?.adcode ?? row?.addressSnapshot?.city ?? null;
  },
});
