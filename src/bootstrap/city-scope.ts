import type { Core } from '@strapi/strapi';

/**
 * RBAC condition 城市运营: an admin user sees only rows of the cities granted to its email in
 * api::settings.city-operator. The same lookup serves plugin admin routes, which apply the
 * filter themselves (Strapi conditions only guard the Content Manager).
 */
export const SAME_CITY_CONDITION = 'api::same-city';

const OPERATOR_UID = 'api::settings.city-operator';

export async function operatorCityCodes(strapi: Core.Strapi, adminEmail: string | undefined): Promise<string[]> {
  if (!adminEmail) return [];
  const row = await strapi.db.query(OPERATOR_UID).findOne({
    where: { adminEmail: adminEmail.toLowerCase() },
    populate: { cities: { select: ['adcode'] } },
  });
  return (row?.cities ?? []).map((c: { adcode: string }) => c.adcode);
}

export const CITY_OPERATOR_ROLE = '城市运营';

export interface ScopedAdmin {
  email: string;
  roles?: Array<{ code: string; name: string }>;
}

/** An admin holding any role besides 城市运营 (super admin included) sees every city. */
export const isCityScoped = (user: ScopedAdmin): boolean =>
  !(user.roles ?? []).some((r) => r.code === 'strapi-super-admin' || r.name !== CITY_OPERATOR_ROLE);

/**
 * The cities an admin may see in plugin admin routes: undefined for every city, otherwise the
 * adcodes granted to a 城市运营 (possibly none).
 */
export async function adminCityScope(strapi: Core.Strapi, user: ScopedAdmin): Promise<string[] | undefined> {
  return isCityScoped(user) ? operatorCityCodes(strapi, user.email) : undefined;
}

/** The query path from a content type to its city's adcode, or undefined when it has none. */
export function cityPathFor(strapi: Core.Strapi, uid: string): string | undefined {
  if (uid === 'api::settings.city') return 'adcode';
  const attribute = (strapi.contentTypes as Record<string, any>)[uid]?.attributes?.city;
  if (attribute?.type === 'relation' && attribute.target === 'api::settings.city') return 'city.adcode';
  return undefined;
}

export function registerCityScopeCondition(strapi: Core.Strapi): void {
  strapi
    .service('admin::permission')
    .conditionProvider.register({
      name: 'same-city',
      displayName: '仅本人负责的城市',
      category: 'city',
      async handler(user: { email?: string; permission?: { subject?: string } }) {
        const subject = user.permission?.subject;
        const path = subject ? cityPathFor(strapi, subject) : undefined;
        // A subject without a city cannot be scoped: deny rather than leak every city.
        if (!path) return false;
        const codes = await operatorCityCodes(strapi, user.email);
        if (codes.length === 0) return false;
        return { [path]: { $in: codes } };
      },
    });
}
