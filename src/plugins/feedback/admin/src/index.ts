import { Discuss } from '@strapi/icons';
import { definePluginAdmin } from '../../../../admin/kit/register-plugin';
import { getTrad } from './i18n';
import { PAGE_PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

/** 客户反馈: an admin-only plugin; its routes live with the feedback API (src/api/feedback/admin-routes.ts). */
export default definePluginAdmin({
  id: PLUGIN_ID,
  menuLabel: { id: getTrad('plugin.name'), defaultMessage: '客户反馈' },
  icon: Discuss,
  position: 7,
  permissions: PAGE_PERMISSIONS,
  loadPage: () => import('./pages/App').then((mod) => mod.App),
  translations: {
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});
