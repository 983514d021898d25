import type { Core } from '@strapi/strapi';
import { runtime } from '../../../runtime';
import { clock } from '../../../runtime/clock';
import { nextDailyRun } from '../domain/coupon-status';

export const COUPON_EXPIRY_QUEUE = 'marketing-coupon-expiry';
export const WELCOME_COUPONS_QUEUE = 'marketing-welcome-coupons';
/** Business days start at midnight Asia/Shanghai (UTC+8, no daylight saving). */
const BUSINESS_UTC_OFFSET_MINUTES = 480;
const USER_UID = 'plugin::users-permissions.user';

/**
 * Background work of the coupon module, on the shared job queue:
 * - the nightly expiry sweep, one job per business day (the job id makes it run on one instance
 *   on Redis; every boot also runs today's, since embedded timers die with the process);
 * - 新人券 for each new user, queued after the user row commits and retried until it is visible.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const centre = () => strapi.service('api::marketing.coupon-centre') as any;

  async function scheduleNext(now: Date = clock.now()): Promise<void> {
    const { slot, at } = nextDailyRun(now, BUSINESS_UTC_OFFSET_MINUTES);
    await runtime().queue.add(COUPON_EXPIRY_QUEUE, {}, { jobId: `coupon-expiry-${slot}`, delayMs: Math.max(0, at.getTime() - now.getTime()), attempts: 3 });
  }

  async function queueWelcome(userId: number): Promise<void> {
    await runtime().queue.add(WELCOME_COUPONS_QUEUE, { userId }, { jobId: `welcome-coupons-${userId}`, attempts: 5, backoffMs: 1000 });
  }

  return {
    scheduleNext,

    async register(): Promise<void> {
      runtime().queue.process(COUPON_EXPIRY_QUEUE, async () => {
        try {
          const count = await centre().expireDue();
          if (count) strapi.log.info(`marketing: ${count} user coupon(s) expired`);
        } finally {
          await scheduleNext();
        }
      });
      runtime().queue.process<{ userId: number }>(WELCOME_COUPONS_QUEUE, async ({ userId }) => {
        // Queued after commit, but a replica may lag: retry until the user is visible.
        const user = await strapi.db.query(USER_UID).findOne({ where: { id: userId }, select: ['id'] });
        if (!user) throw new Error(`user ${userId} not visible yet`);
        await centre().grantWelcome(userId);
      });
      const { slot } = nextDailyRun(clock.now(), BUSINESS_UTC_OFFSET_MINUTES);
      await runtime().queue.add(COUPON_EXPIRY_QUEUE, {}, { jobId: `coupon-expiry-boot-${slot - 1}`, attempts: 3 });

      strapi.db.lifecycles.subscribe({
        models: [USER_UID],
        async afterCreate(event: any) {
          const id = event.result?.id;
          if (!id) return;
          if (!strapi.db.inTransaction()) return queueWelcome(id);
          // Inside a transaction the row is not visible to the job yet: queue once it commits.
          await strapi.db.transaction(async ({ onCommit }) => {
            onCommit(() => {
              queueWelcome(id).catch((err) => strapi.log.error(`marketing: welcome coupons for user ${id} not queued: ${String(err)}`));
            });
          });
        },
      });
    },
  };
};
