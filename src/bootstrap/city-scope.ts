import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * RBAC condition 城市运营 (`api::same-city`): an admin holding an action only through a permission
 * with this condition sees and touches only rows of the cities granted to them in
 * api::settings.city-operator. Whether someone is scoped follows their permissions, never a role
 * name: one unconditioned grant of the action (from any of their roles) makes them unscoped for it.
 * Plugin admin routes apply the filter themselves through `adminCityScope` (Strapi conditions only
 * guard the Content Manager); Content Manager writes are checked on their new values here too.
 */
export const SAME_CITY_CONDITION = 'api::same-city';
export const CITY_OPERATOR_ROLE = '城市运营';

const OPERATOR_UID = 'api::settings.city-operator';
const SUPER_ADMIN = 'strapi-super-admin';

export interface ScopedAdmin {
  id: number;
  email?: string;
  roles?: Array<{ id?: number; code: string; name: string }>;
}

/**
 * The adcodes granted to an admin user. Grants are keyed by the admin's id: a grant entered by
 * e-mail is bound to the admin holding that e-mail when it is first used, so a later account
 * that takes over the address (or an admin renamed to it) does not inherit the cities.
 */
export async function operatorCityCodes(strapi: Core.Strapi, admin: { id: number; email?: string }): Promise<string[]> {
  const query = strapi.db.query(OPERATOR_UID);
  let row = await query.findOne({ where: { adminUserId: admin.id }, populate: { cities: { select: ['adcode'] } } });
  if (!row && admin.email) {
    const unclaimed = await query.findOne({ where: { adminEmail: admin.email.toLowerCase(), adminUserId: { $null: true } }, select: ['id'] });
    if (unclaimed) {
      await query.updateMany({ where: { id: unclaimed.id, adminUserId: { $null: true } }, data: { adminUserId: admin.id } });
      row = await query.findOne({ where: { adminUserId: admin.id }, populate: { cities: { select: ['adcode'] } } });
    }
  }
  return (row?.cities ?? []).map((c: { adcode: string }) => c.adcode);
}

async function roleIdsOf(strapi: Core.Strapi, user: ScopedAdmin): Promise<{ ids: number[]; superAdmin: boolean }> {
  let roles = user.roles;
  if (!roles?.every((r) => r.id !== undefined)) {
    const row = await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: { roles: { select: ['id', 'code', 'name'] } } });
    roles = row?.roles ?? [];
  }
  return { ids: (roles ?? []).map((r) => r.id as number), superAdmin: (roles ?? []).some((r) => r.code === SUPER_ADMIN) };
}

/**
 * 'unscoped' when one of the admin's roles grants a matching action without the same-city
 * condition, 'scoped' when they hold it only with it, 'none' when they do not hold it at all.
 * `action` is a full action uid, or a plugin prefix (`plugin::orders`): then the admin is
 * unscoped only if every action of that plugin they hold is granted unconditioned somewhere.
 */
export async function cityScopeFor(strapi: Core.Strapi, user: ScopedAdmin, action: string, subject?: string): Promise<'unscoped' | 'scoped' | 'none'> {
  const { ids, superAdmin } = await roleIdsOf(strapi, user);
  if (superAdmin) return 'unscoped';
  if (!ids.length) return 'none';
  const isPrefix = !action.includes('.', action.indexOf('::') + 2) || action.endsWith('.');
  const where: Record<string, unknown> = { role: { id: { $in: ids } }, action: isPrefix ? { $startsWith: `${action.replace(/\.$/, '')}.` } : action };
  if (subject !== undefined) where.subject = subject;
  const permissions = (await strapi.db.query('admin::permission').findMany({ where, select: ['action', 'conditions'] })) as Array<{ action: string; conditions?: string[] | null }>;
  if (!permissions.length) return 'none';
  const unconditioned = new Set(permissions.filter((p) => !(p.conditions ?? []).includes(SAME_CITY_CONDITION)).map((p) => p.action));
  const held = new Set(permissions.map((p) => p.action));
  return [...held].every((a) => unconditioned.has(a)) ? 'unscoped' : 'scoped';
}

/**
 * The cities an admin may act on for `action` (a plugin's actions by default: `plugin::orders`):
 * undefined for every city, otherwise the granted adcodes (possibly none).
 */
