import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { clock } from '../../../../../runtime/clock';
import { contentDisposition, tableCsv, zonedDateTime, type ReportTable } from '../domain/report-table';

export type ExportFormat = 'csv' | 'xlsx';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Thin writers over domain/report-table: the table decides every header and figure, these only
 * lay it out. XLSX gets a title block (name, period, city, generated at) above the header row;
 * CSV stays plain rows so it imports anywhere.
 */
export async function tableXlsx(table: ReportTable, info: { cities: string; generatedAt: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = info.generatedAt;
  const ws = wb.addWorksheet(table.title.slice(0, 31));
  const title = ws.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  ws.addRow(['期间', table.from && table.to ? `${table.from} 至 ${table.to}` : '']);
  ws.addRow(['城市', info.cities]);
  ws.addRow(['生成时间', zonedDateTime(info.generatedAt)]);
  ws.addRow([]);
  const header = ws.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  for (const r of table.rows) {
    ws.addRow(
      table.columns.map((c) => {
        const v = r[c.key];
        if (v === null || v === undefined || v === '') return null;
        if (c.kind === 'money') return Math.round(Number(v)) / 100;
        if (c.kind === 'int') return Number(v);
        if (c.kind === 'date') return zonedDateTime(String(v));
        return String(v);
      }),
    );
  }
  table.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    if (c.kind === 'money') column.numFmt = '#,##0.00';
    column.width = c.kind === 'text' ? 20 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** '全部城市' for an unscoped answer, else the cities' names (adcode when unknown). */
  async citiesLabel(cities: string[] | null | undefined): Promise<string> {
    if (!cities) return '全部城市';
    if (!cities.length) return '无';
    const rows = (await strapi.db.query('api::settings.city').findMany({ where: { adcode: { $in: cities } }, select: ['adcode', 'name'] })) as Array<{ adcode: string; name: string }>;
    const names = new Map(rows.map((r) => [r.adcode, r.name]));
    return cities.map((c) => names.get(c) ?? c).join('、');
  },

  /** Puts the table on the response as an attachment in the requested format. */
  async send(ctx: any, table: ReportTable, format: ExportFormat, cities: string[] | null | undefined) {
    ctx.set('Content-Disposition', contentDisposition(table, format));
    ctx.set('Cache-Control', 'no-store');
    if (format === 'csv') {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.body = tableCsv(table);
      return;
    }
    ctx.set('Content-Type', XLSX_TYPE);
    ctx.body = await tableXlsx(table, { cities: await this.citiesLabel(cities), generatedAt: clock.now() });
  },
});
