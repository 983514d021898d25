/**
 * 投诉建议 tickets: the status machine and the SLA clock. Pure: the time is passed in.
 *
 * submitted ──assign──▶ processing ──staff_reply──▶ replied ──close──▶ closed
 *     │                     ▲                          │
 *     └────staff_reply──────┼──────────────────────────┘
 *                           └──member_reply (on replied)
 * Any open ticket may be closed (by its member or by 客服); a closed ticket takes nothing more.
 */
export const TICKET_TYPES = ['complaint', 'suggestion'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = ['submitted', 'processing', 'replied', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketEvent = 'assign' | 'staff_reply' | 'member_reply' | 'close';

export const TICKET_TYPE_LABELS: Readonly<Record<TicketType, string>> = { complaint: '投诉', suggestion: '建议' };
export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  submitted: '待处理',
  processing: '处理中',
  replied: '已回复',
  closed: '已关闭',
};

const TRANSITIONS: Readonly<Record<TicketStatus, Partial<Record<TicketEvent, TicketStatus>>>> = {
  submitted: { assign: 'processing', staff_reply: 'replied', member_reply: 'submitted', close: 'closed' },
  // Reassigning keeps the status: whoever holds the ticket changes, not where it stands.
  processing: { assign: 'processing', staff_reply: 'replied', member_reply: 'processing', close: 'closed' },
  // The member answering a reply means the matter is not settled: back to 客服.
  replied: { assign: 'replied', staff_reply: 'replied', member_reply: 'processing', close: 'closed' },
  closed: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextTicketStatus(status: TicketStatus, event: TicketEvent): TicketStatus | null {
  return TRANSITIONS[status]?.[event] ?? null;
}

/** Statuses from which `event` is allowed (the conditional update's expected states). */
export function statusesAllowing(event: TicketEvent): TicketStatus[] {
  return TICKET_STATUSES.filter((s) => nextTicketStatus(s, event) !== null);
}

export interface SlaRules {
  /** 客服 answer a new ticket within this many minutes. */
  firstResponseMinutes: number;
  /** A ticket is closed within this many hours of its creation. */
  resolutionHours: number;
}

/** 1 = no first response in time, 2 = not resolved in time. */
export type EscalationLevel = 1 | 2;

export const ESCALATION_LABELS: Readonly<Record<EscalationLevel, string>> = { 1: '首次响应超时', 2: '处理超时' };

export interface SlaTicket {
  status: TicketStatus;
  createdAt: Date;
  firstRespondedAt: Date | null;
  escalationLevel: number;
}

export const firstResponseDue = (t: Pick<SlaTicket, 'createdAt'>, rules: SlaRules): Date => new Date(t.createdAt.getTime() + rules.firstResponseMinutes * 60_000);
export const resolutionDue = (t: Pick<SlaTicket, 'createdAt'>, rules: SlaRules): Date => new Date(t.createdAt.getTime() + rules.resolutionHours * 3_600_000);

/**
 * The breaches of `ticket` at `now` not escalated yet, lowest first. A ticket created 10:00 with
 * 120 minutes / 48 hours: unanswered at 12:00 → [1]; still open two days later → [2] (or [1, 2]
 * when neither was escalated). Closed tickets never breach.
 */
export function newBreaches(ticket: SlaTicket, now: Date, rules: SlaRules): EscalationLevel[] {
  if (ticket.status === 'closed') return [];
  const levels: EscalationLevel[] = [];
  if (!ticket.firstRespondedAt && now.getTime() >= firstResponseDue(ticket, rules).getTime()) levels.push(1);
  if (now.getTime() >= resolutionDue(ticket, rules).getTime()) levels.push(2);
  return levels.filter((l) => l > ticket.escalationLevel);
}

/** The label of a ticket's escalation level; null while it has not been escalated. */
export const escalationLabel = (level: number): string | null => ESCALATION_LABELS[level as EscalationLevel] ?? null;

/** What each event is called in a refusal (工单已关闭，不能追问). */
export const TICKET_EVENT_LABELS: Readonly<Record<TicketEvent, string>> = {
  assign: '分配处理人',
  staff_reply: '回复',
  member_reply: '追问',
  close: '关闭',
};
