import type { Core } from '@strapi/strapi';

export const CONTENT_LOCALE = { code: 'zh-Hans', name: '简体中文 (zh-Hans)' };

/** Read by i18n when it creates the first locale of a fresh database (register phase). */
export function preferChineseInitialLocale(): void {
  process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= CONTENT_LOCALE.code;
}

/** Databases created before that (default `en`) are moved to zh-Hans once; a default an
 * operator chose later (anything but `en`) is left alone. */
export async function ensureChineseContentLocale(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode(CONTENT_LOCALE.code))) await locales.create(CONTENT_LOCALE);
  const current = await locales.getDefaultLocale();
  if (!current || current === 'en') await locales.setDefaultLocale({ code: CONTENT_LOCALE.code });
}
