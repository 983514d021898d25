import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import type { DispatchOrder } from '../../../../orders/shared/contracts/orders-dispatch';
import type { OfferView } from '../../../shared/contracts/dispatch';
import type { DispatchMode, OfferState } from '../domain';
import { getService, OFFER_UID, ordersPort } from '../utils';
import type { RankedCandidate } from './candidates';

export const OFFER_TIMEOUT_QUEUE = 'dispatch-offer-timeout';

export interface OfferRow {
  id: number;
  documentId: string;
  taskId: number;
  orderId: number;
  orderDocumentId: string;
  workerId: number;
  workerUserId: number | null;
  mode: DispatchMode;
  round: number;
  offerState: OfferState;
  score: number | null;
  distanceMeters: number | null;
  breakdown: Record<string, number> | null;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

/** Exclusive offers: one worker at a time may accept (派单, the member's pick, batch). */
export const isExclusive = (mode: DispatchMode) => mode !== 'grab';

/**
 * Offers made to workers: created open with an expiry, then accepted (by the acceptance
 * policy, in the accepting transaction), rejected by the worker, expired by their timeout job
 * or the sweep, or withdrawn when someone else took the order. Every change is a conditional
 * update on `open`, so a timeout and a reject arriving together count once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const events = () => getService(strapi, 'dispatch-events');

  async function closeOpen(where: Record<string, unknown>, state: OfferState): Promise<OfferRow[]> {
    const open = (await strapi.db.query(OFFER_UID).findMany({ where: { ...where, offerState: 'open' } })) as OfferRow[];
    const closed: OfferRow[] = [];
    for (const offer of open) {
      const { count } = await strapi.db.query(OFFER_UID).updateMany({
        where: { id: offer.id, offerState: 'open' },
        data: { offerState: state, respondedAt: clock.now() },
      });
      if (count === 1) closed.push(offer);
    }
    return closed;
  }

  return {
    async create(
      task: { id: number },
      order: DispatchOrder,
      candidate: RankedCandidate,
      options: { mode: DispatchMode; round: number; timeoutSeconds: number; scheduleTimeout: boolean },
    ): Promise<OfferRow> {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + options.timeoutSeconds * 1000);
      const offer = (await strapi.db.query(OFFER_UID).create({
        data: {
          taskId: task.id,
          orderId: order.id,
          orderDocumentId: order.documentId,
          workerId: candidate.worker.id,
          workerUserId: candidate.worker.userId,
          mode: options.mode,
          round: options.round,
          offerState: 'open',
          score: candidate.score,
          distanceMeters: candidate.distanceMeters,
          breakdown: candidate.breakdown,
          offeredAt: now,
          expiresAt,
        },
      })) as OfferRow;
      if (options.scheduleTimeout) {
        await runtime().queue.add(OFFER_TIMEOUT_QUEUE, { offerId: offer.id }, { jobId: `offer-${offer.id}`, delayMs: options.timeoutSeconds * 1000 });
      }
      events().offer(candidate.worker.userId, {
        order: order.documentId,
        expiresAt: expiresAt.toISOString(),
        mode: options.mode,
        orderNo: order.orderNo,
        serviceName: order.serviceItem.name,
        scheduledAt: order.scheduledAt,
        distanceMeters: candidate.distanceMeters,
      });
      return offer;
    },

    async ofOrder(orderId: number): Promise<OfferRow[]> {
      return (await strapi.db.query(OFFER_UID).findMany({ where: { orderId }, orderBy: [{ id: 'asc' }] })) as OfferRow[];
    },

    async ofWorkerOnOrder(orderId: number, workerId: number): Promise<OfferRow[]> {
      return (await strapi.db.query(OFFER_UID).findMany({ where: { orderId, workerId }, orderBy: [{ id: 'desc' }] })) as OfferRow[];
    },

    /** The timeout job: true when this call expired the offer (it was still open). */
    async expire(offerId: number): Promise<OfferRow | null> {
      const [closed] = await closeOpen({ id: offerId }, 'expired');
      if (closed) events().offerClosed([closed.workerUserId], { order: closed.orderDocumentId, reason: 'expired' });
      return closed ?? null;
    },

