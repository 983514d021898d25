import type { StrapiApp } from '@strapi/strapi/admin';
import { BulletList } from '@strapi/icons';
import { getTrad, prefixTranslations } from './i18n';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('./translations/en.json'),
  'zh-Hans': () => import('./translations/zh-Hans.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: BulletList,
      intlLabel: { id: getTrad('plugin.name'), defaultMessage: '支付流水' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App').then((mod) => ({ default: mod.App })),
      position: 5,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale];
        if (!load) return { data: {}, locale };
        const { default: messages } = await load();
        return { data: prefixTranslations(messages), locale };
      }),
    );
  },
};
