import * as React from 'react';
import { useIntl } from 'react-intl';
import type { RequestProblem } from './api/api-error';
import { PLUGIN_ID } from './pluginId';
import zhHans from './translations/zh-Hans.json';

/** Every key of the plugin's messages; zh-Hans is the reference (the admin defaults to Chinese). */
export type MessageKey = keyof typeof zhHans;

export const getTrad = (key: MessageKey): string => `${PLUGIN_ID}.${key}`;

export function prefixTranslations(messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `t('list.refresh')` → the message in the admin's language, Chinese when it is missing. */
export function useT(): Translate {
  const { formatMessage } = useIntl();
  return React.useCallback<Translate>((key, values) => formatMessage({ id: getTrad(key), defaultMessage: zhHans[key] }, values), [formatMessage]);
}

/** The server's own message when it sent one (Chinese); permission and session problems in our words. */
export function describeProblem(t: Translate, problem: RequestProblem, fallback: MessageKey): string {
  if (problem.status === 401) return t('error.unauthenticated');
  if (problem.status === 403) return t('error.forbidden');
  if (problem.status === 404) return problem.message ?? t('error.notFound');
  return problem.message ?? t(fallback);
}
