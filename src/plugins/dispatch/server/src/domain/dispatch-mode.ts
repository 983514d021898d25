/**
 * Which dispatch mode an order gets: the most specific rule for its city and category wins
 * (city + category, then category, then city), else the platform default (`dispatch.mode`).
 */
export const DISPATCH_MODES = ['recommend', 'assign', 'grab', 'batch', 'manual'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

export const DISPATCH_MODE_LABELS: Readonly<Record<DispatchMode, string>> = {
  recommend: '智能推荐',
  assign: '系统派单',
  grab: '抢单',
  batch: '批量最优派单',
  manual: '人工派单',
};

export interface ModeRule {
  cityAdcode?: string | null;
  categorySlug?: string | null;
  mode: DispatchMode;
}

export function modeFor(rules: readonly ModeRule[], fallback: DispatchMode, city: string | null, category: string | null): DispatchMode {
  let best: { rank: number; mode: DispatchMode } | undefined;
  for (const rule of rules) {
    if (!DISPATCH_MODES.includes(rule.mode)) continue;
    if (rule.cityAdcode && rule.cityAdcode !== city) continue;
    if (rule.categorySlug && rule.categorySlug !== category) continue;
    const rank = (rule.cityAdcode ? 1 : 0) + (rule.categorySlug ? 2 : 0);
    if (!best || rank > best.rank) best = { rank, mode: rule.mode };
  }
  return best?.mode ?? fallback;
}
