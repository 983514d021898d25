import { factories } from '@strapi/strapi';
import { DEFAULT_SETTINGS, mergeSettings, type PlatformSettings } from '../settings-defaults';

const UID = 'api::settings.platform-setting';

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** Effective settings: what operators saved in the admin, over the shipped defaults. */
  async current(): Promise<PlatformSettings> {
    // `populate: '*'` stops at the components: a relation inside one (分类佣金's category) comes back empty.
    const attributes = (strapi.getModel(UID) as any).attributes as Record<string, { type: string }>;
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributes)) if (attribute.type === 'component') populate[name] = true;
    populate.categoryCommissions = { populate: { category: { fields: ['slug'] } } };
    const saved = await strapi.documents(UID).findFirst({ populate: populate as any });
    return mergeSettings(DEFAULT_SETTINGS, (saved ?? {}) as Partial<PlatformSettings>);
  },
}));
