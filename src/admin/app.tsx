import type { StrapiApp } from '@strapi/strapi/admin';
import logo from './extensions/logo.svg';
import zhHans from './translations/zh-Hans.json';

const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';
const BRAND = '上门 管理后台';

// Operators work in Chinese: make it the language of a browser that never chose one, before the
// admin renders (the login page included). A language picked later in the profile is kept.
if (typeof window !== 'undefined' && !window.localStorage.getItem(ADMIN_LANGUAGE_KEY)) {
  window.localStorage.setItem(ADMIN_LANGUAGE_KEY, 'zh-Hans');
}

/** Pages set `<page> | Strapi` as the tab title; show our name instead. */
function brandDocument(): void {
  const rename = () => {
    const current = document.title;
    const next = current === 'Strapi Admin' ? BRAND : current.replace(/\| Strapi$/, `| ${BRAND}`);
    if (next !== current) document.title = next;
  };
  rename();
  const title = document.querySelector('title');
  if (title) new MutationObserver(rename).observe(title, { childList: true, characterData: true, subtree: true });

  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.head.appendChild(document.createElement('link'));
  icon.rel = 'icon';
  icon.type = 'image/svg+xml';
  icon.href = logo;
}

export default {
  config: {
    // English stays available (Strapi always offers it) for whoever prefers it in their profile.
    locales: ['zh-Hans'],
    // Strapi's own zh-Hans leaves much of the Content Manager and media library in English.
    translations: { 'zh-Hans': zhHans },
    auth: { logo },
    menu: { logo },
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    brandDocument();
  },
};
