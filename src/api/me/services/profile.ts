import type { Core } from '@strapi/strapi';
import { DomainError } from '../../../runtime/errors';
import type { PreferencesInput, ProfileInput } from '../validation/me';

const PROFILE = 'api::people.customer-profile';
const USER = 'plugin::users-permissions.user';

const POPULATE = {
  avatar: { select: ['id', 'url'] },
  city: { select: ['adcode', 'name'] },
  preferences: { populate: { categories: { select: ['documentId', 'slug', 'name'] }, timeWindows: true } },
};

/**
 * A member's own profile (客户档案) and preferences. The profile row is created on first use,
 * so members who signed up by SMS or WeChat need no extra step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function ensureProfile(userId: number) {
    const existing = await strapi.db.query(PROFILE).findOne({ where: { user: { id: userId } }, populate: POPULATE });
    if (existing) return existing;
    await strapi.documents(PROFILE).create({ data: { user: userId, preferences: { workerGender: 'any' } } } as any);
    return strapi.db.query(PROFILE).findOne({ where: { user: { id: userId } }, populate: POPULATE });
  }

  async function cityDocumentId(adcode: string | null | undefined): Promise<string | null | undefined> {
    if (adcode === undefined) return undefined;
    if (adcode === null) return null;
    const city = await strapi.db.query('api::settings.city').findOne({ where: { adcode }, select: ['documentId'] });
    if (!city) throw new DomainError('VALIDATION_FAILED', '城市不存在', { field: 'city' });
    return city.documentId;
  }

  const preferencesView = (profile: any) => {
    const p = profile.preferences ?? {};
    return {
      categories: (p.categories ?? []).map((c: { slug: string }) => c.slug),
      timeWindows: (p.timeWindows ?? []).map((w: any) => ({ weekday: w.weekday, start: w.start, end: w.end })),
      priceMin: p.priceMin ?? null,
      priceMax: p.priceMax ?? null,
      workerGender: p.workerGender ?? 'any',
    };
  };

  return {
    async getProfile(userId: number) {
      const [profile, user] = await Promise.all([
        ensureProfile(userId),
        strapi.db.query(USER).findOne({ where: { id: userId }, select: ['username', 'email', 'phone', 'nickname'] }),
      ]);
      return {
        name: profile.name ?? null,
        nickname: user?.nickname ?? null,
        gender: profile.gender ?? 'unknown',
        avatar: profile.avatar?.url ?? null,
        // The owner sees their own contact details unmasked.
        phone: user?.phone ?? null,
        email: user?.email ?? null,
        city: profile.city?.adcode ?? null,
        cityName: profile.city?.name ?? null,
      };
    },

    async updateProfile(userId: number, input: ProfileInput) {
      const profile = await ensureProfile(userId);
      const { nickname, city, avatar, ...rest } = input;
      const data: Record<string, unknown> = { ...rest };
      const cityId = await cityDocumentId(city);
      if (cityId !== undefined) data.city = cityId;
      if (avatar !== undefined) {
        // Only a picture this member uploaded as an avatar: any other id would hand out that file's URL.
        if (avatar !== null) await strapi.service('api::media.media').assertOwnedFiles(userId, [avatar], 'avatar', 'avatar');
        data.avatar = avatar;
      }
      await strapi.db.transaction(async () => {
        if (Object.keys(data).length) await strapi.documents(PROFILE).update({ documentId: profile.documentId, data } as any);
        if (nickname !== undefined) await strapi.db.query(USER).update({ where: { id: userId }, data: { nickname } });
      });
      return this.getProfile(userId);
    },

    async getPreferences(userId: number) {
      return preferencesView(await ensureProfile(userId));
    },

    async updatePreferences(userId: number, input: PreferencesInput) {
      const profile = await ensureProfile(userId);
      const current = preferencesView(profile);
      let categories: string[] | undefined;
      if (input.categories) {
        const rows = await strapi.db.query('api::catalog.service-category').findMany({
          where: { slug: { $in: input.categories } },
          select: ['documentId', 'slug'],
        });
        const unknown = input.categories.filter((slug) => !rows.some((r: { slug: string }) => r.slug === slug));
        if (unknown.length) throw new DomainError('VALIDATION_FAILED', '服务分类不存在', { field: 'categories', unknown });
        categories = rows.map((r: { documentId: string }) => r.documentId);
      }
      const next = { ...current, ...input };
      if (next.priceMin != null && next.priceMax != null && next.priceMax < next.priceMin) {
        throw new DomainError('VALIDATION_FAILED', '最高价须不低于最低价', { field: 'priceMax' });
      }
      await strapi.documents(PROFILE).update({
        documentId: profile.documentId,
        data: {
          preferences: {
            categories: categories ?? (profile.preferences?.categories ?? []).map((c: { documentId: string }) => c.documentId),
            timeWindows: next.timeWindows,
            priceMin: next.priceMin,
            priceMax: next.priceMax,
            workerGender: next.workerGender,
          },
        },
      } as any);
      return this.getPreferences(userId);
    },
  };
};
