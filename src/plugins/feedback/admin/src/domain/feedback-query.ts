/**
 * 客户反馈 keeps its tab and filters in the page URL (shareable, kept on reload, read by the
 * admin's pagination links). The two tabs share `page`; changing a filter or the tab starts
 * again from page 1. Without a follow-up filter the reviews tab shows the queue (待跟进).
 */
import type { AdminTicketStatus, AdminTicketType, FollowUpFilter } from '../../../shared/contracts/feedback-admin';

export type FeedbackTab = 'tickets' | 'reviews';

export interface TicketFilters {
  status?: AdminTicketStatus;
  type?: AdminTicketType;
  /** true: only tickets past a deadline (已超时). */
  escalated?: boolean;
  /** Only the tickets the signed-in operator holds. */
  mine?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ReviewFilters {
  followUp: FollowUpFilter;
  rating?: number;
  page: number;
  pageSize: number;
}

export interface FeedbackFilters {
  tab: FeedbackTab;
  tickets: TicketFilters;
  reviews: ReviewFilters;
}

export type FeedbackFilterChange = {
  tab?: FeedbackTab;
  status?: AdminTicketStatus | undefined;
  type?: AdminTicketType | undefined;
  escalated?: boolean | undefined;
  mine?: boolean | undefined;
  q?: string;
  followUp?: FollowUpFilter | undefined;
  rating?: number | undefined;
};

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = ['tab', 'status', 'type', 'escalated', 'mine', 'q', 'followUp', 'rating', 'page'] as const;

const STATUSES: readonly AdminTicketStatus[] = ['submitted', 'processing', 'replied', 'closed'];
const TYPES: readonly AdminTicketType[] = ['complaint', 'suggestion'];
const FOLLOW_UPS: readonly FollowUpFilter[] = ['pending', 'done', 'all'];

const positiveInt = (value: unknown, fallback: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => ((values as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

export function filtersFromQuery(query: Record<string, string>): FeedbackFilters {
  const page = positiveInt(query.page, 1, 10_000);
  const pageSize = positiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100);
  const rating = positiveInt(query.rating, 0, 5);
  return {
    tab: query.tab === 'reviews' ? 'reviews' : 'tickets',
    tickets: {
      status: oneOf(STATUSES, query.status),
      type: oneOf(TYPES, query.type),
      escalated: query.escalated === 'true' ? true : query.escalated === 'false' ? false : undefined,
      mine: query.mine === 'true' || undefined,
      q: query.q?.trim() ? query.q.trim().slice(0, 50) : undefined,
      page,
      pageSize,
    },
    reviews: { followUp: oneOf(FOLLOW_UPS, query.followUp) ?? 'pending', rating: rating || undefined, page, pageSize },
  };
}

export function queryForFilters(change: FeedbackFilterChange): Record<string, string> {
  const out: Record<string, string> = { page: '' };
  if ('tab' in change) out.tab = change.tab === 'reviews' ? 'reviews' : '';
  if ('status' in change) out.status = change.status ?? '';
  if ('type' in change) out.type = change.type ?? '';
  if ('escalated' in change) out.escalated = change.escalated === undefined ? '' : String(change.escalated);
  if ('mine' in change) out.mine = change.mine ? 'true' : '';
  if ('q' in change) out.q = change.q ?? '';
  if ('followUp' in change) out.followUp = change.followUp && change.followUp !== 'pending' ? change.followUp : '';
  if ('rating' in change) out.rating = change.rating ? String(change.rating) : '';
  return out;
}

export function ticketListSearch(f: TicketFilters): string {
  return new URLSearchParams({
    page: String(f.page),
    pageSize: String(f.pageSize),
    ...(f.status ? { status: f.status } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.escalated !== undefined ? { escalated: String(f.escalated) } : {}),
    ...(f.mine ? { assignee: 'me' } : {}),
    ...(f.q ? { q: f.q } : {}),
  }).toString();
}

export function reviewListSearch(f: ReviewFilters): string {
  return new URLSearchParams({
    page: String(f.page),
    pageSize: String(f.pageSize),
    followUp: f.followUp,
    ...(f.rating ? { rating: String(f.rating) } : {}),
  }).toString();
}
