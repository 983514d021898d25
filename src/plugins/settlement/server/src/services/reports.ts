import type { Core } from '@strapi/strapi';
import { fromZonedTime } from '../../../../../runtime/clock';
import {
  balanceSheet,
  cashFlow,
  expensesReport,
  incomeStatement,
  profitAndLoss,
  trialBalance,
  type AccountSum,
  type ReportName,
} from '../domain/statements';

export interface ReportRequest {
  name: ReportName;
  from: string;
  to: string;
  granularity: 'day' | 'week' | 'month';
  /** undefined = every city (entries without a city included); otherwise only these adcodes. */
  cities?: string[];
}

const DAY_MS = 86_400_000;
const parts = (d: string) => ({ year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) });
/** Calendar arithmetic on YYYY-MM-DD in UTC (dates only, no instants). */
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** First business day of each bucket within [from, to], clipped to `from`. */
export function bucketStarts(from: string, to: string, granularity: 'day' | 'week' | 'month'): string[] {
  const starts = [from];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (granularity === 'day' || (granularity === 'week' && weekday === 1) || (granularity === 'month' && d.endsWith('-01'))) starts.push(d);
  }
  return starts;
}

/**
 * Statements aggregated in the database: every query is one GROUP BY over journal_lines (indexed
 * on `at` and `account`), joined to journal_entries only when filtering by city, so the cost
 * grows with the accounts, not with the lines loaded into JS.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** Lines in [start, end) (start undefined = since the beginning) of the requested cities. */
  const lines = (cities: string[] | undefined, end: Date, start?: Date) => {
    const q = knex()('journal_lines as l').where('l.at', '<', end);
    if (start) q.andWhere('l.at', '>=', start);
    if (cities) q.join('journal_entries as e', 'e.id', 'l.entry_ref').whereIn('e.city', cities.length ? cities : ['-']);
    return q;
  };
  const sums = async (q: any): Promise<AccountSum[]> =>
    (await q.select('l.account as account').sum({ sum: 'l.amount' }).groupBy('l.account')).map((r: any) => ({ account: r.account, sum: Number(r.sum ?? 0) }));

  return {
    async report(req: ReportRequest) {
      const start = fromZonedTime(parts(req.from));
      const end = fromZonedTime(parts(addDays(req.to, 1)));
      const { cities } = req;
      switch (req.name) {
        case 'trial-balance': {
          const period = await lines(cities, end, start)
            .select('l.account as account')
            .sum({ debit: knex().raw('CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END') })
            .sum({ credit: knex().raw('CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END') })
            .groupBy('l.account');
          const opening = await sums(lines(cities, start));
          return trialBalance(
            period.map((r: any) => ({ account: r.account, debit: Number(r.debit ?? 0), credit: Number(r.credit ?? 0) })),
            opening,
          );
        }
        case 'income': {
          const starts = bucketStarts(req.from, req.to, req.granularity);
          // The bucket label is computed in SQL with portable CASE WHEN bounds (no dialect date functions).
          const bounds = starts.slice(1).map((d) => fromZonedTime(parts(d)));
          const whens = bounds.map(() => 'WHEN l.at < ? THEN ?').join(' ');
          const bindings = bounds.flatMap((b, i) => [b, starts[i]]);
          const bucket = knex().raw(`CASE ${whens} ELSE ? END`, [...bindings, starts[starts.length - 1]]);
          const income = lines(cities, end, start).where('l.account', 'like', 'income:%');
          // One bucket: no CASE (an empty WHEN list is not SQL), the label is the range's start.
          const rows = bounds.length
            ? await income.select({ bucket }).select('l.account as account').sum({ sum: 'l.amount' }).groupBy('bucket', 'l.account')
            : (await sums(income)).map((r) => ({ ...r, bucket: starts[0] }));
          return { granularity: req.granularity, ...incomeStatement(rows.map((r: any) => ({ bucket: String(r.bucket), account: r.account, sum: Number(r.sum ?? 0) }))) };
        }
        case 'expenses':
          return expensesReport(await sums(lines(cities, end, start).where('l.account', 'like', 'expense:%')));
        case 'profit-and-loss':
          return profitAndLoss(await sums(lines(cities, end, start).where((w: any) => w.where('l.account', 'like', 'income:%').orWhere('l.account', 'like', 'expense:%'))));
        case 'balance-sheet':
          return balanceSheet(await sums(lines(cities, end)));
        case 'cash-flow': {
          // Counter-accounts of the period's entries that touch cash: their lines, negated, are the cash moved.
          const touching = lines(undefined, end, start).where('l.account', 'like', 'cash:%').select('l.entry_ref');
          const movements = await sums(lines(cities, end, start).whereNot('l.account', 'like', 'cash:%').whereIn('l.entry_ref', touching));
          const openingCash = (await sums(lines(cities, start).where('l.account', 'like', 'cash:%'))).reduce((s, r) => s + r.sum, 0);
          return cashFlow(movements, openingCash);
        }
      }
    },
  };
};
