import { filtersFromQuery, queryForFilters, reviewListSearch, ticketListSearch } from './feedback-query';
import { overdueLabel } from './ticket-sla';

describe('客户反馈 filters in the URL', () => {
  it('should open on the tickets tab with no filter, and the reviews queue on 待跟进', () => {
    const f = filtersFromQuery({});
    expect(f.tab).toBe('tickets');
    expect(f.tickets).toEqual({ status: undefined, type: undefined, escalated: undefined, mine: undefined, q: undefined, page: 1, pageSize: 20 });
    expect(f.reviews).toEqual({ followUp: 'pending', rating: undefined, page: 1, pageSize: 20 });
  });

  it('should drop hand-typed values it does not know', () => {
    const f = filtersFromQuery({ tab: 'x', status: 'open', type: 'praise', escalated: 'maybe', followUp: 'later', rating: '9', page: '-1' });
    expect(f.tab).toBe('tickets');
    expect(f.tickets).toMatchObject({ status: undefined, type: undefined, escalated: undefined, page: 1 });
    expect(f.reviews).toMatchObject({ followUp: 'pending', rating: undefined });
  });

  it('should send the server the contract names (assignee=me for 我负责的)', () => {
    const f = filtersFromQuery({ status: 'processing', type: 'complaint', escalated: 'true', mine: 'true', q: ' 迟到 ', page: '2' });
    expect(ticketListSearch(f.tickets)).toBe('page=2&pageSize=20&status=processing&type=complaint&escalated=true&assignee=me&q=%E8%BF%9F%E5%88%B0');
    expect(reviewListSearch(filtersFromQuery({ tab: 'reviews', followUp: 'all', rating: '1' }).reviews)).toBe('page=1&pageSize=20&followUp=all&rating=1');
  });

  it('should start from page 1 on any change and clear what was unset', () => {
    expect(queryForFilters({ tab: 'reviews' })).toEqual({ page: '', tab: 'reviews' });
    expect(queryForFilters({ status: undefined, escalated: false })).toEqual({ page: '', status: '', escalated: 'false' });
    expect(queryForFilters({ followUp: 'pending', rating: undefined })).toEqual({ page: '', followUp: '', rating: '' });
  });
});

describe('overdue badge of a ticket', () => {
  const base = { status: 'submitted' as const, firstRespondedAt: null, firstResponseDue: '2026-12-01T02:00:00.000Z', resolutionDue: '2026-12-03T00:00:00.000Z', escalationLevel: 0, escalationLabel: null };
  it('should be on time before the first-response deadline', () => {
    expect(overdueLabel(base, new Date('2026-12-01T01:59:00.000Z'))).toBeNull();
  });
  it('should say 首次响应超时 once the deadline passed unanswered, even before the sweep', () => {
    expect(overdueLabel(base, new Date('2026-12-01T02:00:00.000Z'))).toBe('首次响应超时');
    expect(overdueLabel({ ...base, firstRespondedAt: '2026-12-01T01:00:00.000Z' }, new Date('2026-12-01T03:00:00.000Z'))).toBeNull();
  });
  it('should say 处理超时 past the resolution deadline, and nothing once closed', () => {
    expect(overdueLabel({ ...base, status: 'replied', firstRespondedAt: '2026-12-01T01:00:00.000Z' }, new Date('2026-12-03T00:00:00.000Z'))).toBe('处理超时');
    expect(overdueLabel({ ...base, status: 'closed' }, new Date('2026-12-09T00:00:00.000Z'))).toBeNull();
  });
  it("should trust the server's escalation when it has one", () => {
    expect(overdueLabel({ ...base, escalationLevel: 1, escalationLabel: '首次响应超时', firstResponseDue: '2026-12-02T00:00:00.000Z' }, new Date('2026-12-01T00:00:00.000Z'))).toBe('首次响应超时');
  });
});
