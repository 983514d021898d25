import { validateYupSchema, yup } from '@strapi/utils';
import { FOLLOW_UP_FILTERS } from '../domain/follow-up';
import type { ReviewListFilter } from '../services/review-admin';

const score = () => yup.number().strict().integer().min(1).max(5).required();

const createSchema = yup
  .object({
    order: yup.string().min(1).max(64).required(),
    ratings: yup.object({ quality: score(), attitude: score(), skill: score() }).noUnknown().required(),
    content: yup.string().max(1000),
    images: yup.array(yup.number().strict().integer().positive().required()).max(9),
    anonymous: yup.boolean().strict(),
  })
  .noUnknown()
  .required();

const replySchema = yup.object({ content: yup.string().max(1000).required().test('not-blank', '回复内容不能为空', (v) => typeof v === 'string' && v.trim().length > 0) }).noUnknown().required();

const hideSchema = yup.object({ reason: yup.string().max(200).required().test('not-blank', '请填写隐藏原因', (v) => typeof v === 'string' && v.trim().length > 0) }).noUnknown().required();

const followUpSchema = yup.object({ note: yup.string().max(500).required().test('not-blank', '请填写跟进记录', (v) => typeof v === 'string' && v.trim().length > 0) }).noUnknown().required();

const adminListSchema = yup
  .object({
    followUp: yup.string().oneOf([...FOLLOW_UP_FILTERS]),
    rating: yup.number().integer().min(1).max(5),
    page: yup.number().integer().min(1).max(10_000),
    pageSize: yup.number().integer().min(1).max(100),
  })
  .noUnknown();

export interface CreateReviewInput {
  order: string;
  ratings: { quality: number; attitude: number; skill: number };
  content?: string;
  images?: number[];
  anonymous?: boolean;
}

export const validateCreateReview = (body: unknown) => validateYupSchema(createSchema)(body) as Promise<CreateReviewInput>;
export const validateReply = (body: unknown) => validateYupSchema(replySchema)(body) as Promise<{ content: string }>;
export const validateHide = (body: unknown) => validateYupSchema(hideSchema)(body) as Promise<{ reason: string }>;
export const validateFollowUp = (body: unknown) => validateYupSchema(followUpSchema)(body) as Promise<{ note: string }>;
/** The list's query string: numbers arrive as text, unknown keys are refused. */
export async function validateAdminList(query: unknown): Promise<ReviewListFilter> {
  const raw: Record<string, unknown> = { ...((query ?? {}) as Record<string, unknown>) };
  // yup runs strict: numbers in the query string are read as numbers first (anything else fails).
  for (const key of ['rating', 'page', 'pageSize']) if (typeof raw[key] === 'string' && /^\d+$/.test(raw[key] as string)) raw[key] = Number(raw[key]);
  const parsed = (await validateYupSchema(adminListSchema)(raw)) as Partial<ReviewListFilter>;
  return { followUp: parsed.followUp ?? 'pending', rating: parsed.rating, page: parsed.page ?? 1, pageSize: parsed.pageSize ?? 20 };
}
