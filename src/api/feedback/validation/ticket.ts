import { validateYupSchema, yup } from '@strapi/utils';
import { TICKET_TYPES, type TicketType } from '../domain/ticket';

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
