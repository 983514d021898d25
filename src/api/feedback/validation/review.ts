import { validateYupSchema, yup } from '@strapi/utils';

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
