/**
 * The 客户反馈 admin page's routes (server: src/api/feedback/admin-routes.ts), one type per
 * answer, shared by the server and the page. Every enum travels with its Chinese label.
 */
import type { FollowUpFilter, FollowUpState } from '../../../../api/feedback/domain/follow-up';

export type { FollowUpFilter, FollowUpState };

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

// GET /feedback/reviews?followUp=pending|done|all&rating=1..5&page=&pageSize=
// GET /feedback/reviews/:id
// POST /feedback/reviews/:id/follow-up { note } · POST /feedback/reviews/:id/hide { reason }
export interface AdminReview {
  documentId: string;
  /** The order's documentId, and its number as operators read it. */
  order: string;
  orderNo: string | null;
  cityAdcode: string | null;
  cityName: string | null;
  serviceItem: string | null;
  worker: { documentId: string; name: string } | null;
  /** Staff see who wrote it (even an anonymous review), masked: 陈** · 138****0000. */
  member: { id: number | null; nickname: string; phone: string | null };
  rating: number;
  ratings: { quality: number; attitude: number; skill: number };
  content: string | null;
  images: string[];
  anonymous: boolean;
  reply: string | null;
  visible: boolean;
  visibleLabel: string;
  hiddenReason: string | null;
  hiddenAt: string | null;
  hiddenBy: string | null;
  needsFollowUp: boolean;
  followUp: FollowUpState;
  followUpLabel: string;
  followedUpAt: string | null;
  followedUpBy: string | null;
  followUpNote: string | null;
  createdAt: string;
}

export interface AdminReviewList {
  data: AdminReview[];
  meta: { pagination: Pagination };
}

// Tickets: the server's own view types (src/api/feedback/services/ticket-admin.ts).
// GET /feedback/tickets?status=&type=&escalated=true|false&assignee=me|<id>&q=&page=&pageSize=
// GET /feedback/tickets/:id · POST /feedback/tickets/:id/assign { assignee? } · /reply { content, images? } · /close { resolution? }
export type { AdminTicketView as AdminTicket, AdminTicketDetail } from '../../../../api/feedback/services/ticket-admin';
export type { TicketStatus as AdminTicketStatus, TicketType as AdminTicketType } from '../../../../api/feedback/domain/ticket';
