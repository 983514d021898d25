import type { Core } from '@strapi/strapi';
import { runtime } from '../../../runtime';
import { TICKET_TYPE_LABELS, type TicketType } from '../domain/ticket';

export const TICKET_NOTICE_QUEUE = 'ticket-notice';
export const TICKET_REPLIED_CODE = 'ticket_replied';
const EXCERPT_LENGTH = 30;

export interface TicketRepliedNotice {
  ticket: string;
  memberId: number;
  replyId: number;
  type: TicketType;
  content: string;
}

const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text);

/**
 * Tells a member that 客服 answered their ticket (in-app notice + socket `notification`, and SMS
 * when a template is active). Queued from the reply's commit and keyed by the reply row, so a
 * rolled-back or replayed reply is never announced twice and a notifier outage never undoes one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  replied(notice: TicketRepliedNotice): void {
    runtime()
      .queue.add(TICKET_NOTICE_QUEUE, notice, { jobId: `ticket-replied-${notice.replyId}`, attempts: 3 })
      .catch((err: Error) => strapi.log.warn(`feedback: could not queue the reply notice of ticket ${notice.ticket}: ${err.message}`));
  },

  register(): void {
    runtime().queue.process<TicketRepliedNotice>(TICKET_NOTICE_QUEUE, async (notice) => {
      const result = await strapi.service('api::notify.notifier').send(
        notice.memberId,
        TICKET_REPLIED_CODE,
        { typeLabel: TICKET_TYPE_LABELS[notice.type], excerpt: excerpt(notice.content) },
        { ticket: notice.ticket },
      );
      if (result.errors.length) strapi.log.warn(`feedback: reply notice to user ${notice.memberId}: ${result.errors.join('; ')}`);
    });
  },
});
