import * as React from 'react';
import { useIntl } from 'react-intl';
import type { RequestProblem } from './api-error';
import type { KitMessageKey, KitText, Translate } from './kit-text';

/** `{ 'plugin.name': '订单监控' }` → `{ 'orders.plugin.name': '订单监控' }`: plugin messages live under the plugin's id. */
export function prefixMessages(pluginId: string, messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${pluginId}.${key}`, value]));
}

/**
 * The server's own message when it sent one; permission and session problems in the plugin's
 * words. A plugin that names its "not found" (`notFound`, e.g. "not in your city") says so when a
 * 404 came without a message; otherwise `fallback` does.
 */
export function describeProblem<Key extends string>(
  t: Translate<Key | 'error.unauthenticated' | 'error.forbidden'>,
  problem: RequestProblem,
  fallback: Key,
  notFound: Key | null = null,
): string {
  if (problem.status === 401) return t('error.unauthenticated');
  if (problem.status === 403) return t('error.forbidden');
  if (problem.status === 404 && notFound) return problem.message ?? t(notFound);
  return problem.message ?? t(fallback);
}

/**
 * A plugin's typed translation helpers. `reference` is its zh-Hans file (the admin defaults to
 * Chinese): its keys are the only keys `t` accepts, and its text is the fallback for a message
 * missing in the operator's language. It must name the kit's words (KitMessageKey).
 */
export function createI18n<Messages extends Record<KitMessageKey, string>>(pluginId: string, reference: Messages) {
  type Key = keyof Messages & string;
  const texts: Readonly<Record<string, string>> = reference;
  const getTrad = (key: Key): string => `${pluginId}.${key}`;
  const notFound = ('error.notFound' in reference ? 'error.notFound' : null) as Key | null;

  /** `t('list.refresh')` → the message in the admin's language, Chinese when it is missing. */
  function useT(): Translate<Key> {
    const { formatMessage } = useIntl();
    return React.useCallback<Translate<Key>>((key, values) => formatMessage({ id: getTrad(key), defaultMessage: texts[key] }, values), [formatMessage]);
  }

  /** The plugin's words for the kit's list page, detail modal and dialogs. */
  function useKitText(): KitText {
    const t = useT();
    return React.useMemo(() => ({ t, describeProblem: (problem, fallback) => describeProblem<Key>(t, problem, fallback, notFound) }), [t]);
  }

  return { getTrad, useT, useKitText };
}
