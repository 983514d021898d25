import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import type { AuditDecision } from '../../../shared/contracts/workforce';
import { NOTICE_QUEUE } from '../utils';

export interface WorkerNotice {
  userId: number;
  decision: Exclude<AuditDecision, 'submitted'>;
  reason: string;
  workerDocumentId: string;
  at: string;
}

/** Message template per decision (平台参数 → 消息模板: in-app and SMS texts). */
export const NOTICE_CODES: Record<WorkerNotice['decision'], string> = {
  approved: 'worker_approved',
  rejected: 'worker_rejected',
  suspended: 'worker_suspended',
  reinstated: 'worker_reinstated',
};

/**
 * Tells the applicant or worker about an audit decision. Queued from the deciding transaction's
 * commit, so a rolled-back decision is never announced and an SMS outage never undoes one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async enqueue(notice: WorkerNotice): Promise<void> {
    // ':' is reserved in BullMQ job ids.
    const jobId = `workforce-notice-${notice.workerDocumentId}-${notice.decision}-${Date.parse(notice.at)}`;
    await runtime().queue.add(NOTICE_QUEUE, notice, { jobId, attempts: 3 });
  },

  register(): void {
    runtime().queue.process<WorkerNotice>(NOTICE_QUEUE, async (notice) => {
      const result = await strapi.service('api::notify.notifier').send(
        notice.userId,
        NOTICE_CODES[notice.decision],
        { reason: notice.reason },
        { worker: notice.workerDocumentId, decision: notice.decision },
        { dedupeKey: `workforce:${notice.workerDocumentId}:${notice.decision}:${Date.parse(notice.at)}` },
      );
      if (result.errors.length) strapi.log.warn(`workforce: notice ${notice.decision} to user ${notice.userId}: ${result.errors.join('; ')}`);
    });
  },
});
