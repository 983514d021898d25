import type { Core } from '@strapi/strapi';
import { adminCityScope } from '../../../../../bootstrap/city-scope';
import { clock, fromZonedTime, startOfZonedDay } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import type { DispatchOrder } from '../../../../orders/shared/contracts/orders-dispatch';
import type { BoardOrder, BoardResponse, CandidatesResponse, TimelineBlock, UpdateScheduleRequest, WorkerTimeline } from '../../../shared/contracts/dispatch';
import {
  DISPATCH_MODE_LABELS,
  LEAVE_KIND_LABELS,
  leaveRanges,
  modeFor,
  SCORE_FACTOR_LABELS,
  TASK_STATE_LABELS,
  UNFIT_REASON_LABELS,
  weeklyRanges,
  intersect,
  type TaskState,
} from '../domain';
import { getService, ordersPort, WORKER_UID } from '../utils';

export interface AdminUser {
  id: number;
  email: string;
  roles?: Array<{ code: string; name: string }>;
}

const DAY_MS = 86_400_000;

/**
 * 调度台 for operators: the pending orders of their cities with their dispatch state and
 * countdowns, candidates with score breakdown, one-click assignment, each worker's day and
 * schedule. A 城市运营 sees and touches only their cities; anything else is 404 to them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Scoped unless every dispatch action the admin holds is granted without the same-city condition.
  const scopeOf = (user: AdminUser) => adminCityScope(strapi, user, 'plugin::dispatch');

  async function scopedOrder(user: AdminUser, documentId: string): Promise<DispatchOrder> {
    const order = await ordersPort(strapi).order({ documentId });
    const scope = await scopeOf(user);
    if (!order || (scope && !scope.includes(order.cityAdcode ?? ''))) throw notFound('订单不存在');
    return order;
  }

  async function scopedWorker(user: AdminUser, documentId: string) {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, select: ['id', 'documentId', 'realName', 'maxOrdersPerDay'], populate: { city: { select: ['adcode'] } } });
    const scope = await scopeOf(user);
    if (!row || (scope && !scope.includes(row.city?.adcode ?? ''))) throw notFound('服务人员不存在');
    return row;
  }

  async function boardRow(order: DispatchOrder): Promise<BoardOrder> {
    const s = await getService(strapi, 'dispatch-settings').current();
    const task = await getService(strapi, 'dispatcher').taskOf(order.id);
    const offers = task ? await getService(strapi, 'offers').ofOrder(order.id) : [];
    const open = offers.filter((o) => o.offerState === 'open');
    const mode = task?.mode ?? modeFor(s.modes, s.dispatch.mode, order.cityAdcode, order.categorySlug);
    const state = (task?.taskState ?? null) as TaskState | null;
    return {
      documentId: order.documentId,
      orderNo: order.orderNo,
      serviceName: order.serviceItem.name,
      city: order.cityAdcode,
      cityName: order.cityName,
      category: order.categorySlug,
      categoryName: order.categoryName,
      district: order.district,
      scheduledAt: order.scheduledAt,
      durationMinutes: order.durationMinutes,
      paidAt: order.paidAt,
      mode,
      modeLabel: DISPATCH_MODE_LABELS[mode],
      taskState: state,
      taskStateLabel: state ? TASK_STATE_LABELS[state] : '待派单',
      round: task?.round ?? 0,
      offerExpiresAt: open.length ? new Date(Math.max(...open.map((o) => Date.parse(o.expiresAt)))).toISOString() : null,
      openOffers: open.length,
      preferredWorker: null,
    };
  }

  return {
    scopeOf,

    async board(user: AdminUser, filter: { city?: string; category?: string }): Promise<BoardResponse> {
      const scope = await scopeOf(user);
      const cities = filter.city ? (scope && !scope.includes(filter.city) ? [] : [filter.city]) : scope;
      const orders = await ordersPort(strapi).pendingOrders({ cityAdcodes: cities, categorySlug: filter.category, limit: 200 });
      const rows: BoardOrder[] = [];
      for (const order of orders) rows.push(await boardRow(order));
      const alerts = await getService(strapi, 'alerts').open({ cities: scope, city: filter.city });
      return { orders: rows, alerts: filter.category ? alerts.filter((a) => orders.some((o) => o.documentId === a.order) || a.kind === 'closed_unaccepted') : alerts };
    },

    async candidates(user: AdminUser, orderDocumentId: string): Promise<CandidatesResponse> {
      const order = await scopedOrder(user, orderDocumentId);
      if (order.status !== 'pending_acceptance') throw new DomainError('INVALID_TRANSITION', '订单已不在待接单状态', { status: order.status });
      const [{ candidates, unfit }, offers] = await Promise.all([
        getService(strapi, 'candidates').forOrder(order, { limit: 30, explain: true }),
        getService(strapi, 'offers').ofOrder(order.id),
      ]);
      const lastOffer = (workerId: number) => [...offers].reverse().find((o) => o.workerId === workerId)?.offerState ?? null;
      return {
        candidates: candidates.map((c) => ({
          worker: { documentId: c.worker.documentId, realName: c.worker.realName, gender: c.worker.gender, rating: c.worker.rating, experienceYears: c.worker.experienceYears, skillLevel: c.skillLevel },
          score: c.score,
          distanceMeters: c.distanceMeters,
          breakdown: c.breakdown,
          offerState: lastOffer(c.worker.id),
        })),
        unfit: unfit.slice(0, 30).map((u) => ({ worker: { documentId: u.worker.documentId, realName: u.worker.realName }, reason: u.reason, reasonLabel: UNFIT_REASON_LABELS[u.reason] })),
        factorLabels: SCORE_FACTOR_LABELS,
      };
    },

    /** One-click assignment: the order's own checks, the worker's schedule and capacity apply. */
    async assign(user: AdminUser, orderDocumentId: string, workerDocumentId: string): Promise<BoardOrder> {
      const order = await scopedOrder(user, orderDocumentId);
      const worker = await strapi.db.query(WORKER_UID).findOne({ where: { documentId: workerDocumentId }, select: ['id'] });
      if (!worker) throw new DomainError('VALIDATION_FAILED', '服务人员不存在', { field: 'worker' });
      const assigned = await ordersPort(strapi).assign(order.documentId, worker.id, { type: 'operator', id: user.id });
      return boardRow(assigned);
    },

    async timeline(user: AdminUser, workerDocumentId: string, date: string): Promise<WorkerTimeline> {
      const row = await scopedWorker(user, workerDocumentId);
      const s = await getService(strapi, 'dispatch-settings').current();
      const [year, month, day] = date.split('-').map(Number);
      const dayStart = fromZonedTime({ year, month, day }, s.timezone);
      const dayEnd = startOfZonedDay(new Date(dayStart.getTime() + DAY_MS + 12 * 3_600_000), s.timezone);
      const worker = (await getService(strapi, 'worker-directory').get([row.id], { fresh: true })).get(row.id)!;
      const window = [{ start: dayStart.getTime(), end: dayEnd.getTime() }];
      const blocks: TimelineBlock[] = [];
      for (const r of weeklyRanges(worker.windows, dayStart.getTime(), dayEnd.getTime(), s.timezone)) {
        blocks.push({ kind: 'available', start: new Date(r.start).toISOString(), end: new Date(r.end).toISOString(), label: '可接单' });
      }
      for (const l of worker.leave) {
        for (const r of intersect(leaveRanges([l]), window)) {
          blocks.push({ kind: 'leave', start: new Date(r.start).toISOString(), end: new Date(r.end).toISOString(), label: l.reason ? `${LEAVE_KIND_LABELS[l.kind]}：${l.reason}` : LEAVE_KIND_LABELS[l.kind] });
        }
      }
      const bookings = await ordersPort(strapi).bookingsOf(row.id, new Date(dayStart.getTime() - DAY_MS), dayEnd);
      let ordersThatDay = 0;
      for (const b of bookings) {
        const start = Date.parse(b.scheduledAt);
        const end = start + b.durationMinutes * 60_000;
        if (end <= dayStart.getTime() || start >= dayEnd.getTime()) continue;
        if (start >= dayStart.getTime()) ordersThatDay++;
        blocks.push({ kind: 'booking', start: b.scheduledAt, end: new Date(end).toISOString(), label: `${b.orderNo} ${b.serviceName}`, order: b.documentId });
      }
      blocks.sort((a, b) => a.start.localeCompare(b.start));
      return {
        worker: { documentId: row.documentId, realName: row.realName },
        date,
        dayStart: dayStart.toISOString(),
        dayEnd: dayEnd.toISOString(),
        blocks,
        ordersThatDay,
        maxOrdersPerDay: row.maxOrdersPerDay ?? s.dispatch.maxOrdersPerDay,
      };
    },

    async schedule(user: AdminUser, workerDocumentId: string) {
      const row = await scopedWorker(user, workerDocumentId);
      return getService(strapi, 'schedule').view(row.id);
    },

    async updateSchedule(user: AdminUser, workerDocumentId: string, input: UpdateScheduleRequest) {
      const row = await scopedWorker(user, workerDocumentId);
      return getService(strapi, 'schedule').update(row.id, input);
    },

    /** Workers of the operator's cities for the timeline picker. */
    async workers(user: AdminUser, city?: string) {
      const scope = await scopeOf(user);
      const cities = city ? (scope && !scope.includes(city) ? [] : [city]) : scope;
      const rows = await strapi.db.query(WORKER_UID).findMany({
        where: { auditStatus: 'approved', employment: 'active', ...(cities ? { city: { adcode: { $in: cities.length ? cities : ['-'] } } } : {}) },
        select: ['documentId', 'realName', 'acceptingOrders'],
        populate: { city: { select: ['adcode', 'name'] } },
        orderBy: [{ realName: 'asc' }],
        limit: 500,
      });
      return rows.map((r: any) => ({ documentId: r.documentId, realName: r.realName, city: r.city?.adcode ?? null, cityName: r.city?.name ?? null, acceptingOrders: r.acceptingOrders !== false }));
    },

    async resolveAlert(user: AdminUser, id: number): Promise<void> {
      if (!(await getService(strapi, 'alerts').resolve(id, user.id, await scopeOf(user)))) throw notFound('提醒不存在或已处理');
    },

    now: () => clock.now().toISOString(),
  };
};
