import { SealCheck } from '@strapi/icons';
import { definePluginAdmin } from '../../../../admin/kit/register-plugin';
import { getTrad } from './i18n';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

export default definePluginAdmin({
  id: PLUGIN_ID,
  menuLabel: { id: getTrad('plugin.name'), defaultMessage: '师傅审核' },
  icon: SealCheck,
  position: 6,
  permissions: PERMISSIONS.read,
  loadPage: () => import('./pages/App').then((mod) => mod.App),
  translations: {
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});
