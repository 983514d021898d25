import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { prefixMessages } from './create-i18n';

type MenuLink = Parameters<StrapiApp['addMenuLink']>[0];

type MessagesLoader = () => Promise<{ default: Record<string, string> }>;

interface PluginAdmin {
  id: string;
  /** The menu entry: its message id and the Chinese shown before translations load. */
  menuLabel: { id: string; defaultMessage: string };
  icon: React.ElementType;
  /** Place in the main menu. */
  position: number;
  /** Roles without these do not see the menu entry (the page guards a typed-in URL itself). */
  permissions: MenuLink['permissions'];
  /** The page, loaded when first opened: `() => import('./pages/App').then((mod) => mod.App)`. */
  loadPage(): Promise<React.ComponentType>;
  /** The plugin's message files by locale; a locale without one gets no plugin messages. */
  translations: Record<string, MessagesLoader>;
}

/** A plugin's admin entry (`strapi-admin`): one menu link to its page and its translations under its id. */
export function definePluginAdmin({ id, menuLabel, icon, position, permissions, loadPage, translations }: PluginAdmin) {
  return {
    register(app: StrapiApp) {
      app.addMenuLink({
        to: `plugins/${id}`,
        icon,
        intlLabel: menuLabel,
        permissions,
        Component: () => loadPage().then((Page) => ({ default: Page })),
        position,
      });
      app.registerPlugin({ id, name: id });
    },

    async registerTrads({ locales }: { locales: string[] }) {
      return Promise.all(
        locales.map(async (locale) => {
          const load = translations[locale];
          if (!load) return { data: {}, locale };
          const { default: messages } = await load();
          return { data: prefixMessages(id, messages), locale };
        }),
      );
    },
  };
}
