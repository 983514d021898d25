import type { Core } from '@strapi/strapi';
import { adminCityScope } from '../../../../../bootstrap/city-scope';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { EXCEPTION_STATUSES, ORDER_EXCEPTION_LABELS, orderExceptions, ORDER_STATUS_LABELS, parseDateFilter, type ExceptionRules, type OrderStatus } from '../domain';
import { getService, ORDER_UID } from '../utils';
import { toOrderView, type OrderRow } from './order-view';

export interface AdminUser {
  id: number;
  email: string;
  roles?: Array<{ code: string; name: string }>;
}

export interface MonitorFilters {
  status?: OrderStatus[];
  city?: string;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
  exceptionsOnly?: boolean;
  page: number;
  pageSize: number;
}

const POPULATE = {
  worker: { select: ['documentId', 'realName', 'gender', 'rating'], populate: { user: { select: ['phone'] } } },
  city: { select: ['adcode', 'name'] },
  category: { select: ['slug', 'name'] },
};


/**
 * 订单监控 for operators: filtered lists with exceptions flagged, details with the timeline,
 * cancel / reassign / assign with a reason. A 城市运营 only ever sees and touches orders of
 * their cities; out-of-scope orders are 404 to them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** undefined = every city; [] = none. */
  // Scoped unless every orders action the admin holds is granted without the same-city condition.
  const scopeOf = (user: AdminUser) => adminCityScope(strapi, user, 'plugin::orders');

  async function whereFor(user: AdminUser, filters: Partial<MonitorFilters>, timezone?: string) {
    const scope = await scopeOf(user);
    const and: Record<string, unknown>[] = [];
    if (scope) and.push({ city: { adcode: { $in: scope.length ? scope : ['-'] } } });
    if (filters.city) and.push({ city: { adcode: filters.city } });
    if (filters.status?.length) and.push({ orderStatus: { $in: filters.status } });
    if (filters.category) and.push({ category: { slug: filters.category } });
    if (filters.from) and.push({ scheduledAt: { $gte: parseDateFilter(filters.from, 'from', timezone) } });
    if (filters.to) and.push({ scheduledAt: { $lt: parseDateFilter(filters.to, 'to', timezone) } });
    if (filters.q) and.push({ orderNo: { $containsi: filters.q } });
    return and.length ? { $and: and } : {};
  }

  const rulesOf = (settings: { booking: { acceptanceTimeoutMinutes: number }; exceptions: ExceptionRules }): ExceptionRules => ({
    ...settings.exceptions,
    acceptanceTimeoutMinutes: settings.booking.acceptanceTimeoutMinutes,
  });

  async function adminView(row: OrderRow & { category?: { slug: string; name: string } | null }, now: Date, rules: ExceptionRules) {
    const view = toOrderView(row, { kind: 'operator' });
    const exceptions = orderExceptions(row, now, rules);
    return {
      ...view,
      id: row.id,
      category: row.category ? { slug: row.category.slug, name: row.category.name } : null,
      workerName: row.worker?.realName ?? null,
      exceptions: exceptions.map((code) => ({ code, label: ORDER_EXCEPTION_LABELS[code] })),
    };
  }

  async function scopedRow(user: AdminUser, documentId: string) {
    const where = await whereFor(user, {});
    const row = await strapi.db.query(ORDER_UID).findOne({ where: { $and: [{ documentId }, where] }, select: ['id'] });
    if (!row) throw notFound('订单不存在');
    return row as { id: number };
  }

  return {
    scopeOf,

    async list(user: AdminUser, filters: MonitorFilters) {
      const settings = await strapi.service('api::settings.platform-setting').current();
      const now = clock.now();
      const where = await whereFor(user, filters, settings.timezone);
      const timeout = rulesOf(settings);
      if (filters.exceptionsOnly) {
        // Exceptions depend on the clock, so they are computed over the open orders in scope.
        const open = await strapi.db.query(ORDER_UID).findMany({
          where: { $and: [where, { orderStatus: { $in: [...EXCEPTION_STATUSES] } }] },
          populate: POPULATE,
          orderBy: [{ scheduledAt: 'asc' }],
          limit: 2000,
        });
        const flagged = [];
        for (const row of open as OrderRow[]) {
          if (orderExceptions(row, now, timeout).length) flagged.push(await adminView(row, now, timeout));
        }
        const start = (filters.page - 1) * filters.pageSize;
        return {
          data: flagged.slice(start, start + filters.pageSize),
          pagination: { page: filters.page, pageSize: filters.pageSize, total: flagged.length, pageCount: Math.ceil(flagged.length / filters.pageSize) },
        };
      }
      const [rows, total] = await Promise.all([
        strapi.db.query(ORDER_UID).findMany({
          where,
          populate: POPULATE,
          orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
          offset: (filters.page - 1) * filters.pageSize,
          limit: filters.pageSize,
        }),
        strapi.db.query(ORDER_UID).count({ where }),
      ]);
      const data = [];
      for (const row of rows as OrderRow[]) data.push(await adminView(row, now, timeout));
      return { data, pagination: { page: filters.page, pageSize: filters.pageSize, total, pageCount: Math.ceil(total / filters.pageSize) } };
    },

    async detail(user: AdminUser, documentId: string) {
      const { id } = await scopedRow(user, documentId);
      const settings = await strapi.service('api::settings.platform-setting').current();
      const row = (await strapi.db.query(ORDER_UID).findOne({
        where: { id },
        populate: {
          ...POPULATE,
          preferredWorker: { select: ['documentId', 'realName', 'gender', 'rating'] },
          member: { select: ['id', 'username', 'nickname', 'phone'] },
          parent: { select: ['documentId'] },
          children: { select: ['documentId', 'orderNo', 'scheduledAt', 'orderStatus'] },
          userCoupon: { select: ['documentId'] },
          events: { orderBy: { id: 'asc' } },
        },
      })) as any;
      const view = await adminView(row, clock.now(), rulesOf(settings));
      return {
        ...view,
        member: row.member ? { id: row.member.id, nickname: row.member.nickname ?? row.member.username, phone: row.member.phone ?? null } : null,
        evidence: await getService(strapi, 'evidence').viewOf(row.events ?? []),
        statusLabels: ORDER_STATUS_LABELS,
      };
    },

    async cancel(user: AdminUser, documentId: string, reason: string, waiveFee: boolean) {
      const { id } = await scopedRow(user, documentId);
      await getService(strapi, 'cancellation').cancel(id, { actor: { type: 'operator', id: user.id }, reason, waiveFee });
      return this.detail(user, documentId);
    },

    /** Confirms a completed order on the member's behalf (idempotent: a confirmed order is answered as it is). */
    async confirm(user: AdminUser, documentId: string, reason: string) {
      const { id } = await scopedRow(user, documentId);
      await getService(strapi, 'confirmation').confirm(id, 'operator', user.id, reason);
      return this.detail(user, documentId);
    },

    /**
     * Takes the order off its worker (before service starts) and optionally gives it to another,
     * in one transaction: a refused assignment leaves the order with its worker. The member's
     * preferred worker is cleared, or the order would stay reserved for them.
     */
    async reassign(user: AdminUser, documentId: string, reason: string, workerDocumentId?: string) {
      const { id } = await scopedRow(user, documentId);
      const current = (await strapi.db.query(ORDER_UID).findOne({ where: { id }, populate: { preferredWorker: { select: ['id'] } } })) as any;
      const actor = { type: 'operator' as const, id: user.id };
      const release = {
        event: 'reassign' as const,
        actor,
        reason,
        data: { ...(workerDocumentId ? { to: workerDocumentId } : {}), ...(current?.preferredWorker ? { preferredWorkerCleared: true } : {}) },
        within: async ({ trx }: { trx: any }) => getService(strapi, 'eligibility').releaseSlots(trx, id),
        patch: () => ({ worker: null, acceptedAt: null, departedAt: null, arrivedAt: null, preferredWorker: null }),
      };
      if (workerDocumentId) {
        const worker = await strapi.db.query('api::people.worker').findOne({ where: { documentId: workerDocumentId }, select: ['id'] });
        if (!worker) throw new DomainError('VALIDATION_FAILED', '服务人员不存在', { field: 'worker' });
        await getService(strapi, 'worker-actions').accept(documentId, worker.id, actor, { first: release });
      } else {
        await getService(strapi, 'transition').apply(id, release);
      }
      return this.detail(user, documentId);
    },

    async stepForWorker(user: AdminUser, documentId: string, step: 'depart' | 'arrive' | 'start' | 'pause' | 'resume' | 'complete', reason: string, position: { lat: number; lng: number } | null) {
      await scopedRow(user, documentId);
      await getService(strapi, 'worker-actions').stepForWorker(documentId, user.id, step, reason, { position });
      return this.detail(user, documentId);
    },

    async assign(user: AdminUser, documentId: string, workerDocumentId: string) {
      await scopedRow(user, documentId);
      const worker = await strapi.db.query('api::people.worker').findOne({ where: { documentId: workerDocumentId }, select: ['id'] });
      if (!worker) throw new DomainError('VALIDATION_FAILED', '服务人员不存在', { field: 'worker' });
      await getService(strapi, 'worker-actions').accept(documentId, worker.id, { type: 'operator', id: user.id });
      return this.detail(user, documentId);
    },
  };
};
