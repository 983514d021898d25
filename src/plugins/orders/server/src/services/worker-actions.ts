import type { Core } from '@strapi/strapi';
import { DomainError, forbidden, notFound } from '../../../../../runtime/errors';
import { amountOutstanding, slotsFor, type OrderEvent } from '../domain';
import { transaction } from '../../../../../runtime/transaction';
import { getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';
import type { TransitionRequest } from './transition';

type ProgressEvent = Extract<OrderEvent, 'depart' | 'arrive' | 'start' | 'pause' | 'resume' | 'complete' | 'release'>;

const STAMP: Partial<Record<ProgressEvent, string>> = {
  depart: 'departedAt',
  arrive: 'arrivedAt',
  start: 'startedAt',
};

/**
 * What a worker does with an order: accept it (holding their time), then report progress.
 * The dispatch plugin adds offers and grab/assign modes on top of `accept`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const eligibility = () => getService(strapi, 'eligibility');
  const transition = () => getService(strapi, 'transition');

  async function orderById(documentId: string) {
    const row = await strapi.db.query(ORDER_UID).findOne({
      where: { documentId },
      populate: { worker: { select: ['id'] }, preferredWorker: { select: ['id'] } },
    });
    if (!row) throw notFound('订单不存在');
    return row as OrderRow & { worker?: { id: number }; preferredWorker?: { id: number } };
  }

  return {
    /**
     * Accept by a worker (actor worker) or assign by an operator/dispatch (actor operator/system).
     * `first` is a transition run in the same transaction just before (an operator's reassign), so
     * a refused assignment leaves the order as it was instead of unassigned.
     */
    async accept(
      documentId: string,
      workerId: number,
      actor: { type: 'worker' | 'operator' | 'system'; id?: number },
      options: { first?: TransitionRequest } = {},
    ) {
      const order = await orderById(documentId);
      const worker = await eligibility().workerById(workerId);
      if (!worker) throw notFound('服务人员不存在');
      if (order.preferredWorker && order.preferredWorker.id !== worker.id && actor.type === 'worker') {
        // Reserved for the worker the member chose; other workers do not see it as available.
        throw notFound('订单不存在');
      }
      const reason = eligibility().unfitReason(worker, {
        item: { skillIds: order.itemSnapshot?.skillIds ?? [] },
        cityAdcode: order.addressSnapshot?.city,
        genderPreference: order.requirements?.genderPreference,
      });
      if (reason) throw actor.type === 'worker' ? forbidden(reason) : new DomainError('WORKER_UNAVAILABLE', reason);

      const settings = await strapi.service('api::settings.platform-setting').current();
      const slots = slotsFor(new Date(order.scheduledAt), order.durationMinutes, settings.booking.travelBufferMinutes, settings.booking.slotMinutes);
      // Dispatch's rules (offers, schedules, daily capacity) through the dispatch port, when installed.
      const policy = getService(strapi, 'dispatch-port').acceptPolicy();
      const context = { orderId: order.id, orderDocumentId: order.documentId, workerId: worker.id, actor };
      try {
        await policy?.before?.(context);
        return await transaction(strapi, async () => {
          if (options.first) await transition().apply(order.id, options.first);
          return transition().apply(order.id, {
            event: 'accept',
            actor,
            data: { worker: worker.documentId },
            within: async ({ trx, row }) => {
              await policy?.within?.({ ...context, trx });
              await eligibility().reserveSlots(trx, worker.id, row.id, slots);
            },
            patch: (_row, _to, now) => ({ worker: worker.id, acceptedAt: now }),
          });
        });
      } catch (err) {
        throw policy?.failed ? await policy.failed(err, context) : err;
      }
    },

    /** depart … complete and release, by the order's own worker. */
    async progress(documentId: string, workerUserId: number, event: ProgressEvent, reason?: string) {
      const order = await orderById(documentId);
      const worker = await eligibility().workerForUser(workerUserId);
      if (order.worker?.id !== worker.id) throw notFound('订单不存在');
      return transition().apply(order.id, {
        event,
        actor: { type: 'worker', id: workerUserId },
        reason,
        data: event === 'release' && order.preferredWorker ? { preferredWorkerCleared: true } : undefined,
        guard: event === 'complete' ? { balanceDue: amountOutstanding(order) } : undefined,
        within:
          event === 'release' || event === 'complete'
            ? async ({ trx, row }) => {
                // A released order is open again; a completed one no longer holds future time.
                await eligibility().releaseSlots(trx, row.id);
              }
            : undefined,
        patch: (_row, to, now) => {
          const patch: Record<string, unknown> = {};
          const stamp = STAMP[event];
          if (stamp) patch[stamp] = now;
          if (event === 'complete' && to === 'completed') patch.completedAt = now;
          // The member's chosen worker gave the order back: keeping the choice would leave it
          // reserved for nobody, so it goes back to open dispatch.
          if (event === 'release') Object.assign(patch, { worker: null, acceptedAt: null, preferredWorker: null });
          return patch;
        },
      });
    },
  };
};
