import type { TestApp } from './strapi';
import { placeOrder, type OrderWorld } from './orders';

const ORDER_UID = 'plugin::orders.order';
const PAYMENT_UID = 'plugin::payments.payment';
const REFUND_UID = 'plugin::payments.refund';
const EVENT_UID = 'plugin::orders.order-event';

const pause = (ms: number) => new Promise<void>((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

export interface RaceTally {
  paidWon: number;
  timeoutWon: number;
}

/**
 * The unpaid timeout fires while a payment of the same order commits, `rounds` times with the
 * two started at shifting offsets. Whatever the interleaving: a payment the order recorded keeps
 * the order paid (the timeout does nothing); a timeout that won closed the order before any
 * payment landed, and the late payment is refunded in full.
 */
export async function raceUnpaidTimeoutAgainstPayment(app: TestApp, w: OrderWorld, rounds: number): Promise<RaceTally> {
  const { strapi } = app;
  const payments = strapi.plugin('payments');
  const timeout = strapi.plugin('orders').service('unpaid-timeout');
  const tally: RaceTally = { paidWon: 0, timeoutWon: 0 };

  for (let round = 0; round < rounds; round++) {
    const placed = await placeOrder(app.http, w, 2 + Math.floor(round / 5), 8 + 2 * (round % 5));
    const order = await strapi.db.query(ORDER_UID).findOne({ where: { documentId: placed.documentId }, select: ['id', 'memberId', 'total'] });
    const { payment } = await payments.service('checkout').payOrder(order.memberId, placed.documentId, { channel: 'sandbox' });

    // Offsets in both directions: timeout first, payment first, both on the same tick.
    const offset = (round % 7) - 3;
    const [closed, confirmed] = await Promise.all([
      pause(Math.max(0, -offset)).then(() => timeout.runNow(order.id) as Promise<boolean>),
      pause(Math.max(0, offset)).then(() =>
        payments
          .service('sandbox')
          .confirm(order.memberId, payment.documentId)
          // The timeout won and its channel close already went through: the member can no longer pay.
          .catch((err: any) => {
            if (err?.code !== 'INVALID_TRANSITION') throw err;
            return { status: 'closed' };
          }),
      ),
    ]);

    const after = await strapi.db.query(ORDER_UID).findOne({ where: { id: order.id } });
    const events = await strapi.db.query(EVENT_UID).findMany({ where: { orderRef: order.id }, orderBy: { id: 'asc' } });
    const paidEvent = events.find((e: any) => e.event === 'pay');
    const cancelEvent = events.find((e: any) => e.event === 'cancel');
    const paymentRow = await strapi.db.query(PAYMENT_UID).findOne({ where: { documentId: payment.documentId } });
    const refunds = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentRow.id } });
    const refunded = refunds.filter((r: any) => r.refundStatus === 'success').reduce((sum: number, r: any) => sum + r.amount, 0);
    const context = `round ${round} (offset ${offset}): order ${after.orderStatus}, timeout ${closed}, payment ${confirmed.status}, events ${events.map((e: any) => e.event).join(',')}`;

    // The money arrived, or the channel order was closed before the member could pay.
    expect({ context, payment: paymentRow.paymentStatus }).toEqual({ context, payment: expect.stringMatching(/^(paid|refunded|closed)$/) });
    if (paidEvent) {
      // The payment committed first: it wins, the timeout did nothing, nothing goes back.
      expect({ context, status: after.orderStatus, closed, cancelled: Boolean(cancelEvent), refunded }).toEqual({
        context,
        status: 'pending_acceptance',
        closed: false,
        cancelled: false,
        refunded: 0,
      });
      expect(after.paid).toBe(order.total);
      tally.paidWon++;
    } else {
      // The timeout committed first: the order is closed and the late payment returned in full.
      expect({ context, status: after.orderStatus, closed, cancelledBy: cancelEvent?.actorType, refunded }).toEqual({
        context,
        status: 'cancelled',
        closed: true,
        cancelledBy: 'system',
        refunded: paymentRow.paymentStatus === 'closed' ? 0 : payment.amount,
      });
      expect(after.paid).toBe(0);
      tally.timeoutWon++;
    }
  }
  return tally;
}

/**
 * The exact interleaving that used to cancel paid orders: the timeout has looked at the order
 * (unpaid) and the payment commits before the timeout writes. Forced here by letting the payment
 * run while the timeout reads the platform settings, which it does before its transaction.
 */
export async function paymentLandsWhileTimeoutDecides(app: TestApp, w: OrderWorld, day: number, hour: number) {
  const { strapi } = app;
  const payments = strapi.plugin('payments');
  const placed = await placeOrder(app.http, w, day, hour);
  const order = await strapi.db.query(ORDER_UID).findOne({ where: { documentId: placed.documentId }, select: ['id', 'memberId', 'total'] });
  const { payment } = await payments.service('checkout').payOrder(order.memberId, placed.documentId, { channel: 'sandbox' });

  const settings = strapi.service('api::settings.platform-setting') as any;
  const current = settings.current;
  let landed: Promise<unknown> | undefined;
  settings.current = async function (...args: unknown[]) {
    const value = await current.apply(this, args);
    if (!landed) {
      landed = payments.service('sandbox').confirm(order.memberId, payment.documentId);
      await landed;
    }
    return value;
  };
  let closed: boolean;
  try {
    closed = await strapi.plugin('orders').service('unpaid-timeout').runNow(order.id);
  } finally {
    settings.current = current;
  }
  expect(landed).toBeDefined();
  const after = await strapi.db.query(ORDER_UID).findOne({ where: { id: order.id } });
  const paymentRow = await strapi.db.query(PAYMENT_UID).findOne({ where: { documentId: payment.documentId } });
  const refunds = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentRow.id } });
  expect({ closed, status: after.orderStatus, paid: after.paid, payment: paymentRow.paymentStatus, refunds: refunds.length }).toEqual({
    closed: false,
    status: 'pending_acceptance',
    paid: order.total,
    payment: 'paid',
    refunds: 0,
  });
}
