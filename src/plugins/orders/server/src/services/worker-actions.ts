import type { Core } from '@strapi/strapi';
import { toZonedIso } from '../../../../../runtime/clock';
import { DomainError, forbidden, notFound } from '../../../../../runtime/errors';
import type { Knex } from 'knex';
import type { LatLng } from '../../../../../runtime/geo';
import { lockRow } from '../../../../../runtime/row-lock';
import { amountOutstanding, assertDepartOpen, checkArrival, completionBlockedByEvidence, slotsFor, type OrderEvent } from '../domain';
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
      const settings = await strapi.service('api::settings.platform-setting').current();
      const reason = eligibility().unfitReason(worker, {
        item: { skillIds: order.itemSnapshot?.skillIds ?? [] },
        cityAdcode: order.addressSnapshot?.city,
        genderPreference: order.requirements?.genderPreference,
        serviceDay: toZonedIso(new Date(order.scheduledAt), settings.timezone).slice(0, 10),
      });
      if (reason) throw actor.type === 'worker' ? forbidden(reason) : new DomainError('WORKER_UNAVAILABLE', reason);

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
    async progress(documentId: string, workerUserId: number, event: ProgressEvent, reason?: string, extra: { position?: LatLng | null } = {}) {
      const worker = await eligibility().workerForUser(workerUserId);
      return step(documentId, event, { type: 'worker', id: workerUserId }, { workerId: worker.id, reason, position: extra.position });
    },

    /**
     * A step an operator performs for the order's worker (no signal, phone dead): the same guards,
     * a required reason, and the order-event records the operator and the worker it was done for.
     */
    async stepForWorker(documentId: string, operatorId: number, event: Exclude<ProgressEvent, 'release'>, reason: string, extra: { position?: LatLng | null } = {}) {
      return step(documentId, event, { type: 'operator', id: operatorId }, { reason, position: extra.position });
    },
  };

  async function step(
    documentId: string,
    event: ProgressEvent,
    actor: { type: 'worker' | 'operator'; id: number },
    options: { workerId?: number; reason?: string; position?: LatLng | null },
  ) {
    const order = await orderById(documentId);
    if (options.workerId !== undefined && order.worker?.id !== options.workerId) throw notFound('订单不存在');
    const settings = await strapi.service('api::settings.platform-setting').current();
    const data: Record<string, unknown> = {};
    if (actor.type === 'operator') {
      const worker = order.worker ? await eligibility().workerById(order.worker.id) : null;
      if (!worker) throw new DomainError('INVALID_TRANSITION', '订单还没有服务人员，不能代为操作', { event });
      data.onBehalfOf = worker.documentId;
    }
    if (event === 'release' && order.preferredWorker) data.preferredWorkerCleared = true;
    if (event === 'arrive') {
      const arrival = checkArrival(order.addressSnapshot, options.position ?? null, settings.booking.arrivalFlagMeters);
      Object.assign(data, { position: arrival.position, distanceMeters: arrival.distanceMeters, arrivalFlag: arrival.flag });
    }
    return transition().apply(order.id, {
      event,
      actor,
      reason: options.reason,
      data: Object.keys(data).length ? data : undefined,
      guard: event === 'complete' ? { balanceDue: amountOutstanding(order) } : undefined,
      within: async ({ trx, row, now }) => {
        // Checked again under the row lock: a reassignment between our read and this transaction
        // must not let the previous worker move an order that is now someone else's.
        await lockRow(strapi.db.connection as unknown as Knex, trx, 'orders', row.id);
        const current = (await strapi.db.query(ORDER_UID).findOne({ where: { id: row.id }, populate: { worker: { select: ['id'] } } })) as { worker?: { id: number } | null };
        const expected = options.workerId ?? order.worker?.id;
        if (!current.worker || current.worker.id !== expected) throw notFound('订单不存在');
        if (event === 'depart') assertDepartOpen(new Date(row.scheduledAt), now, settings.booking.departLeadMinutes);
        if (event === 'complete' && completionBlockedByEvidence(await getService(strapi, 'evidence').entries(row.id), settings.booking.completionPhotoRequired)) {
          throw new DomainError('EVIDENCE_REQUIRED', '请先上传至少一张服务后照片再完成服务', { kind: 'after' });
        }
        // A released order is open again; a completed one no longer holds future time.
        if (event === 'release' || event === 'complete') await eligibility().releaseSlots(trx, row.id);
      },
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
  }
};
