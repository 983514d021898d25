import { createI18n } from '../../../../admin/kit/create-i18n';
import { PLUGIN_ID } from './pluginId';
import zhHans from './translations/zh-Hans.json';

/** Every key of the plugin's messages; zh-Hans is the reference (the admin defaults to Chinese). */
export type MessageKey = keyof typeof zhHans;

export const { getTrad, useT, useKitText } = createI18n(PLUGIN_ID, zhHans);
