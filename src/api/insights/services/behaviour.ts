import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { runtime } from '../../../runtime';
import { createBatchBuffer, type BatchBuffer } from '../../../runtime/batch-buffer';
import { clock } from '../../../runtime/clock';
import type { OrderStatusMessage } from '../../../plugins/orders/shared/contracts/orders-loyalty';
import { nextDailyRun } from '../../marketing/domain/coupon-status';
import { setRecorder, type BehaviourEvent } from '../recorder';

export const UID = 'api::insights.behaviour-event';
export const BEHAVIOUR_RETENTION_QUEUE = 'behaviour-retention';
const ORDER_UID = 'plugin::orders.order';
const REVIEW_UID = 'api::feedback.review';
const BATCH_ROWS = 200;
/** BEHAVIOUR_FLUSH_MS=0 turns the timer off (tests flush by hand; a full batch still goes out). */
const flushEveryMs = () => {
  const value = Number(process.env.BEHAVIOUR_FLUSH_MS ?? 2_000);
  return Number.isFinite(value) && value >= 0 ? value : 2_000;
};
/** How often the on/off setting is read again: never per request. */
const SETTINGS_EVERY_MS = 30_000;
const PURGE_CHUNK = 5_000;
const BUSINESS_UTC_OFFSET_MINUTES = 480;

const documentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(24);
  return 'b' + Array.from(bytes.subarray(1), (b) => alphabet[b % alphabet.length]).join('');
};

const clip = (value: unknown, max: number): string | null => (value === undefined || value === null || value === '' ? null : String(value).slice(0, max));