export async function adminCityScope(strapi: Core.Strapi, user: ScopedAdmin, action: string): Promise<string[] | undefined> {
  const scope = await cityScopeFor(strapi, user, action);
  if (scope === 'unscoped') return undefined;
  if (scope === 'none') return [];
  return operatorCityCodes(strapi, user);
}

/** The query path from a content type to its city's adcode, or undefined when it has none. */
export function cityPathFor(strapi: Core.Strapi, uid: string): string | undefined {
  if (uid === 'api::settings.city') return 'adcode';
  const attribute = (strapi.contentTypes as Record<string, any>)[uid]?.attributes?.city;
  if (attribute?.type === 'relation' && attribute.target === 'api::settings.city') return 'city.adcode';
  return undefined;
}

/** The city a Content Manager payload sets: undefined when `city` is not in it, null when it clears it. */
function cityRefIn(data: Record<string, unknown>): { documentId?: string; id?: number } | null | undefined {
  if (!('city' in data)) return undefined;
  const pick = (v: unknown): { documentId?: string; id?: number } | null | undefined => {
    if (v === null) return null;
    if (typeof v === 'string') return /^\d+$/.test(v) ? { id: Number(v) } : { documentId: v };
    if (typeof v === 'number') return { id: v };
    if (Array.isArray(v)) return v.length ? pick(v[v.length - 1]) : undefined;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('set' in o) return Array.isArray(o.set) && o.set.length === 0 ? null : pick(o.set);
      if ('connect' in o && Array.isArray(o.connect) && o.connect.length) return pick(o.connect);
      if ('disconnect' in o && Array.isArray(o.disconnect) && o.disconnect.length) return null;
      if ('connect' in o || 'disconnect' in o) return undefined;
      if (typeof o.documentId === 'string') return { documentId: o.documentId };
      if (o.id !== undefined) return { id: Number(o.id) };
    }
    return undefined;
  };
  return pick(data.city);
}

const CM_WRITE: Record<string, string> = {
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
};

/**
 * Strapi checks a condition against the row as it is, not as it will be: a 上海 operator could
 * create a worker in 北京 or move one there. Content Manager creates and updates by a scoped admin
 * must name one of their cities.
 */
function guardContentManagerWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const action = CM_WRITE[ctx.action];
    if (!action || cityPathFor(strapi, ctx.uid) !== 'city.adcode') return next();
    const request = strapi.requestContext.get() as any;
    const admin = request?.state?.user;
    if (!request?.path?.startsWith('/content-manager/') || request.state?.auth?.strategy?.name !== 'admin' || !admin?.id) return next();
    if ((await cityScopeFor(strapi, admin, action, ctx.uid)) !== 'scoped') return next();
    const data = (ctx.params?.data ?? {}) as Record<string, unknown>;
    const ref = cityRefIn(data);
    if (ref === undefined && ctx.action === 'update') return next();
    const codes = await operatorCityCodes(strapi, admin);
    const city = ref ? await strapi.db.query('api::settings.city').findOne({ where: ref.documentId ? { documentId: ref.documentId } : { id: ref.id }, select: ['adcode'] }) : null;
    if (!city || !codes.includes(city.adcode)) {
      throw new errors.ForbiddenError('只能在您负责的城市内创建或修改', { code: 'FORBIDDEN', field: 'city' });
    }
    return next();
  });
}

export function registerCityScopeCondition(strapi: Core.Strapi): void {
  strapi
    .service('admin::permission')
    .conditionProvider.register({
      name: 'same-city',
      displayName: '仅本人负责的城市',
      category: 'city',
      async handler(user: { id: number; email?: string; permission?: { subject?: string | null } }) {
        const subject = user.permission?.subject;
        // Plugin actions have no subject: the condition marks them city-scoped and the plugin's
        // own routes filter by adminCityScope, so the action itself stays allowed.
        if (!subject) return true;
        const path = cityPathFor(strapi, subject);
        // A subject without a city cannot be scoped: deny rather than leak every city.
        if (!path) return false;
        const codes = await operatorCityCodes(strapi, user);
        if (codes.length === 0) return false;
        return { [path]: { $in: codes } };
      },
    });
  guardContentManagerWrites(strapi);
}
