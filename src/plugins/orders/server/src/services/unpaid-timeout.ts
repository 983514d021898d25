import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { getService, ORDER_UID } from '../utils';

export const UNPAID_QUEUE = 'orders-unpaid-timeout';
const DAY_MS = 86_400_000;

/**
 * Unpaid orders close by themselves: a delayed job per order (BullMQ keeps it across restarts;
 * the in-process queue does not, so boot also sweeps overdue orders). A recurring series' later
 * occurrences are due one day before they start, not minutes after booking.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async deadline(row: { createdAt: string; scheduledAt: string; parent?: unknown }, timeoutMinutes: number): Promise<Date> {
    const created = new Date(row.createdAt).getTime();
    const byTimeout = created + timeoutMinutes * 60_000;
    if (!row.parent) return new Date(byTimeout);
    return new Date(Math.max(byTimeout, new Date(row.scheduledAt).getTime() - DAY_MS));
  },

  /** Schedules the order and its recurring children. */
  async scheduleFor(orderId: number): Promise<void> {
    const settings = await strapi.service('api::settings.platform-setting').current();
    const rows = await strapi.db.query(ORDER_UID).findMany({
      where: { $or: [{ id: orderId }, { parent: { id: orderId } }], orderStatus: 'pending_payment' },
      select: ['id', 'documentId', 'createdAt', 'scheduledAt'],
      populate: { parent: { select: ['id'] } },
    });
    const now = clock.now().getTime();
    for (const row of rows) {
      const due = await this.deadline(row, settings.booking.unpaidTimeoutMinutes);
      await runtime().queue.add(UNPAID_QUEUE, { orderId: row.id }, { jobId: `unpaid-${row.documentId}`, delayMs: Math.max(0, due.getTime() - now) });
    }
  },

  async cancelJob(documentId: string): Promise<void> {
    await runtime().queue.remove(UNPAID_QUEUE, `unpaid-${documentId}`);
  },

  /** Closes every unpaid order whose deadline has passed; returns how many it closed. */
  async sweep(): Promise<number> {
    const settings = await strapi.service('api::settings.platform-setting').current();
    const rows = await strapi.db.query(ORDER_UID).findMany({
      where: { orderStatus: 'pending_payment' },
      select: ['id', 'createdAt', 'scheduledAt'],
      populate: { parent: { select: ['id'] } },
      limit: 1000,
    });
    const now = clock.now().getTime();
    let closed = 0;
    for (const row of rows) {
      if ((await this.deadline(row, settings.booking.unpaidTimeoutMinutes)).getTime() > now) continue;
      if (await getService(strapi, 'cancellation').closeUnpaid(row.id)) closed++;
    }
    return closed;
  },

  register(): void {
    runtime().queue.process<{ orderId: number }>(UNPAID_QUEUE, async ({ orderId }) => {
      await getService(strapi, 'cancellation').closeUnpaid(orderId);
    });
  },

  /** Applies what the job would do, for an order whose deadline has passed (tests, sweeps). */
  async runNow(orderId: number): Promise<boolean> {
    return getService(strapi, 'cancellation').closeUnpaid(orderId);
  },
});
