import type { Core } from '@strapi/strapi';
import { adminCityScope } from '../../../../../bootstrap/city-scope';
import { getService } from '../utils';
import { reportTable } from '../domain/report-table';
import { validateReportQuery } from './validation/reports';

/**
 * GET /settlement/reports/:name (admin JWT + plugin::settlement.reports). 城市运营 hold the action
 * with the same-city condition: their figures are limited to their cities, and a `city` outside
 * them yields empty figures rather than another city's. `format=csv|xlsx` downloads the same figures.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const q = await validateReportQuery(ctx.params?.name, ctx.query);
    const scope = await adminCityScope(strapi, ctx.state.user, 'plugin::settlement.reports');
    const cities = q.city ? (scope && !scope.includes(q.city) ? [] : [q.city]) : scope;
    const data = await getService(strapi, 'reports').report({ name: q.name, from: q.from, to: q.to, granularity: q.granularity, cities });
    if (q.format !== 'json') {
      await getService(strapi, 'exports').send(ctx, reportTable(q.name, data, q), q.format, cities);
      return;
    }
    ctx.body = { data, meta: { name: q.name, from: q.from, to: q.to, cities: cities ?? null } };
  },
});