/**
 * Behaviour events (行为数据) for insights and recommendation. Requests and after-commit
 * messages only push into an in-memory buffer; the buffer writes up to 200 rows in one
 * multi-row INSERT when full or every 2 s, and once more on shutdown. Rows may be lost with a
 * crash, by design. Messages every instance hears (orders.status over Redis) carry an
 * `eventKey` under a unique index and are inserted with "on conflict do nothing", so each is
 * stored once however many instances heard it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let buffer: BatchBuffer<BehaviourEvent> | null = null;
  let enabled = true;
  let settingsTimer: NodeJS.Timeout | null = null;
  const unsubscribes: Array<() => Promise<void>> = [];

  async function refreshSettings(): Promise<boolean> {
    try {
      enabled = (await strapi.service('api::settings.platform-setting').current()).behaviour.enabled !== false;
    } catch (err) {
      strapi.log.warn(`insights: could not read the behaviour setting: ${(err as Error).message}`);
    }
    return enabled;
  }

  /** One multi-row insert, straight through knex: no per-row lifecycles, no link tables. */
  async function write(rows: BehaviourEvent[]): Promise<void> {
    if (!enabled || !rows.length) return;
    const meta = strapi.db.metadata.get(UID) as any;
    const column = (name: string) => meta.attributes[name]?.columnName ?? name;
    const now = new Date();
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {
        [column('documentId')]: documentId(),
        [column('userRef')]: row.userId ?? null,
        [column('deviceId')]: clip(row.deviceId, 64),
        [column('kind')]: row.kind,
        [column('subjectType')]: clip(row.subjectType, 30),
        [column('subjectId')]: clip(row.subjectId, 80),
        [column('city')]: clip(row.city, 6),
        [column('at')]: row.at,
        [column('meta')]: row.meta ? JSON.stringify(row.meta) : null,
        [column('eventKey')]: clip(row.key, 120),
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
      };
      if (meta.attributes.publishedAt) record[column('publishedAt')] = now;
      return record;
    });
    await strapi.db.connection(meta.tableName).insert(records).onConflict(column('eventKey')).ignore();
  }

  function record(event: BehaviourEvent): void {
    if (!enabled || !buffer) return;
    buffer.push(event);
  }

  /** Pushes once the surrounding transaction commits (a rolled-back order was never booked). */
  async function recordAfterCommit(event: BehaviourEvent): Promise<void> {
    if (!strapi.db.inTransaction()) return record(event);
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => record(event)));
  }

  function onOrderStatus(message: OrderStatusMessage): void {
    const paid = (message.from === 'pending_payment' && message.status !== 'cancelled') || (message.from === 'pending_final_payment' && message.status === 'completed');
    if (!paid) return;
    record({
      kind: 'pay',
      userId: message.memberId,
      subjectType: 'order',
      subjectId: message.order,
      city: message.city,
      at: new Date(message.at),
      meta: { orderNo: message.orderNo, stage: message.from === 'pending_final_payment' ? 'final' : 'first' },
      key: `pay:${message.order}:${message.from}:${message.status}`,
    });
  }

  async function scheduleRetention(now: Date = clock.now()): Promise<void> {
    const { slot, at } = nextDailyRun(now, BUSINESS_UTC_OFFSET_MINUTES);
    await runtime().queue.add(BEHAVIOUR_RETENTION_QUEUE, {}, { jobId: `behaviour-retention-${slot}`, delayMs: Math.max(0, at.getTime() - now.getTime()), attempts: 3 });
  }

  return {
    record,
    refreshSettings,

    /** Writes whatever is buffered now (shutdown, tests). */
    async flush(): Promise<void> {
      await buffer?.flush();
    },

    /** Events waiting in this instance's buffer. */
    pending(): number {
      return buffer?.size ?? 0;
    },

    /** Deletes events older than behaviour.retentionDays; returns how many. */
    async purge(now: Date = clock.now()): Promise<number> {
      const { retentionDays } = (await strapi.service('api::settings.platform-setting').current()).behaviour;
      const cutoff = new Date(now.getTime() - Math.max(1, retentionDays) * 86_400_000);
      let deleted = 0;
      // In chunks: one huge DELETE would hold its locks for as long as it runs.
      for (;;) {
        const rows = await strapi.db.query(UID).findMany({ where: { at: { $lt: cutoff } }, select: ['id'], orderBy: { id: 'asc' }, limit: PURGE_CHUNK });
        if (!rows.length) break;
        const { count } = await strapi.db.query(UID).deleteMany({ where: { id: { $in: rows.map((r: { id: number }) => r.id) } } });
        deleted += count;
        if (rows.length < PURGE_CHUNK) break;
      }
      return deleted;
    },

    /** A member's most recently viewed service items (documentIds, newest first, distinct). */
    async recentItemViews(userId: number, limit = 20): Promise<string[]> {
      const rows = await strapi.db.query(UID).findMany({
        where: { userRef: userId, kind: 'view_item' },
        select: ['subjectId'],
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        limit: limit * 5,
      });
      return [...new Set(rows.map((r: { subjectId: string }) => r.subjectId).filter(Boolean))].slice(0, limit) as string[];
    },

    async register(): Promise<void> {
      await refreshSettings();
      buffer = createBatchBuffer<BehaviourEvent>({
        write,
        maxRows: BATCH_ROWS,
        intervalMs: flushEveryMs(),
        onError: (err, rows) => strapi.log.warn(`insights: ${rows} behaviour event(s) not written yet: ${(err as Error).message}`),
      });
      setRecorder({ record });
      settingsTimer = setInterval(() => void refreshSettings(), SETTINGS_EVERY_MS);
      settingsTimer.unref();

      unsubscribes.push(await runtime().pubsub.subscribe<OrderStatusMessage>('orders.status', onOrderStatus));
      strapi.db.lifecycles.subscribe({
        models: [ORDER_UID, REVIEW_UID],
        async afterCreate(event: any) {
          const data = event.params?.data ?? {};
          const result = event.result ?? {};
          if (event.model.uid === ORDER_UID) {
            await recordAfterCommit({
              kind: 'book',
              userId: data.memberId ?? null,
              subjectType: 'service-item',
              subjectId: data.itemSnapshot?.documentId ?? null,
              at: clock.now(),
              meta: { order: result.documentId, orderNo: data.orderNo, total: data.total },
              key: result.documentId ? `book:${result.documentId}` : undefined,
            });
          } else {
            await recordAfterCommit({
              kind: 'review',
              userId: typeof data.member === 'number' ? data.member : (data.member?.id ?? null),
              subjectType: 'order',
              subjectId: data.orderRef ?? null,
              at: clock.now(),
              meta: { serviceItem: typeof data.serviceItem === 'number' ? data.serviceItem : null, rating: data.rating != null ? Number(data.rating) : null },
              key: data.orderRef ? `review:${data.orderRef}` : undefined,
            });
          }
        },
      });

      runtime().queue.process(BEHAVIOUR_RETENTION_QUEUE, async () => {
        try {
          const deleted = await this.purge();
          if (deleted) strapi.log.info(`insights: ${deleted} behaviour event(s) past retention deleted`);
        } finally {
          await scheduleRetention();
        }
      });
      await scheduleRetention();
    },

    /** Shutdown: stop listening, write what is left. */
    async stop(): Promise<void> {
      setRecorder(null);
      if (settingsTimer) clearInterval(settingsTimer);
      for (const unsubscribe of unsubscribes.splice(0)) await unsubscribe().catch(() => undefined);
      await buffer?.close();
      buffer = null;
    },
  };
};
