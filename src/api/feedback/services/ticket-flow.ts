import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError } from '../../../runtime/errors';
import { lockRow } from '../../../runtime/row-lock';
import { transaction, updateRelations } from '../../../runtime/transaction';
import { nextTicketStatus, TICKET_EVENT_LABELS, TICKET_STATUS_LABELS, type TicketEvent, type TicketStatus } from '../domain/ticket';

const UID = 'api::feedback.ticket';
const REPLY_UID = 'api::feedback.ticket-reply';

export interface TicketReplyDraft {
  author: 'member' | 'staff';
  authorName: string;
  adminId?: number;
  content: string;
  images?: number[];
}

export interface TicketStep {
  event: TicketEvent;
  reply?: TicketReplyDraft;
  /** Scalars the event sets besides status and activity time (assignee, closedBy, resolution). */
  data?: Record<string, unknown>;
}

export interface TicketStepResult {
  ticketId: number;
  documentId: string;
  memberId: number;
  from: TicketStatus;
  to: TicketStatus;
  replyId: number | null;
  firstResponse: boolean;
}

/**
 * The one way a ticket changes status: under the ticket's row lock, the event is checked against
 * the status read, the update is conditional on that status, and the reply row is written in the
 * same transaction. `afterCommit` runs once, after the attempt that committed (a deadlock retry
 * replays the work, never the callback of a rolled-back attempt).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(ticketId: number, step: TicketStep, afterCommit?: (result: TicketStepResult) => void): Promise<TicketStepResult> {
    return transaction(strapi, async ({ trx, onCommit }) => {
      await lockRow(strapi.db.connection, trx, 'tickets', ticketId);
      const row = await strapi.db.query(UID).findOne({ where: { id: ticketId }, select: ['id', 'documentId', 'memberId', 'ticketStatus', 'firstRespondedAt'] });
      if (!row) throw new DomainError('NOT_FOUND', '工单不存在');
      const from = row.ticketStatus as TicketStatus;
      const to = nextTicketStatus(from, step.event);
      if (!to) {
        throw new DomainError('INVALID_TRANSITION', `工单${TICKET_STATUS_LABELS[from]}，不能${TICKET_EVENT_LABELS[step.event]}`, { status: from, event: step.event });
      }
      const now = clock.now();
      const firstResponse = step.reply?.author === 'staff' && !row.firstRespondedAt;
      const data: Record<string, unknown> = { ...step.data, ticketStatus: to, lastActivityAt: now };
      if (firstResponse) data.firstRespondedAt = now;
      if (to === 'closed') data.closedAt = now;
      // Conditional on the status read: a writer that slipped past the lock (none should) loses with 409, never silently.
      const { count } = await strapi.db.query(UID).updateMany({ where: { id: row.id, ticketStatus: from }, data });
      if (count !== 1) throw new DomainError('INVALID_TRANSITION', '工单状态已变化，请刷新后重试', { status: from, event: step.event });

      let replyId: number | null = null;
      if (step.reply) {
        const { images, ...reply } = step.reply;
        const created = await strapi.db.query(REPLY_UID).create({ data: { ...reply, ticketId: row.id } });
        replyId = created.id;
        if (images?.length) await updateRelations(strapi, trx, REPLY_UID, created.id, { images });
      }
      const result: TicketStepResult = { ticketId: row.id, documentId: row.documentId, memberId: row.memberId, from, to, replyId, firstResponse };
      if (afterCommit) onCommit(() => afterCommit(result));
      return result;
    });
  },
});
