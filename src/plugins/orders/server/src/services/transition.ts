import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { transaction, updateRelations } from '../../../../../runtime/transaction';
import { nextStatus, type OrderActor, type OrderEvent, type OrderStatus, type TransitionGuard } from '../domain';
import { EVENT_UID, getService, ORDER_UID } from '../utils';
import type { OrderRow } from './order-view';

export interface Actor {
  type: OrderActor;
  /** users-permissions user id for members and workers, admin user id for operators. */
  id?: number | null;
}

export interface TransitionRequest {
  event: OrderEvent;
  actor: Actor;
  reason?: string | null;
  guard?: TransitionGuard;
  /**
   * Statuses this request may start from, checked on the row read inside the transaction (the
   * unpaid timeout cancels `pending_payment` only, never an order a payment moved on meanwhile).
   */
  onlyFrom?: OrderStatus[];
  /** Extra fields written with the status (attribute names), e.g. { acceptedAt, worker }. */
  patch?: (row: OrderRow, to: OrderStatus, now: Date) => Record<string, unknown>;
  /** Extra work inside the same transaction (slot rows, refunds owed…); throwing rolls all back. */
  within?: (ctx: { trx: any; row: OrderRow; to: OrderStatus; now: Date }) => Promise<void>;
  data?: Record<string, unknown>;
}

const RELATIONS = {
  worker: { select: ['id', 'documentId'], populate: { user: { select: ['id'] } } },
  city: { select: ['adcode'] },
};

function splitPatch(patch: Record<string, unknown>) {
  const attributes = (strapi.getModel(ORDER_UID) as any).attributes as Record<string, { type: string }>;
  const scalars: Record<string, unknown> = {};
  const relations: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) (attributes[key]?.type === 'relation' ? relations : scalars)[key] = value;
  return { scalars, relations };
}

/**
 * The one way an order changes status: in a transaction, compute the next status from the
 * transition table, update the row only if it is still in the status we read (a concurrent
 * change makes the update miss and the request fail with INVALID_TRANSITION), and append the
 * order-event. Notifications go out after commit.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(orderId: number, request: TransitionRequest): Promise<OrderRow> {
    const now = clock.now();
    const nested = strapi.db.inTransaction();
    let change: { row: OrderRow; from: OrderStatus; to: OrderStatus } | undefined;

    let onCommitOfOuter: ((callback: () => void) => void) | undefined;
    const updated = await transaction(strapi, async ({ trx, onCommit }) => {
      onCommitOfOuter = onCommit;
      const row = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId } })) as OrderRow | null;
      if (!row) throw notFound('订单不存在');
      const from = row.orderStatus;
      if (request.onlyFrom && !request.onlyFrom.includes(from)) {
        throw new DomainError('INVALID_TRANSITION', '订单状态已变化，请刷新后重试', { from, event: request.event, actor: request.actor.type });
      }
      const to = nextStatus(from, request.event, request.actor.type, request.guard);
      await request.within?.({ trx, row, to, now });
      const { scalars, relations } = splitPatch(request.patch?.(row, to, now) ?? {});
      // Completion starts the wait for the member's 确认完成 (or confirms at once when the platform says so).
      const confirming = to === 'completed' && from !== 'completed' ? await getService(strapi, 'confirmation').onCompleting(now) : null;
      if (confirming) Object.assign(scalars, confirming);
      const { count } = await strapi.db.query(ORDER_UID).updateMany({
        where: { id: orderId, orderStatus: from },
        data: { ...scalars, orderStatus: to },
      });
      if (count !== 1) {
        throw new DomainError('INVALID_TRANSITION', '订单状态已变化，请刷新后重试', { from, event: request.event, actor: request.actor.type });
      }
      // updateMany writes columns only; relations (worker) go to their link tables in this transaction.
      if (Object.keys(relations).length) await updateRelations(strapi, trx, ORDER_UID, orderId, relations);
      await strapi.db.query(EVENT_UID).create({
        data: {
          order: orderId,
          orderRef: orderId,
          event: request.event,
          fromStatus: from,
          toStatus: to,
          actorType: request.actor.type,
          actorId: request.actor.id ?? null,
          reason: request.reason ?? null,
          data: request.data ?? null,
          at: now,
        },
      });
      if (confirming?.confirmedAt) await getService(strapi, 'confirmation').recordConfirmed(orderId, 'system', null, now);
      // Every path to completed (worker, operator step, final payment) recognises the revenue with the status.
      if (to === 'completed') await getService(strapi, 'settlement-port').orderCompleted(orderId, now);
      const fresh = (await strapi.db.query(ORDER_UID).findOne({ where: { id: orderId }, populate: RELATIONS })) as OrderRow;
      change = { row: fresh, from, to };
      return fresh;
    });

    if (change) {
      const { row, from, to } = change;
      const publish = async () => {
        await getService(strapi, 'notify').statusChanged({
          order: row.documentId,
          orderNo: row.orderNo,
          status: to,
          from,
          at: now.toISOString(),
          memberId: row.memberId,
          workerUserId: row.worker?.user?.id ?? null,
          city: row.city?.adcode ?? null,
        });
        if (to === 'completed' && from !== 'completed') {
          // Committed already: a job that failed to schedule is caught by the boot sweep, not by failing the request.
          await getService(strapi, 'confirmation').afterCompleted(row).catch((err: Error) => strapi.log.error(`orders: auto-confirm of ${row.orderNo} not scheduled: ${err.message}`));
        }
      };
      if (nested) {
        // Part of a larger unit (a payment notification): tell nobody until that unit commits.
        onCommitOfOuter!(() => void publish().catch((err: Error) => strapi.log.error(`orders: status notification failed: ${err.message}`)));
      } else {
        await publish();
      }
    }
    return updated;
  },

  /** Appends a timeline entry that is not a status change (e.g. "refund requested"). */
  async note(trxOrderId: number, entry: { event: string; status: OrderStatus; actor: Actor; reason?: string; data?: Record<string, unknown> }) {
    await strapi.db.query(EVENT_UID).create({
      data: {
        order: trxOrderId,
        orderRef: trxOrderId,
        event: entry.event,
        fromStatus: entry.status,
        toStatus: entry.status,
        actorType: entry.actor.type,
        actorId: entry.actor.id ?? null,
        reason: entry.reason ?? null,
        data: entry.data ?? null,
        at: clock.now(),
      },
    });
  },
});