    /** Offers whose time is up by the business clock (the sweep; the in-process queue forgets its timers on restart). */
    async expireDue(now: Date): Promise<OfferRow[]> {
      const closed = await closeOpen({ expiresAt: { $lte: now } }, 'expired');
      for (const c of closed) events().offerClosed([c.workerUserId], { order: c.orderDocumentId, reason: 'expired' });
      return closed;
    },

    async expireRound(taskId: number, round: number): Promise<OfferRow[]> {
      const closed = await closeOpen({ taskId, round }, 'expired');
      events().offerClosed(closed.map((c) => c.workerUserId), { order: closed[0]?.orderDocumentId ?? '', reason: 'expired' });
      return closed;
    },

    /** Someone took the order, or it was cancelled: the other open offers end. */
    async withdrawAll(orderId: number, reason: 'taken' | 'cancelled' | 'withdrawn'): Promise<OfferRow[]> {
      const closed = await closeOpen({ orderId }, 'withdrawn');
      if (closed.length) events().offerClosed(closed.map((c) => c.workerUserId), { order: closed[0].orderDocumentId, reason });
      for (const c of closed) await runtime().queue.remove(OFFER_TIMEOUT_QUEUE, `offer-${c.id}`).catch(() => undefined);
      return closed;
    },

    /**
     * POST /api/orders/:id/reject by the worker holding the offer: 404 when the order was never
     * offered to them, 409 OFFER_EXPIRED when their offer already ended.
     */
    async reject(orderDocumentId: string, workerId: number): Promise<OfferRow> {
      const order = await ordersPort(strapi).order({ documentId: orderDocumentId });
      if (!order) throw notFound('订单不存在');
      const mine = await this.ofWorkerOnOrder(order.id, workerId);
      if (!mine.length) throw notFound('订单不存在');
      const open = mine.find((o) => o.offerState === 'open');
      if (!open) throw new DomainError('OFFER_EXPIRED', '该派单已失效', { order: orderDocumentId });
      const [closed] = await closeOpen({ id: open.id }, 'rejected');
      if (!closed) throw new DomainError('OFFER_EXPIRED', '该派单已失效', { order: orderDocumentId });
      await runtime().queue.remove(OFFER_TIMEOUT_QUEUE, `offer-${closed.id}`).catch(() => undefined);
      return { ...closed, offerState: 'rejected' };
    },

    /** GET /api/dispatch/offers: the worker's open offers (their 派单 and the grab pool), nearest first. */
    async openFor(workerId: number): Promise<OfferView[]> {
      const now = clock.now();
      const rows = (await strapi.db.query(OFFER_UID).findMany({
        where: { workerId, offerState: 'open', expiresAt: { $gt: now } },
        orderBy: [{ distanceMeters: 'asc' }, { id: 'asc' }],
        limit: 100,
      })) as OfferRow[];
      const views: OfferView[] = [];
      for (const row of rows) {
        const order = await ordersPort(strapi).order({ id: row.orderId });
        if (!order || order.status !== 'pending_acceptance') continue;
        views.push({
          documentId: row.documentId,
          order: order.documentId,
          orderNo: order.orderNo,
          mode: row.mode,
          state: row.offerState,
          expiresAt: new Date(row.expiresAt).toISOString(),
          distanceMeters: row.distanceMeters ?? null,
          score: row.score ?? null,
          serviceItem: { documentId: order.serviceItem.documentId, name: order.serviceItem.name },
          scheduledAt: order.scheduledAt,
          durationMinutes: order.durationMinutes,
          district: order.district,
          total: order.total,
        });
      }
      return views.sort((a, b) => (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity));
    },
  };
};
