import type { Core } from '@strapi/strapi';
import { runtime } from '../../../runtime';
import { clock } from '../../../runtime/clock';
import { lockRow } from '../../../runtime/row-lock';
import { transaction } from '../../../runtime/transaction';
import { nextDailyRun } from '../domain/coupon-status';
import { dueExpiries, earnedWindow, expiryNoticeKey, expiryRef, noticesDue, type ExpiryDue, type LedgerEntry } from '../domain/points-expiry';
import type pointsService from './points';

export const POINTS_EXPIRY_QUEUE = 'points-expiry';
export const POINTS_EXPIRING_CODE = 'points_expiring';
const UID = 'api::marketing.points-entry';
/** Business days start at midnight Asia/Shanghai (UTC+8, no daylight saving). */
const BUSINESS_UTC_OFFSET_MINUTES = 480;
/** Buckets that fell due this far back are still looked at, should the job have been down. */
const LOOKBACK_MS = 400 * 86_400_000;
const PAGE = 500;

/** "2028-03-31": the last day the points can be used (they go at the next midnight). */
const lastDay = (expiresAt: Date) =>
  new Date(expiresAt.getTime() - 1000 + BUSINESS_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);

/**
 * The daily expiry run (积分过期): one job per business day on the queue `points-expiry` (its
 * job id lets one instance run it; each boot runs the day's again, since timers die with the
 * process). Expire entries carry the unique ref `points_expired:<member>:<month>` and are
 * computed under the member's row lock from the ledger itself, so a retried or doubled run posts
 * once; notices carry the notification's unique `dedupeKey`, so a retry never repeats one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const points = () => strapi.service('api::marketing.points') as unknown as ReturnType<typeof pointsService>;
  const settings = () => strapi.service('api::settings.platform-setting').current();

  /** Members with a positive entry posted in [from, to). */
  async function membersEarnedBetween(from: Date, to: Date): Promise<number[]> {
    const members = new Set<number>();
    if (to.getTime() <= from.getTime()) return [];
    for (let after = 0; ; ) {
      const rows = await strapi.db.query(UID).findMany({
        where: { id: { $gt: after }, delta: { $gt: 0 }, createdAt: { $gte: from, $lt: to } },
        select: ['id'],
        populate: { user: { select: ['id'] } },
        orderBy: { id: 'asc' },
        limit: PAGE,
      });
      for (const row of rows) if (row.user?.id) members.add(row.user.id);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    return [...members].sort((a, b) => a - b);
  }

  async function expireMember(memberId: number, now: Date, expireMonths: number): Promise<ExpiryDue[]> {
    return transaction(strapi, async ({ trx }) => {
      // Read the ledger under the member's lock: a concurrent spend or a second run waits, then sees the entries.
      await lockRow(strapi.db.connection, trx, 'up_users', memberId);
      const due = dueExpiries(await points().ledger(memberId), now, expireMonths);
      for (const bucket of due) {
        await points().post(trx, memberId, { delta: -bucket.points, reason: 'expire', ref: expiryRef(memberId, bucket.month), note: `积分过期（${bucket.month} 获得）` });
      }
      return due;
    });
  }

  async function noticeMember(memberId: number, now: Date, expireMonths: number, noticeDays: number): Promise<number> {
    let sent = 0;
    for (const bucket of noticesDue(await points().ledger(memberId), now, expireMonths, noticeDays)) {
      const result = await strapi.service('api::notify.notifier').send(
        memberId,
        POINTS_EXPIRING_CODE,
        { points: bucket.points, date: lastDay(bucket.expiresAt) },
        { points: bucket.points, expiresAt: bucket.expiresAt.toISOString(), month: bucket.month },
        { dedupeKey: expiryNoticeKey(memberId, bucket.month) },
      );
      if (result.errors.length) throw new Error(result.errors.join('; '));
      if (!result.duplicate) sent += 1;
    }
    return sent;
  }

  return {
    /** One run: expire what fell due, then tell members what falls due within the notice period. */
    async run(now: Date = clock.now()): Promise<{ expired: number; points: number; notices: number; failed: number }> {
      const { expireMonths, expiryNoticeDays } = (await settings()).points;
      const result = { expired: 0, points: 0, notices: 0, failed: 0 };
      if (!expireMonths || expireMonths <= 0) return result;
      const dueWindow = earnedWindow(new Date(now.getTime() - LOOKBACK_MS), now, expireMonths);
      for (const member of await membersEarnedBetween(dueWindow.from, dueWindow.to)) {
        try {
          const due = await expireMember(member, now, expireMonths);
          result.expired += due.length;
          result.points += due.reduce((sum, d) => sum + d.points, 0);
        } catch (err) {
          result.failed += 1;
          strapi.log.error(`points: expiry of member ${member} failed: ${(err as Error).message}`);
        }
      }
      if (expiryNoticeDays > 0) {
        const noticeWindow = earnedWindow(now, new Date(now.getTime() + expiryNoticeDays * 86_400_000), expireMonths);
        for (const member of await membersEarnedBetween(noticeWindow.from, noticeWindow.to)) {
          try {
            result.notices += await noticeMember(member, now, expireMonths, expiryNoticeDays);
          } catch (err) {
            result.failed += 1;
            strapi.log.error(`points: expiry notice to member ${member} failed: ${(err as Error).message}`);
          }
        }
      }
      return result;
    },

    async scheduleNext(now: Date = clock.now()): Promise<void> {
      const { slot, at } = nextDailyRun(now, BUSINESS_UTC_OFFSET_MINUTES);
      await runtime().queue.add(POINTS_EXPIRY_QUEUE, {}, { jobId: `points-expiry-${slot}`, delayMs: Math.max(0, at.getTime() - now.getTime()), attempts: 3, backoffMs: 60_000 });
    },

    async register(): Promise<void> {
      runtime().queue.process(POINTS_EXPIRY_QUEUE, async () => {
        try {
          const result = await this.run();
          if (result.expired || result.notices) strapi.log.info(`points: ${result.points} point(s) in ${result.expired} bucket(s) expired, ${result.notices} notice(s) sent`);
          // Members that failed are retried with the whole run; everyone else's work is already on record.
          if (result.failed) throw new Error(`points expiry: ${result.failed} member(s) failed`);
        } finally {
          await this.scheduleNext();
        }
      });
      const { slot } = nextDailyRun(clock.now(), BUSINESS_UTC_OFFSET_MINUTES);
      await runtime().queue.add(POINTS_EXPIRY_QUEUE, {}, { jobId: `points-expiry-boot-${slot - 1}`, attempts: 3, backoffMs: 60_000 });
    },
  };
};

export type { LedgerEntry };
