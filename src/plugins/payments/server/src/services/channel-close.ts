import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { transaction } from '../../../../../runtime/transaction';
import { getService, PAYMENT_UID } from '../utils';

export const CHANNEL_CLOSE_QUEUE = 'payments-channel-close';
const ATTEMPTS = 6;
const BACKOFF_MS = 2_000;

/**
 * When an order is cancelled or its price changes, its open channel orders must close (WeChat
 * close, Alipay alipay.trade.close; UnionPay has no close for a consume and lapses at
 * payTimeout) so the member cannot pay an amount the order no longer asks for. The deciding
 * transaction stamps `closeRequestedAt` on the open payments (the outbox row); after commit a
 * retried job asks the channel and closes. A payment that the channel reports paid meanwhile
 * goes through the notify pipeline like any late payment (and is refunded there).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Call inside the transaction that cancels or re-prices the order. */
  async requestForOrder(orderId: number): Promise<number> {
    const open = await strapi.db.query(PAYMENT_UID).findMany({
      where: { orderRef: orderId, paymentStatus: 'created', channel: { $ne: 'balance' } },
      select: ['id', 'outTradeNo'],
    });
    if (open.length === 0) return 0;
    await strapi.db.query(PAYMENT_UID).updateMany({
      where: { id: { $in: open.map((p: { id: number }) => p.id) }, paymentStatus: 'created' },
      data: { closeRequestedAt: clock.now() },
    });
    const enqueue = () => {
      for (const payment of open) {
        this.enqueue(payment).catch((err: Error) => strapi.log.warn(`payments: could not queue the close of ${payment.outTradeNo} (the boot sweep will): ${err.message}`));
      }
    };
    if (strapi.db.inTransaction()) await transaction(strapi, async ({ onCommit }) => onCommit(enqueue));
    else enqueue();
    return open.length;
  },

  async enqueue(payment: { id: number; outTradeNo: string }) {
    await runtime().queue.add(CHANNEL_CLOSE_QUEUE, { paymentId: payment.id }, { jobId: `close-${payment.outTradeNo}`, attempts: ATTEMPTS, backoffMs: BACKOFF_MS });
  },

  /** The job: returns what it found. Throws (and is retried) while the channel cannot be reached. */
  async close(paymentId: number): Promise<'settled' | 'paid' | 'closed'> {
    const followUp = getService(strapi, 'follow-up');
    const found = await followUp.queryOpen(paymentId);
    if (found.state !== 'open') return found.state;
    await followUp.closeOpen(found.payment, found.provider, found.answer.status);
    await followUp.cancel(found.payment.outTradeNo);
    return 'closed';
  },

  /** Closes requested before a crash or restart are picked up again. */
  async sweep(): Promise<number> {
    const due = await strapi.db.query(PAYMENT_UID).findMany({
      where: { paymentStatus: 'created', closeRequestedAt: { $notNull: true } },
      select: ['id', 'outTradeNo'],
      limit: 1000,
    });
    for (const payment of due) await this.enqueue(payment);
    return due.length;
  },

  register() {
    runtime().queue.process<{ paymentId: number }>(CHANNEL_CLOSE_QUEUE, async ({ paymentId }) => {
      await this.close(paymentId);
    });
  },
});
