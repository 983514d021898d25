import type { Core } from '@strapi/strapi';
import { adminCityScope, type ScopedAdmin } from '../../../bootstrap/city-scope';
import { adminDisplayName, type NamedAdmin } from '../../../runtime/admin-name';
import { notFound, validationFailed } from '../../../runtime/errors';
import { maskPhone } from '../../people/domain/privacy';
import {
  escalationLabel,
  firstResponseDue,
  resolutionDue,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  type SlaRules,
  type TicketStatus,
  type TicketType,
} from '../domain/ticket';
import { TICKETS_MANAGE as TICKETS_MANAGE_ACTION, TICKETS_READ as TICKETS_READ_ACTION } from '../admin-routes';
import type { AdminTicketFilter, ReplyInput } from '../validation/ticket';
import type ticketFlow from './ticket-flow';
import type ticketNotices from './ticket-notices';

const UID = 'api::feedback.ticket';
const REPLY_UID = 'api::feedback.ticket-reply';
const ESCALATION_UID = 'api::feedback.ticket-escalation';

export type TicketAdmin = ScopedAdmin & NamedAdmin;

export interface AdminTicketView {
  documentId: string;
  type: TicketType;
  typeLabel: string;
  status: TicketStatus;
  statusLabel: string;
  cityAdcode: string | null;
  cityName: string | null;
  member: { id: number; nickname: string | null; phone: string | null };
  order: string | null;
  orderNo: string | null;
  content: string;
  images: string[];
  assignee: { id: number; name: string } | null;
  firstRespondedAt: string | null;
  firstResponseDue: string;
  resolutionDue: string;
  escalationLevel: number;
  escalationLabel: string | null;
  resolution: string | null;
  closedBy: string | null;
  lastActivityAt: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface AdminTicketReply {
  author: 'member' | 'staff';
  /** The real admin name for staff replies (members see 客服). */
  authorName: string;
  adminId: number | null;
  content: string;
  images: string[];
  createdAt: string;
}

export interface AdminTicketDetail extends AdminTicketView {
  replies: AdminTicketReply[];
  escalations: Array<{ level: number; label: string; at: string }>;
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
const urls = (files: Array<{ url: string }> | null | undefined) => (files ?? []).map((f) => f.url);
const IMAGES = { images: { select: ['url'] } } as any;

/**
 * 客户反馈 as 客服 and 城市运营 work it (admin routes in ../admin-routes.ts). A 城市运营 holds the
 * actions with the same-city condition and so sees and touches only tickets of their cities;
 * anything else answers 404, as a missing ticket would.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tickets = () => strapi.db.query(UID);
  const flow = () => strapi.service('api::feedback.ticket-flow') as unknown as ReturnType<typeof ticketFlow>;
  const notices = () => strapi.service('api::feedback.ticket-notices') as unknown as ReturnType<typeof ticketNotices>;
  const rules = async (): Promise<SlaRules> => (await strapi.service('api::settings.platform-setting').current()).feedback;

  const cityFilter = async (admin: TicketAdmin, action: string): Promise<Record<string, unknown>> => {
    const cities = await adminCityScope(strapi, admin, action);
    if (cities === undefined) return {};
    return { cityAdcode: { $in: cities.length ? cities : ['-'] } };
  };

  const scopedTicket = async (admin: TicketAdmin, documentId: string, action: string) => {
    const row = await tickets().findOne({ where: { documentId, ...(await cityFilter(admin, action)) }, select: ['id', 'documentId', 'memberId', 'type', 'ticketStatus', 'cityAdcode'] });
    if (!row) throw notFound('工单不存在');
    return row;
  };

  const toViews = async (rows: any[]): Promise<AdminTicketView[]> => {
    const sla = await rules();
    const memberIds = [...new Set(rows.map((r) => r.memberId))];
    const adcodes = [...new Set(rows.map((r) => r.cityAdcode).filter(Boolean))];
    const [members, cities] = await Promise.all([
      memberIds.length ? strapi.db.query('plugin::users-permissions.user').findMany({ where: { id: { $in: memberIds } }, select: ['id', 'nickname', 'phone'] }) : [],
      adcodes.length ? strapi.db.query('api::settings.city').findMany({ where: { adcode: { $in: adcodes } }, select: ['adcode', 'name'] }) : [],
    ]);
    const memberById = new Map((members as any[]).map((m) => [m.id, m]));
    const cityName = new Map((cities as any[]).map((c) => [c.adcode, c.name]));
    return rows.map((row) => {
      const member = memberById.get(row.memberId);
      const createdAt = new Date(row.createdAt);
      return {
        documentId: row.documentId,
        type: row.type,
        typeLabel: TICKET_TYPE_LABELS[row.type as TicketType],
        status: row.ticketStatus,
        statusLabel: TICKET_STATUS_LABELS[row.ticketStatus as TicketStatus],
        cityAdcode: row.cityAdcode ?? null,
        cityName: cityName.get(row.cityAdcode) ?? null,
        member: { id: row.memberId, nickname: member?.nickname ?? null, phone: maskPhone(member?.phone) },
        order: row.orderRef ?? null,
        orderNo: row.orderNo ?? null,
        content: row.content,
        images: urls(row.images),
        assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
        firstRespondedAt: iso(row.firstRespondedAt),
        firstResponseDue: firstResponseDue({ createdAt }, sla).toISOString(),
        resolutionDue: resolutionDue({ createdAt }, sla).toISOString(),
        escalationLevel: Number(row.escalationLevel ?? 0),
        escalationLabel: escalationLabel(Number(row.escalationLevel ?? 0)),
        resolution: row.resolution ?? null,
        closedBy: row.closedBy ?? null,
        lastActivityAt: iso(row.lastActivityAt),
        createdAt: createdAt.toISOString(),
        closedAt: iso(row.closedAt),
      };
    });
  };

  const detail = async (id: number): Promise<AdminTicketDetail> => {
    const row = await tickets().findOne({ where: { id }, populate: IMAGES });
    const [view] = await toViews([row]);
    const [replies, escalations] = await Promise.all([
      strapi.db.query(REPLY_UID).findMany({ where: { ticketId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], populate: IMAGES }),
      strapi.db.query(ESCALATION_UID).findMany({ where: { ticketId: id }, orderBy: [{ level: 'asc' }] }),
    ]);
    return {
      ...view,
      replies: (replies as any[]).map((r) => ({ author: r.author, authorName: r.authorName ?? (r.author === 'staff' ? '客服' : '会员'), adminId: r.adminId ?? null, content: r.content, images: urls(r.images), createdAt: iso(r.createdAt)! })),
      escalations: (escalations as any[]).map((e) => ({ level: e.level, label: e.label, at: iso(e.at)! })),
    };
  };

  return {
    /** Newest first; `q` matches the content or the order number. */
    async list(admin: TicketAdmin, filter: AdminTicketFilter) {
      const and: Record<string, unknown>[] = [await cityFilter(admin, TICKETS_READ_ACTION)];
      if (filter.status) and.push({ ticketStatus: filter.status });
      if (filter.type) and.push({ type: filter.type });
      if (filter.escalated !== undefined) and.push(filter.escalated ? { escalationLevel: { $gt: 0 } } : { escalationLevel: 0 });
      if (filter.assignee !== undefined) and.push({ assigneeId: filter.assignee === 'me' ? admin.id : filter.assignee });
      if (filter.q) and.push({ $or: [{ content: { $containsi: filter.q } }, { orderNo: { $containsi: filter.q } }] });
      const where = { $and: and };
      const [rows, total] = await Promise.all([
        tickets().findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize, populate: IMAGES }),
        tickets().count({ where }),
      ]);
      return {
        data: await toViews(rows as any[]),
        meta: { pagination: { page: filter.page, pageSize: filter.pageSize, total, pageCount: Math.ceil(total / filter.pageSize) } },
      };
    },

    async view(admin: TicketAdmin, documentId: string): Promise<AdminTicketDetail> {
      return detail((await scopedTicket(admin, documentId, TICKETS_READ_ACTION)).id);
    },

    /** Takes the ticket (default: the caller) or hands it to a colleague. */
    async assign(admin: TicketAdmin, documentId: string, assigneeId?: number): Promise<AdminTicketDetail> {
      const row = await scopedTicket(admin, documentId, TICKETS_MANAGE_ACTION);
      let assignee: { id: number; name: string } = { id: admin.id, name: adminDisplayName(admin) };
      if (assigneeId !== undefined && assigneeId !== admin.id) {
        const other = await strapi.db.query('admin::user').findOne({ where: { id: assigneeId, isActive: true }, select: ['id', 'firstname', 'lastname', 'username', 'email'] });
        // A colleague who could not open the ticket (no 处理投诉建议, or another city) cannot hold it.
        const cities = other ? await adminCityScope(strapi, other, TICKETS_MANAGE_ACTION) : [];
        if (!other || (cities !== undefined && !cities.includes(row.cityAdcode))) throw validationFailed('处理人不存在、已停用或无权处理该工单', { field: 'assignee' });
        assignee = { id: other.id, name: adminDisplayName(other) };
      }
      await flow().apply(row.id, { event: 'assign', data: { assigneeId: assignee.id, assigneeName: assignee.name } });
      return detail(row.id);
    },

    /** 客服 answer: the member gets an in-app notice once the reply has committed. */
    async reply(admin: TicketAdmin, documentId: string, input: ReplyInput): Promise<AdminTicketDetail> {
      const row = await scopedTicket(admin, documentId, TICKETS_MANAGE_ACTION);
      const images = input.images ?? [];
      if (images.length) {
        const found = await strapi.db.query('plugin::upload.file').count({ where: { id: { $in: images } } });
        if (found !== new Set(images).size) throw validationFailed('图片不存在', { field: 'images' });
      }
      const content = input.content.trim();
      await flow().apply(
        row.id,
        { event: 'staff_reply', reply: { author: 'staff', authorName: adminDisplayName(admin), adminId: admin.id, content, images } },
        (done) => notices().replied({ ticket: done.documentId, memberId: done.memberId, replyId: done.replyId!, type: row.type, content }),
      );
      return detail(row.id);
    },

    async close(admin: TicketAdmin, documentId: string, resolution?: string): Promise<AdminTicketDetail> {
      const row = await scopedTicket(admin, documentId, TICKETS_MANAGE_ACTION);
      const text = resolution?.trim();
      await flow().apply(row.id, { event: 'close', data: { closedBy: adminDisplayName(admin), ...(text ? { resolution: text } : {}) } });
      return detail(row.id);
    },
  };
};
