import type { Core } from '@strapi/strapi';
import { clock, zonedParts } from '../../../../../runtime/clock';
import { DomainError, notFound, validationFailed } from '../../../../../runtime/errors';
import type { ScheduleView, UpdateScheduleRequest } from '../../../shared/contracts/dispatch';
import {
  dayOff,
  defaultWeek,
  leaveProblems,
  timeConflict,
  weeklyWindowProblems,
  UNFIT_REASON_LABELS,
  type LeavePeriod,
  type WeeklyWindow,
} from '../domain';
import { getService, ordersPort, WORKER_UID } from '../utils';
import { orderTime } from './candidates';

const DAY_MS = 86_400_000;
const HORIZON_DAYS = 120;
const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as ISO, or the raw text when it is not one (the checks then name the field). */
const iso = (value: unknown) => {
  const at = new Date(value as string);
  return Number.isNaN(at.getTime()) ? String(value) : at.toISOString();
};

export interface ScheduleState {
  weekly: WeeklyWindow[];
  leave: LeavePeriod[];
  maxOrdersPerDay: number | null;
}

export interface ScheduleFieldNames {
  weekly: string;
  leave: string;
}

/**
 * A worker's schedule: weekly windows, leave and days off, daily capacity. The worker edits it
 * in the app (/api/me/schedule), operators on the 调度台 or in the worker's Content Manager page;
 * every path runs `check`: windows that overlap or end before they start are 400 with the
 * field, and a change that would leave an accepted order outside the schedule (or a day over
 * capacity) is 409 BOOKING_CONFLICT naming those orders.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'dispatch-settings').current();

  async function stateOf(workerId: number): Promise<{ documentId: string; state: ScheduleState } | null> {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { id: workerId }, select: ['id', 'documentId', 'maxOrdersPerDay'], populate: { availability: true, leave: true } });
    if (!row) return null;
    return {
      documentId: row.documentId,
      state: {
        weekly: (row.availability ?? []).map((w: any) => ({ weekday: w.weekday, start: w.start, end: w.end })),
        leave: (row.leave ?? []).map((l: any) => ({ kind: l.kind ?? 'leave', startsAt: new Date(l.startsAt).toISOString(), endsAt: new Date(l.endsAt).toISOString(), reason: l.reason ?? null })),
        maxOrdersPerDay: row.maxOrdersPerDay ?? null,
      },
    };
  }

  return {
    async view(workerId: number): Promise<ScheduleView> {
      const found = await stateOf(workerId);
      if (!found) throw notFound('服务人员不存在');
      const s = await settings();
      const { state } = found;
      const ymd = (iso: string) => {
        const p = zonedParts(new Date(iso), s.timezone);
        return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
      };
      return {
        weekly: [...state.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
        usesBusinessHours: state.weekly.length === 0,
        leave: state.leave.filter((l) => l.kind === 'leave').map((l) => ({ startsAt: l.startsAt, endsAt: l.endsAt, reason: l.reason ?? null })),
        daysOff: state.leave.filter((l) => l.kind === 'day_off').map((l) => ymd(l.startsAt)).sort(),
        maxOrdersPerDay: state.maxOrdersPerDay,
        effectiveMaxOrdersPerDay: state.maxOrdersPerDay ?? s.dispatch.maxOrdersPerDay,
        timezone: s.timezone,
      };
    },

    /** 400 for bad windows or leave; 409 BOOKING_CONFLICT when accepted orders would fall outside. */
    async check(workerId: number | null, next: ScheduleState, names: ScheduleFieldNames = { weekly: 'weekly', leave: 'leave' }): Promise<void> {
      const problems = [...weeklyWindowProblems(next.weekly, names.weekly), ...leaveProblems(next.leave, names.leave)];
      if (problems.length) throw validationFailed(problems[0].message, { field: problems[0].field, errors: problems });
      if (workerId === null) return;
      const s = await settings();
      const now = clock.now();
      const bookings = await ordersPort(strapi).bookingsOf(workerId, now, new Date(now.getTime() + HORIZON_DAYS * DAY_MS));
      const windows = next.weekly.length ? next.weekly : defaultWeek(s.businessHours);
      const conflicts: Array<{ order: string; orderNo: string; scheduledAt: string; reason: string }> = [];
      const byDay = new Map<string, typeof bookings>();
      for (const b of bookings) {
        const time = orderTime(new Date(b.scheduledAt), b.durationMinutes, s.booking.travelBufferMinutes, s.booking.slotMinutes);
        const conflict = timeConflict({ windows, leave: next.leave }, time, s.timezone);
        if (conflict) conflicts.push({ order: b.documentId, orderNo: b.orderNo, scheduledAt: b.scheduledAt, reason: UNFIT_REASON_LABELS[conflict] });
        const p = zonedParts(new Date(b.scheduledAt), s.timezone);
        const key = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
        byDay.set(key, [...(byDay.get(key) ?? []), b]);
      }
      const max = next.maxOrdersPerDay ?? s.dispatch.maxOrdersPerDay;
      for (const [, day] of byDay) {
        if (day.length <= max) continue;
        for (const b of day) {
          if (!conflicts.some((c) => c.order === b.documentId)) conflicts.push({ order: b.documentId, orderNo: b.orderNo, scheduledAt: b.scheduledAt, reason: '当日已接订单超过每日上限' });
        }
      }
      if (conflicts.length) {
        throw new DomainError('BOOKING_CONFLICT', `这样修改会影响已接的订单：${conflicts.map((c) => c.orderNo).join('、')}`, { orders: conflicts });
      }
    },

    async update(workerId: number, input: UpdateScheduleRequest): Promise<ScheduleView> {
      const found = await stateOf(workerId);
      if (!found) throw notFound('服务人员不存在');
      const s = await settings();
      const current = found.state;
      const leave: LeavePeriod[] = [
        ...(input.leave ? input.leave.map((l) => ({ kind: 'leave' as const, startsAt: l.startsAt, endsAt: l.endsAt, reason: l.reason ?? null })) : current.leave.filter((l) => l.kind === 'leave')),
        ...(input.daysOff ? [...new Set(input.daysOff)].map((d) => dayOff(d, s.timezone)) : current.leave.filter((l) => l.kind === 'day_off')),
      ];
      const next: ScheduleState = {
        weekly: input.weekly ?? current.weekly,
        leave,
        maxOrdersPerDay: input.maxOrdersPerDay === undefined ? current.maxOrdersPerDay : input.maxOrdersPerDay,
      };
      await this.check(workerId, next);
      await strapi.documents(WORKER_UID).update({
        documentId: found.documentId,
        data: {
          availability: next.weekly.map((w) => ({ weekday: w.weekday, start: w.start, end: w.end })),
          leave: next.leave.map((l) => ({ kind: l.kind, startsAt: l.startsAt, endsAt: l.endsAt, reason: l.reason ?? null })),
          maxOrdersPerDay: next.maxOrdersPerDay,
        },
      } as any);
      getService(strapi, 'worker-directory').invalidate(workerId);
      return this.view(workerId);
    },

    /**
     * Content Manager edits of a worker go through the same checks (document service middleware);
     * the API's own writes were checked already and pass again unchanged.
     */
    async checkDocumentWrite(documentId: string | undefined, data: Record<string, any>): Promise<void> {
      if (!data || !('availability' in data || 'leave' in data || 'maxOrdersPerDay' in data)) return;
      const row = documentId ? await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, select: ['id'] }) : null;
      const current = row ? (await stateOf(row.id))?.state : undefined;
      const next: ScheduleState = {
        weekly: Array.isArray(data.availability) ? data.availability.map((w: any) => ({ weekday: Number(w.weekday), start: w.start, end: w.end })) : (current?.weekly ?? []),
        leave: Array.isArray(data.leave)
          ? data.leave.map((l: any) => ({ kind: l.kind ?? 'leave', startsAt: iso(l.startsAt), endsAt: iso(l.endsAt), reason: l.reason ?? null }))
          : (current?.leave ?? []),
        maxOrdersPerDay: 'maxOrdersPerDay' in data ? (data.maxOrdersPerDay ?? null) : (current?.maxOrdersPerDay ?? null),
      };
      await this.check(row?.id ?? null, next, { weekly: 'availability', leave: 'leave' });
    },
  };
};
