import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError, notFound } from '../../../runtime/errors';
import type { OrdersLoyaltyPort } from '../../../plugins/orders/shared/contracts/orders-loyalty';
import { TICKET_STATUS_LABELS, TICKET_TYPE_LABELS, type TicketStatus, type TicketType } from '../domain/ticket';
import type { CreateTicketInput, ReplyInput } from '../validation/ticket';
import type ticketFlow from './ticket-flow';

const UID = 'api::feedback.ticket';
const REPLY_UID = 'api::feedback.ticket-reply';

export interface TicketReplyView {
  author: 'member' | 'staff';
  /** Members see 客服, never an operator's name. */
  authorName: string;
  content: string;
  images: string[];
  createdAt: string;
}

export interface TicketView {
  documentId: string;
  type: TicketType;
  typeLabel: string;
  status: TicketStatus;
  statusLabel: string;
  order: string | null;
  orderNo: string | null;
  content: string;
  images: string[];
  replies: TicketReplyView[];
  /** What 客服 wrote when closing it (处理结果), or null. */
  resolution: string | null;
  createdAt: string;
  closedAt: string | null;
}

const ordersPort = (strapi: Core.Strapi): OrdersLoyaltyPort => {
  const port = strapi.plugin('orders')?.service('loyalty-port') as OrdersLoyaltyPort | undefined;
  if (!port) throw new DomainError('SERVICE_UNAVAILABLE', '订单服务不可用');
  return port;
};

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

export default factories.createCoreService(UID, ({ strapi }) => {
  const tickets = () => strapi.db.query(UID);

  const repliesOf = async (ticketIds: number[]): Promise<Map<number, TicketReplyView[]>> => {
    const byTicket = new Map<number, TicketReplyView[]>();
    if (!ticketIds.length) return byTicket;
    // Oldest first within a ticket: a thread reads top to bottom.
    const rows = await strapi.db.query(REPLY_UID).findMany({ where: { ticketId: { $in: ticketIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], populate: { images: { select: ['url'] } } as any });
    for (const r of rows as any[]) {
      const list = byTicket.get(r.ticketId) ?? [];
      list.push({ author: r.author, authorName: r.author === 'staff' ? '客服' : '我', content: r.content, images: (r.images ?? []).map((i: { url: string }) => i.url), createdAt: iso(r.createdAt)! });
      byTicket.set(r.ticketId, list);
    }
    return byTicket;
  };

  const toView = (row: any, replies: TicketReplyView[]): TicketView => ({
    documentId: row.documentId,
    type: row.type,
    typeLabel: TICKET_TYPE_LABELS[row.type as TicketType],
    status: row.ticketStatus,
    statusLabel: TICKET_STATUS_LABELS[row.ticketStatus as TicketStatus],
    order: row.orderRef ?? null,
    orderNo: row.orderNo ?? null,
    content: row.content,
    images: (row.images ?? []).map((i: { url: string }) => i.url),
    replies,
    resolution: row.resolution ?? null,
    createdAt: iso(row.createdAt)!,
    closedAt: iso(row.closedAt),
  });

  /** The member's city, for a ticket about no order. */
  const memberCity = async (userId: number): Promise<string | null> => {
    const profile = await strapi.db.query('api::people.customer-profile').findOne({ where: { user: { id: userId } }, populate: { city: { select: ['adcode'] } } });
    return profile?.city?.adcode ?? null;
  };

  // Another member's ticket answers as a missing one, so ids cannot be probed.
  const ownTicket = async (userId: number, documentId: string): Promise<{ id: number }> => {
    const row = await tickets().findOne({ where: { documentId, memberId: userId }, select: ['id'] });
    if (!row) throw notFound('工单不存在');
    return row;
  };
  const flow = () => strapi.service('api::feedback.ticket-flow') as unknown as ReturnType<typeof ticketFlow>;

  return {
    /** POST /api/tickets: a member's complaint or suggestion, optionally about one of their orders. */
    async createForMember(userId: number, input: CreateTicketInput): Promise<TicketView> {
      let order: { documentId: string; orderNo: string; cityAdcode: string | null } | null = null;
      if (input.order) {
        const found = await ordersPort(strapi).reviewableOrder(input.order);
        // Someone else's order answers as a missing one, so order ids cannot be probed.
        if (!found || found.memberId !== userId) throw notFound('订单不存在');
        order = found;
      }
      const images = input.images ?? [];
      await strapi.service('api::media.media').assertOwnedFiles(userId, images, ['ticket', 'review'], 'images');
      const now = clock.now();
      const row = await tickets().create({
        data: {
          type: input.type,
          ticketStatus: 'submitted',
          memberId: userId,
          orderRef: order?.documentId ?? null,
          orderNo: order?.orderNo ?? null,
          cityAdcode: order?.cityAdcode ?? (await memberCity(userId)),
          content: input.content.trim(),
          images,
          escalationLevel: 0,
          lastActivityAt: now,
        },
      });
      return this.viewForMember(userId, row.documentId);
    },

    async viewForMember(userId: number, documentId: string): Promise<TicketView> {
      const row = await tickets().findOne({ where: { documentId, memberId: userId }, populate: { images: { select: ['url'] } } as any });
      if (!row) throw notFound('工单不存在');
      return toView(row, (await repliesOf([row.id])).get(row.id) ?? []);
    },

    /** POST /api/tickets/:id/replies: a follow-up on one of the member's own open tickets. */
    async replyForMember(userId: number, documentId: string, input: ReplyInput): Promise<TicketView> {
      const row = await ownTicket(userId, documentId);
      const images = input.images ?? [];
      await strapi.service('api::media.media').assertOwnedFiles(userId, images, ['ticket', 'review'], 'images');
      await flow().apply(row.id, { event: 'member_reply', reply: { author: 'member', authorName: '会员', content: input.content.trim(), images } });
      return this.viewForMember(userId, documentId);
    },

    /** POST /api/tickets/:id/close: the member settles their own ticket. */
    async closeForMember(userId: number, documentId: string): Promise<TicketView> {
      const row = await ownTicket(userId, documentId);
      await flow().apply(row.id, { event: 'close', data: { closedBy: '会员' } });
      return this.viewForMember(userId, documentId);
    },

    /** GET /api/tickets: the member's own tickets, newest first, each with its thread. */
    async listForMember(userId: number, page: number, pageSize: number) {
      const where = { memberId: userId };
      const [rows, total] = await Promise.all([
        tickets().findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize, populate: { images: { select: ['url'] } } as any }),
        tickets().count({ where }),
      ]);
      const replies = await repliesOf(rows.map((r: any) => r.id));
      return { data: rows.map((r: any) => toView(r, replies.get(r.id) ?? [])), meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },
  };
});
