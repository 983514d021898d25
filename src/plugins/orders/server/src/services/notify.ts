import type { Core } from '@strapi/strapi';
import { emitToOps, hasRealtime, realtime } from '../../../../../bootstrap/realtime';
import { runtime } from '../../../../../runtime';
import { socketRooms } from '../../../../../runtime/socket';
import type { OrderStatus } from '../domain';
import { ORDER_CONFIRMED_CHANNEL, ORDER_REFUND_CHANNEL, type OrderConfirmedMessage, type OrderRefundMessage } from '../../../shared/contracts/orders-loyalty';

export interface StatusChange {
  order: string;
  orderNo: string;
  status: OrderStatus;
  from: OrderStatus | null;
  at: string;
  memberId: number;
  workerUserId?: number | null;
  city?: string | null;
}

/**
 * Tells the member, the worker, anyone watching the order and the city's operators that an
 * order moved (socket event `order:status`), and publishes it for other plugins in-process or
 * across instances (`orders.status`). Runs after the transaction commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async statusChanged(change: StatusChange): Promise<void> {
    const payload = { order: change.order, orderNo: change.orderNo, status: change.status, from: change.from, at: change.at };
    if (hasRealtime()) {
      const rooms = [socketRooms.user(change.memberId), socketRooms.order(change.order)];
      if (change.workerUserId) rooms.push(socketRooms.user(change.workerUserId));
      realtime().emit(rooms, 'order:status', payload);
      emitToOps(change.city, 'order:status', payload);
    }
    try {
      await runtime().pubsub.publish('orders.status', { ...payload, memberId: change.memberId, city: change.city ?? null });
    } catch (err) {
      // The state change is committed; a lost broadcast must not turn into a failed request.
      strapi.log.warn(`orders: could not publish status of ${change.order}: ${(err as Error).message}`);
    }
  },

  /** Tells the order's room and other plugins (`orders.confirmed`) that a completed order was confirmed; after commit. */
  async confirmed(message: OrderConfirmedMessage, workerUserId?: number | null): Promise<void> {
    if (hasRealtime()) {
      const rooms = [socketRooms.user(message.memberId), socketRooms.order(message.order)];
      if (workerUserId) rooms.push(socketRooms.user(workerUserId));
      realtime().emit(rooms, 'order:confirmed', { order: message.order, orderNo: message.orderNo, confirmedBy: message.confirmedBy, confirmedAt: message.confirmedAt });
    }
    try {
      await runtime().pubsub.publish(ORDER_CONFIRMED_CHANNEL, message);
    } catch (err) {
      strapi.log.warn(`orders: could not publish confirmation of ${message.order}: ${(err as Error).message}`);
    }
  },

  /** Publishes money returned for an order (`orders.refund`) once the refund is on record. */
  async refunded(message: OrderRefundMessage): Promise<void> {
    try {
      await runtime().pubsub.publish(ORDER_REFUND_CHANNEL, message);
    } catch (err) {
      strapi.log.warn(`orders: could not publish refund ${message.reference} of ${message.order}: ${(err as Error).message}`);
    }
  },
});
