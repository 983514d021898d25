/**
 * The best `limit` items by a score that is costly to compute (it needs the database), given a
 * cheap upper bound for each: items are scored in batches in order of their bound, and the search
 * stops once the next bound is below the `limit`-th score kept. Same result as scoring every item,
 * provided bound(item) ≥ the item's score; `evaluate` may drop items (they no longer qualify).
 *   bounds [90, 80, 40, 30], scores [70, 75, 35, 20], limit 1, step 2 → scores the first two only
 */
export interface BestByBound<T, R> {
  limit: number;
  step: number;
  bound(item: T): number;
  evaluate(batch: T[]): Promise<R[]>;
  score(result: R): number;
  /** The final order (best first), ties included. */
  compare(a: R, b: R): number;
}

export async function bestByBound<T, R>(items: readonly T[], options: BestByBound<T, R>): Promise<R[]> {
  const ranked = items.map((item) => ({ item, bound: options.bound(item) })).sort((a, b) => b.bound - a.bound);
  const kept: R[] = [];
  const step = Math.max(1, options.step);
  for (let from = 0; from < ranked.length; from += step) {
    if (kept.length >= options.limit) {
      kept.sort(options.compare);
      if (ranked[from].bound < options.score(kept[options.limit - 1])) break;
    }
    kept.push(...(await options.evaluate(ranked.slice(from, from + step).map((r) => r.item))));
  }
  return kept.sort(options.compare).slice(0, options.limit);
}
