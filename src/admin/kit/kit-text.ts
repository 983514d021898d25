import type { RequestProblem } from './api-error';

export type Translate<Key extends string> = (key: Key, values?: Record<string, string | number>) => string;

/**
 * Words the kit's components show, which each plugin says its own way ("没有符合条件的订单" /
 * "…的支付记录"): every plugin admin built on the kit has these keys in its messages.
 */
export type KitMessageKey =
  | 'plugin.name'
  | 'list.refresh'
  | 'list.loading'
  | 'list.empty'
  | 'filters.clear'
  | 'filters.reset'
  | 'detail.close'
  | 'detail.loading'
  | 'action.back'
  | 'error.listFailed'
  | 'error.detailFailed'
  | 'error.actionFailed'
  | 'error.forbidden'
  | 'error.unauthenticated';

/** A plugin's words for the kit's components (from its `useKitText()`). */
export interface KitText {
  t: Translate<KitMessageKey>;
  /** The server's own message when it sent one; permission and session problems in the plugin's words. */
  describeProblem(problem: RequestProblem, fallback: KitMessageKey): string;
}
