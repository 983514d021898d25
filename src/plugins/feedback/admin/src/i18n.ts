import { createI18n } from '../../../../admin/kit/create-i18n';
import { PLUGIN_ID } from './pluginId';
import zhHans from './translations/zh-Hans.json';

export type MessageKey = keyof typeof zhHans;

export const { getTrad, useT, useKitText } = createI18n(PLUGIN_ID, zhHans);
