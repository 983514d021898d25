/**
 * Money is integer fen (分) everywhere: storage, API and arithmetic. Ratios are basis points
 * (1% = 100 bp) so no float ever touches an amount.
 */
export type Fen = number;

export const BP_PER_UNIT = 10_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertFen(value: unknown, field = 'amount'): Fen {
  if (!isFen(value)) throw new RangeError(`${field} must be a non-negative integer number of fen`);
  return value;
}

const YUAN_PATTERN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "12.3" → 1230. Parses the decimal text, so 0.1 + 0.2 style float errors cannot occur. */
export function yuanToFen(yuan: string | number): Fen {
  const text = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw new RangeError(`not an amount in yuan: ${yuan}`);
  const [, whole, fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1230 → "12.30" */
export function fenToYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1230 → "¥12.30" for user-facing text. */
export const formatYuan = (fen: Fen): string => `¥${fenToYuan(fen)}`;

/**
 * fen × bp / 10000, rounded half up. Deposit 30% of 9900 → applyBasisPoints(9900, 3000) = 2970.
 */
export function applyBasisPoints(fen: Fen, bp: number): Fen {
  if (!Number.isInteger(bp) || bp < 0) throw new RangeError('basis points must be a non-negative integer');
  return Math.floor((fen * bp + BP_PER_UNIT / 2) / BP_PER_UNIT);
}

/** Percentage like 30 or 12.5 → basis points 3000 / 1250 (admin forms speak percent). */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Split `total` over `weights` so the parts sum exactly to `total` (largest remainder).
 * allocate(100, [1, 1, 1]) → [34, 33, 33]. Used to spread a discount over order lines.
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let remainder = total - parts.reduce((acc, p) => acc + p, 0);
  const byFraction = raw
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of byFraction) {
    if (remainder <= 0) break;
    parts[index] += 1;
    remainder -= 1;
  }
  return parts;
}

export const sumFen = (values: readonly Fen[]): Fen => values.reduce((acc, v) => acc + v, 0);
