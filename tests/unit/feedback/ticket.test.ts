import { escalationLabel, newBreaches, nextTicketStatus, statusesAllowing, TICKET_EVENT_LABELS, TICKET_STATUSES, TICKET_STATUS_LABELS, type TicketEvent } from '../../../src/api/feedback/domain/ticket';

const EVENTS: TicketEvent[] = ['assign', 'staff_reply', 'member_reply', 'close'];
const RULES = { firstResponseMinutes: 120, resolutionHours: 48 };
const CREATED = new Date('2026-12-01T02:00:00Z');
const at = (minutes: number) => new Date(CREATED.getTime() + minutes * 60_000);

describe('ticket status machine', () => {
  it('should walk the happy path submitted → processing → replied → closed', () => {
    expect(nextTicketStatus('submitted', 'assign')).toBe('processing');
    expect(nextTicketStatus('processing', 'staff_reply')).toBe('replied');
    expect(nextTicketStatus('replied', 'close')).toBe('closed');
  });

  it('should put a replied ticket back to processing when the member follows up', () => {
    expect(nextTicketStatus('replied', 'member_reply')).toBe('processing');
    expect(nextTicketStatus('processing', 'member_reply')).toBe('processing');
    expect(nextTicketStatus('submitted', 'member_reply')).toBe('submitted');
  });

  it('should let 客服 answer a ticket nobody has taken yet', () => {
    expect(nextTicketStatus('submitted', 'staff_reply')).toBe('replied');
  });

  it('should refuse every event on a closed ticket', () => {
    for (const event of EVENTS) expect(nextTicketStatus('closed', event)).toBeNull();
  });

  it('should allow closing from every open status and label every status in Chinese', () => {
    expect(statusesAllowing('close')).toEqual(['submitted', 'processing', 'replied']);
    for (const status of TICKET_STATUSES) expect(TICKET_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('should never move a ticket back to submitted from another status', () => {
    for (const status of TICKET_STATUSES.filter((s) => s !== 'submitted')) {
      for (const event of EVENTS) expect(nextTicketStatus(status, event)).not.toBe('submitted');
    }
  });
});

describe('ticket SLA breaches', () => {
  const open = { status: 'submitted' as const, createdAt: CREATED, firstRespondedAt: null, escalationLevel: 0 };

  it('should not breach before the first-response deadline, and breach exactly at it', () => {
    expect(newBreaches(open, at(119), RULES)).toEqual([]);
    expect(newBreaches(open, at(120), RULES)).toEqual([1]);
  });

  it('should not breach the first response once 客服 answered', () => {
    expect(newBreaches({ ...open, status: 'replied', firstRespondedAt: at(30) }, at(600), RULES)).toEqual([]);
  });

  it('should report each level once: an escalated level is not new', () => {
    expect(newBreaches({ ...open, escalationLevel: 1 }, at(600), RULES)).toEqual([]);
    expect(newBreaches({ ...open, escalationLevel: 1 }, at(48 * 60), RULES)).toEqual([2]);
    expect(newBreaches({ ...open, escalationLevel: 2 }, at(72 * 60), RULES)).toEqual([]);
  });

  it('should report both levels when neither was escalated before the resolution deadline', () => {
    expect(newBreaches(open, at(48 * 60), RULES)).toEqual([1, 2]);
  });

  it('should never breach a closed ticket', () => {
    expect(newBreaches({ ...open, status: 'closed' }, at(72 * 60), RULES)).toEqual([]);
  });
});

describe('escalation labels and event names', () => {
  it('should label levels 1 and 2 and give null before any escalation', () => {
    expect(escalationLabel(0)).toBeNull();
    expect(escalationLabel(1)).toBe('首次响应超时');
    expect(escalationLabel(2)).toBe('处理超时');
    expect(escalationLabel(3)).toBeNull();
  });

  it('should name every event in Chinese for refusals', () => {
    for (const event of EVENTS) expect(TICKET_EVENT_LABELS[event]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('should let a breach escalate only once the ticket is not answered and not closed (the sweep relies on it)', () => {
    const ticket = { status: 'submitted' as const, createdAt: CREATED, firstRespondedAt: null, escalationLevel: 0 };
    expect(newBreaches(ticket, at(121), RULES)).toEqual([1]);
    expect(newBreaches({ ...ticket, escalationLevel: 1 }, at(121), RULES)).toEqual([]);
    expect(newBreaches({ ...ticket, firstRespondedAt: at(30), status: 'replied' }, at(121), RULES)).toEqual([]);
    expect(newBreaches({ ...ticket, status: 'closed' }, at(48 * 60), RULES)).toEqual([]);
  });
});
