import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { transaction } from '../../../../../runtime/transaction';
import type { OrderConfirmedMessage } from '../../../shared/contracts/orders-loyalty';
import { autoConfirmDeadline, autoConfirmDue, type ConfirmedBy } from '../domain';
import { EVENT_UID, getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';

export const AUTO_CONFIRM_QUEUE = 'orders-auto-confirm';
const HOUR_MS = 3_600_000;
const POPULATE = { city: { select: ['adcode'] }, worker: { select: ['id'], populate: { user: { select: ['id'] } } } };

const jobId = (documentId: string) => `confirm-${documentId}`;

/**
 * 确认完成 (issue 12). A completed order stays `completed`; confirmation is `confirmedAt` /
 * `confirmedBy` on it, written by a conditional update (only while still unconfirmed) with a
 * `confirmed` timeline row in the same transaction, and announced on `orders.confirmed` after
 * commit. The member confirms, 客服 may confirm for them, and the system confirms
 * booking.autoConfirmHours after completion: a delayed job per order, plus a sweep at boot for
 * jobs the in-process queue forgot.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.service('api::settings.platform-setting').current();
  const hoursOf = (s: { booking: { autoConfirmHours?: number } }) => s.booking.autoConfirmHours ?? 72;

  const message = (row: OrderRow): OrderConfirmedMessage => ({
    order: row.documentId,
    orderNo: row.orderNo,
    memberId: row.memberId,
    confirmedBy: row.confirmedBy!,
    confirmedAt: new Date(row.confirmedAt!).toISOString(),
    city: row.city?.adcode ?? null,
  });

  const service = {
    /**
     * Fields the completing transition writes with `completed` (transition.ts): the deadline, and
     * the confirmation itself when the platform confirms at completion (autoConfirmHours = 0).
     */
    async onCompleting(now: Date): Promise<Record<string, unknown>> {
      const hours = hoursOf(await settings());
      return hours === 0 ? { autoConfirmAt: now, confirmedAt: now, confirmedBy: 'system' } : { autoConfirmAt: autoConfirmDeadline(now, hours) };
    },

    /** The timeline row of a confirmation, inside the caller's transaction. */
    async recordConfirmed(orderId: number, by: ConfirmedBy, actorId: number | null, at: Date, reason?: string | null) {
      await strapi.db.query(EVENT_UID).create({
        data: { order: orderId, orderRef: orderId, event: 'confirmed', fromStatus: 'completed', toStatus: 'completed', actorType: by, actorId, reason: reason ?? null, data: { confirmedBy: by }, at },
      });
    },

    /** After the completing transaction committed: announce an immediate confirmation, or schedule the automatic one. */
    async afterCompleted(row: OrderRow): Promise<void> {
      if (row.confirmedAt) {
        await getService(strapi, 'notify').confirmed(message(row), row.worker?.user?.id ?? null);
        return;
      }
      if (!row.autoConfirmAt) return;
      const delayMs = Math.max(0, new Date(row.autoConfirmAt).getTime() - clock.now().getTime());
      await runtime().queue.add(AUTO_CONFIRM_QUEUE, { orderId: row.id }, { jobId: jobId(row.documentId), delayMs });
    },

    /**
     * Confirms a completed order; confirming it again answers with the order as it is
     * (`changed: false`). Not completed (yet, or cancelled) → 409 INVALID_TRANSITION.
     */
    async confirm(orderId: number, by: ConfirmedBy, actorId: number | null, reason?: string | null): Promise<{ row: OrderRow; changed: boolean }> {
      const now = clock.now();
      let changed = false;
      const row = await transaction(strapi, async () => {
        const current = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, select: ['id', 'orderStatus', 'confirmedAt'] })) as OrderRow | null;
        if (!current) throw notFound('订单不存在');
        if (current.orderStatus !== 'completed') {
          throw new DomainError('INVALID_TRANSITION', '服务完成后才能确认完成', { from: current.orderStatus, event: 'confirm', actor: by });
        }
        if (!current.confirmedAt) {
          // Only while still unconfirmed: of a member's tap and the job landing together, one writes.
          const { count } = await strapi.db.query(ORDER_UID).updateMany({
            where: { id: orderId, orderStatus: 'completed', confirmedAt: { $null: true } },
            data: { confirmedAt: now, confirmedBy: by },
          });
          if (count === 1) {
            await service.recordConfirmed(orderId, by, actorId, now, reason);
            // The worker's earning becomes settleable with the confirmation or not at all.
            await getService(strapi, 'settlement-port').orderConfirmed(orderId, now);
            changed = true;
          }
        }
        return (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, populate: POPULATE })) as OrderRow;
      });
      if (changed) {
        await runtime().queue.remove(AUTO_CONFIRM_QUEUE, jobId(row.documentId)).catch(() => undefined);
        await getService(strapi, 'notify').confirmed(message(row), row.worker?.user?.id ?? null);
      }
      return { row, changed };
    },

    /** What the job does: confirm as `system` if the deadline has passed; true when this call confirmed it. */
    async autoConfirm(orderId: number): Promise<boolean> {
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, select: ['id', 'orderStatus', 'completedAt', 'autoConfirmAt', 'confirmedAt'] })) as OrderRow | null;
      if (!row || !autoConfirmDue(row, clock.now(), hoursOf(await settings()))) return false;
      return (await service.confirm(orderId, 'system', null)).changed;
    },

    /** Confirms every completed order past its deadline; returns how many it confirmed. */
    async sweep(): Promise<number> {
      const now = clock.now();
      const hours = hoursOf(await settings());
      const rows = await strapi.db.query(ORDER_UID).findMany({
        where: {
          orderStatus: 'completed',
          confirmedAt: { $null: true },
          $or: [{ autoConfirmAt: { $lte: now } }, { autoConfirmAt: { $null: true }, completedAt: { $lte: new Date(now.getTime() - hours * HOUR_MS) } }],
        },
        select: ['id'],
        orderBy: { id: 'asc' },
        limit: 1000,
      });
      let confirmed = 0;
      for (const row of rows) if (await service.autoConfirm(row.id)) confirmed++;
      return confirmed;
    },

    register(): void {
      runtime().queue.process<{ orderId: number }>(AUTO_CONFIRM_QUEUE, async ({ orderId }) => {
        await service.autoConfirm(orderId);
      });
    },
  };
  return service;
};
