import { validateYupSchema, yup } from '@strapi/utils';

const pageQuery = yup
  .object({
    page: yup.string().matches(/^[1-9]\d{0,4}$/),
    pageSize: yup.string().matches(/^[1-9]\d?$|^100$/),
  })
  .noUnknown();

/** `pagination[page]`, `pagination[pageSize]` (max 100); anything else in the query is 400. */
export async function validateEarningsQuery(query: unknown): Promise<{ page: number; pageSize: number }> {
  const { pagination = {}, ...rest } = (query ?? {}) as { pagination?: unknown };
  if (Object.keys(rest).length) await validateYupSchema(yup.object({}).noUnknown())(rest);
  const q = (await validateYupSchema(pageQuery)(pagination)) as { page?: string; pageSize?: string };
  return { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 20) };
}
