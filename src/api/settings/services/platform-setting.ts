import { factories } from '@strapi/strapi';
import { DEFAULT_SETTINGS, mergeSettings, type PlatformSettings } from '../settings-defaults';

const UID = 'api::settings.platform-setting';

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** Effective settings: what operators saved in the admin, over the shipped defaults. */
  async current(): Promise<PlatformSettings> {
    const saved = await strapi.documents(UID).findFirst({ populate: '*' as any });
    return mergeSettings(DEFAULT_SETTINGS, (saved ?? {}) as Partial<PlatformSettings>);
  },
}));
