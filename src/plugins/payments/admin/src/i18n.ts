import { createI18n } from '../../../../admin/kit/create-i18n';
import { PLUGIN_ID } from './pluginId';
import zhHans from './translations/zh-Hans.json';

/** Every key of the plugin's messages; zh-Hans is the reference (the admin defaults to Chinese). */
export type MessageKey = keyof typeof zhHans;

/** A 404 without the server's words reads 支付记录不存在，或不在您负责的城市 (error.notFound). */
export const { getTrad, useT, useKitText } = createI18n(PLUGIN_ID, zhHans);
