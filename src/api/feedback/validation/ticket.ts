import { validateYupSchema, yup } from '@strapi/utils';
import { TICKET_STATUSES, TICKET_TYPES, type TicketStatus, type TicketType } from '../domain/ticket';
import { validated } from '../../../runtime/validation';

const createSchema = yup
  .object({
    type: yup.string().oneOf([...TICKET_TYPES]).required(),
    order: yup.string().min(1).max(64),
    content: yup.string().min(5, '内容至少 5 个字').max(1000).required().test('not-blank', '请填写内容', (v) => typeof v === 'string' && v.trim().length >= 5),
    images: yup.array(yup.number().strict().integer().positive().required()).max(9),
  })
  .noUnknown()
  .required();

// Content-API convention (as /api/me/notifications): pagination[page], pagination[pageSize].
const listSchema = yup
  .object({ pagination: yup.object({ page: yup.string().matches(/^[1-9]\d{0,4}$/), pageSize: yup.string().matches(/^([1-9]\d?|100)$/) }).noUnknown() })
  .noUnknown();

export interface CreateTicketInput {
  type: TicketType;
  order?: string;
  content: string;
  images?: number[];
}

export const validateCreateTicket = (body: unknown) => validateYupSchema(createSchema)(body) as Promise<CreateTicketInput>;
export async function validateTicketList(query: unknown): Promise<{ page: number; pageSize: number }> {
  const q = (await validateYupSchema(listSchema)(query)) as { pagination?: { page?: string; pageSize?: string } };
  return { page: Number(q.pagination?.page ?? 1), pageSize: Number(q.pagination?.pageSize ?? 10) };
}


// A follow-up or an answer may be short (好的，谢谢); blank is refused.
const replyContent = () =>
  yup.string().max(1000, '内容最多 1000 字').required('请填写内容').test('not-blank', '请填写内容', (v) => typeof v === 'string' && v.trim().length >= 1);
const replyImages = () => yup.array(yup.number().strict().integer().positive().required()).max(9, '图片最多 9 张');

const replySchema = yup.object({ content: replyContent(), images: replyImages() }).noUnknown().required();
const emptySchema = yup.object({}).noUnknown();
const assignSchema = yup.object({ assignee: yup.number().strict().integer().positive() }).noUnknown();
const closeSchema = yup.object({ resolution: yup.string().max(1000, '处理结果最多 1000 字') }).noUnknown();

const adminListSchema = yup
  .object({
    status: yup.string().oneOf([...TICKET_STATUSES]),
    type: yup.string().oneOf([...TICKET_TYPES]),
    escalated: yup.string().oneOf(['true', 'false']),
    assignee: yup.string().matches(/^(me|[1-9]\d{0,9})$/, 'assignee 须为 me 或管理员 ID'),
    q: yup.string().max(60),
    page: yup.string().matches(/^[1-9]\d{0,4}$/, 'page 须为正整数'),
    pageSize: yup.string().matches(/^([1-9]\d?|100)$/, 'pageSize 须为 1–100'),
  })
  .noUnknown();

export interface ReplyInput {
  content: string;
  images?: number[];
}

export interface AdminTicketFilter {
  status?: TicketStatus;
  type?: TicketType;
  escalated?: boolean;
  assignee?: 'me' | number;
  q?: string;
  page: number;
  pageSize: number;
}

export const validateReplyTicket = (body: unknown) => validated<ReplyInput>(replySchema, body ?? {});
export const validateNoBody = (body: unknown) => validated<Record<string, never>>(emptySchema, body ?? {});
export const validateAssignTicket = (body: unknown) => validated<{ assignee?: number }>(assignSchema, body ?? {});
export const validateCloseTicket = (body: unknown) => validated<{ resolution?: string }>(closeSchema, body ?? {});

export async function validateAdminTicketList(query: unknown): Promise<AdminTicketFilter> {
  const q = await validated<Record<string, string | undefined>>(adminListSchema, query ?? {});
  const text = q.q?.trim();
  return {
    status: q.status as TicketStatus | undefined,
    type: q.type as TicketType | undefined,
    escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
    assignee: q.assignee === undefined ? undefined : q.assignee === 'me' ? 'me' : Number(q.assignee),
    q: text ? text : undefined,
    page: Number(q.page ?? 1),
    pageSize: Number(q.pageSize ?? 20),
  };
}
