/**
 * What the orders plugin offers reviews (src/api/feedback) and points (src/api/marketing)
 * (server: services/loyalty-port.ts). Neither reads the orders tables: they ask here, and hear
 * about changes on the pub/sub channels below (published after the deciding transaction commits).
 */
import type { OrderStatusValue } from './orders-dispatch';

/** Channel `orders.status`: every status change. */
export interface OrderStatusMessage {
  order: string;
  orderNo: string;
  status: OrderStatusValue;
  from: OrderStatusValue | null;
  at: string;
  memberId: number;
  city: string | null;
}

/**
 * Channel `orders.confirmed`: a completed order was confirmed (确认完成) by its member, by the
 * system after booking.autoConfirmHours, or by 客服 on the member's behalf. Once per order.
 */
export const ORDER_CONFIRMED_CHANNEL = 'orders.confirmed';
export interface OrderConfirmedMessage {
  order: string;
  orderNo: string;
  memberId: number;
  confirmedBy: 'member' | 'system' | 'operator';
  confirmedAt: string;
  city: string | null;
}

/** Channel `orders.refund`: money actually returned to the member for an order. */
export const ORDER_REFUND_CHANNEL = 'orders.refund';
export interface OrderRefundMessage {
  order: string;
  orderNo: string;
  memberId: number;
  amount: number;
  /** The refund's own number (unique per refund): the idempotency key of whatever reacts. */
  reference: string;
  at: string;
}

/** An order as a review needs it. */
export interface ReviewableOrder {
  id: number;
  documentId: string;
  orderNo: string;
  status: OrderStatusValue;
  memberId: number;
  workerId: number | null;
  workerUserId: number | null;
  serviceItemId: number | null;
  completedAt: string | null;
  /** The order's city (adcode): 客户反馈 tickets about it belong to that city's operators. */
  cityAdcode: string | null;
}

/** An order's money as points need it (fen). */
export interface PointsBasis {
  documentId: string;
  orderNo: string;
  status: OrderStatusValue;
  memberId: number;
  paid: number;
  refunded: number;
}

export interface OrdersLoyaltyPort {
  reviewableOrder(documentId: string): Promise<ReviewableOrder | null>;
  pointsBasis(documentId: string): Promise<PointsBasis | null>;
  /**
   * Orders completed in [from, to), oldest first: for a catch-up of whatever a lost pub/sub
   * message should have triggered (messages are not stored; the rows are).
   */
  completedBetween(from: Date, to: Date, limit: number): Promise<PointsBasis[]>;
  /** Puts a note on the order's timeline (客服 see it in 订单监控), e.g. a bad review to follow up. */
  noteOnTimeline(orderId: number, entry: { event: 'bad_review' | 'review_hidden'; reason: string; data?: Record<string, unknown> }): Promise<void>;
}
