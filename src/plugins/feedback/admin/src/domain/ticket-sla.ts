/**
 * Whether a ticket shows as overdue (已超时) in the list. The server's escalation level says so
 * once its sweep ran; between sweeps a deadline already passed counts too, so the badge does not
 * wait for the next run. Pure: the time is passed in.
 */
import type { AdminTicket } from '../../../shared/contracts/feedback-admin';

export type SlaTicket = Pick<AdminTicket, 'status' | 'firstRespondedAt' | 'firstResponseDue' | 'resolutionDue' | 'escalationLevel' | 'escalationLabel'>;

const passed = (due: string | null, now: Date) => Boolean(due) && Date.parse(due as string) <= now.getTime();

/** null when on time; otherwise the Chinese reason (首次响应超时 / 处理超时). */
export function overdueLabel(ticket: SlaTicket, now: Date): string | null {
  if (ticket.status === 'closed') return null;
  if (passed(ticket.resolutionDue, now)) return '处理超时';
  if (!ticket.firstRespondedAt && passed(ticket.firstResponseDue, now)) return '首次响应超时';
  if (ticket.escalationLevel > 0) return ticket.escalationLabel ?? '已超时';
  return null;
}
