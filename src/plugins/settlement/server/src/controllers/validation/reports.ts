import { validateYupSchema, yup } from '@strapi/utils';
import { reportNames, type ReportName } from '../../domain/statements';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const realDate = (v?: string) => !v || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** `format` of the report and batch routes: absent = JSON, else a download. */
export const formatField = yup.string().oneOf(['json', 'csv', 'xlsx'], '导出格式须为 csv 或 xlsx');
export type ReportFormat = 'json' | 'csv' | 'xlsx';

export async function validateFormat(query: unknown): Promise<ReportFormat> {
  const q = (await validateYupSchema(yup.object({ format: formatField }))(query ?? {})) as { format?: ReportFormat };
  return q.format ?? 'json';
}

const schema = yup
  .object({
    from: yup.string().required('请填写开始日期').matches(DATE, '开始日期须为 YYYY-MM-DD').test('real', '开始日期不存在', realDate),
    to: yup.string().required('请填写结束日期').matches(DATE, '结束日期须为 YYYY-MM-DD').test('real', '结束日期不存在', realDate),
    city: yup.string().matches(/^\d{6}$/, '城市须为 6 位行政区划代码'),
    granularity: yup.string().oneOf(['day', 'week', 'month'], '汇总周期须为 day、week 或 month'),
    format: formatField,
  })
  .noUnknown()
  .test('order', '结束日期不能早于开始日期', (v) => !v?.from || !v?.to || v.from <= v.to)
  // One query per statement whatever the range; the cap only bounds the bucket CASE list.
  .test('span', '报表区间最长 366 天', (v) => !v?.from || !v?.to || Date.parse(v.to) - Date.parse(v.from) <= 365 * 86_400_000);

export interface ReportQuery {
  name: ReportName;
  from: string;
  to: string;
  city?: string;
  granularity: 'day' | 'week' | 'month';
  format: ReportFormat;
}

export async function validateReportQuery(name: unknown, query: unknown): Promise<ReportQuery> {
  await validateYupSchema(yup.object({ name: yup.string().oneOf([...reportNames], '报表名称不正确').required() }))({ name });
  const q = (await validateYupSchema(schema)(query ?? {})) as Omit<ReportQuery, 'name' | 'granularity' | 'format'> & {
    granularity?: ReportQuery['granularity'];
    format?: ReportFormat;
  };
  return { name: name as ReportName, from: q.from, to: q.to, city: q.city, granularity: q.granularity ?? 'day', format: q.format ?? 'json' };
}
