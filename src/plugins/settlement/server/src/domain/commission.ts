/**
 * The platform's commission on an order. Pure: the caller passes the rates from 平台参数.
 *
 * Rate precedence, most specific first: the worker's level for the order's service
 * (等级佣金), then the order's category (分类佣金), then the default. The amount is the rate
 * of the gross, rounded half up, raised to the minimum commission and never above the gross:
 * 20% of 4500 with a 1000 minimum → 1000; of 600 with the same minimum → 600 (the worker nets 0).
 */
import { applyBasisPoints, percentToBasisPoints, type Fen } from '../../../../../runtime/money';

export interface CommissionRules {
  defaultPercent: number;
  minCommission: Fen;
  categoryPercents: ReadonlyArray<{ categorySlug: string; percent: number }>;
  levelPercents: ReadonlyArray<{ level: number; percent: number }>;
}

export interface CommissionSubject {
  categorySlug: string | null;
  /** The worker's skill level (1–5) for the order's service; null when unknown. */
  workerLevel: number | null;
}

export type RateSource = 'level' | 'category' | 'default';

export function commissionPercent(subject: CommissionSubject, rules: CommissionRules): { percent: number; source: RateSource } {
  const byLevel = subject.workerLevel === null ? undefined : rules.levelPercents.find((r) => r.level === subject.workerLevel);
  if (byLevel) return { percent: byLevel.percent, source: 'level' };
  const byCategory = subject.categorySlug === null ? undefined : rules.categoryPercents.find((r) => r.categorySlug === subject.categorySlug);
  if (byCategory) return { percent: byCategory.percent, source: 'category' };
  return { percent: rules.defaultPercent, source: 'default' };
}

export interface CommissionSplit {
  gross: Fen;
  commission: Fen;
  net: Fen;
  percent: number;
  source: RateSource;
}

export function splitCommission(gross: Fen, subject: CommissionSubject, rules: CommissionRules): CommissionSplit {
  if (!Number.isSafeInteger(gross) || gross < 0) throw new RangeError('gross must be a non-negative integer number of fen');
  const { percent, source } = commissionPercent(subject, rules);
  const byRate = applyBasisPoints(gross, percentToBasisPoints(percent));
  const commission = Math.min(gross, Math.max(byRate, rules.minCommission));
  return { gross, commission, net: gross - commission, percent, source };
}

/** Share of a fee for the worker, rounded half up: 50% of 3001 → 1501 to the worker. */
export function splitFee(fee: Fen, workerSharePercent: number): { worker: Fen; platform: Fen } {
  const worker = Math.min(fee, applyBasisPoints(fee, percentToBasisPoints(workerSharePercent)));
  return { worker, platform: fee - worker };
}
