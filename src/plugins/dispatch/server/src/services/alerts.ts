import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import type { AlertKindValue, BoardAlert } from '../../../shared/contracts/dispatch';
import { ALERT_UID, getService } from '../utils';

export const ALERT_KIND_LABELS: Readonly<Record<AlertKindValue, string>> = {
  no_candidates: '无可派师傅',
  no_acceptance: '派单无人接',
  manual: '待人工派单',
  closed_unaccepted: '超时未接单已关闭',
};

interface AlertOrder {
  id: number;
  documentId: string;
  orderNo: string;
  cityAdcode: string | null;
}

const toView = (row: any): BoardAlert => ({
  id: row.id,
  order: row.orderDocumentId,
  orderNo: row.orderNo ?? null,
  city: row.cityAdcode ?? null,
  kind: row.kind,
  kindLabel: ALERT_KIND_LABELS[row.kind as AlertKindValue] ?? row.kind,
  message: row.message,
  at: new Date(row.createdAt).toISOString(),
});

/**
 * 调度提醒: what the city's operators must act on. Each alert is a row (the 调度台 lists the open
 * ones) and a socket event to the city's ops room; one open alert per order and kind.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async raise(order: AlertOrder, kind: AlertKindValue, message: string): Promise<BoardAlert | null> {
    const open = await strapi.db.query(ALERT_UID).findOne({ where: { orderId: order.id, kind, resolvedAt: null }, select: ['id'] });
    if (open) return null;
    const row = await strapi.db.query(ALERT_UID).create({
      data: { orderId: order.id, orderDocumentId: order.documentId, orderNo: order.orderNo, cityAdcode: order.cityAdcode, kind, message },
    });
    const view = toView(row);
    getService(strapi, 'dispatch-events').alert(order.cityAdcode, view);
    strapi.log.info(`dispatch: ${kind} for ${order.orderNo}: ${message}`);
    return view;
  },

  /** Open alerts of the order end once it is assigned or closed. */
  async resolveForOrder(orderId: number, kinds?: AlertKindValue[]): Promise<void> {
    await strapi.db.query(ALERT_UID).updateMany({
      where: { orderId, resolvedAt: null, ...(kinds ? { kind: { $in: kinds } } : {}) },
      data: { resolvedAt: clock.now() },
    });
  },

  async resolve(id: number, adminId: number, cities: string[] | undefined): Promise<boolean> {
    const where: Record<string, unknown> = { id, resolvedAt: null };
    if (cities) where.cityAdcode = { $in: cities.length ? cities : ['-'] };
    const { count } = await strapi.db.query(ALERT_UID).updateMany({ where, data: { resolvedAt: clock.now(), resolvedBy: adminId } });
    return count === 1;
  },

  async open(filter: { cities?: string[]; city?: string }): Promise<BoardAlert[]> {
    const and: Record<string, unknown>[] = [{ resolvedAt: null }];
    if (filter.cities) and.push({ cityAdcode: { $in: filter.cities.length ? filter.cities : ['-'] } });
    if (filter.city) and.push({ cityAdcode: filter.city });
    const rows = await strapi.db.query(ALERT_UID).findMany({ where: { $and: and }, orderBy: [{ id: 'desc' }], limit: 100 });
    return rows.map(toView);
  },
});
