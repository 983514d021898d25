import type { Core } from '@strapi/strapi';
import { SAME_CITY_CONDITION } from './city-scope';

/**
 * Admin roles the platform ships with. Permissions are (re)assigned on every boot so a new
 * content type reaches the roles that should see it; operators may add to them in the admin,
 * which the next boot keeps only for subjects listed here (others are left untouched).
 */
type Crud = 'read' | 'create' | 'update' | 'delete';

interface RoleSpec {
  name: string;
  description: string;
  subjects: Record<string, Crud[]>;
  cityScoped?: boolean;
  plugins?: string[];
  /** Fields this role may not write (create/update) per subject; reading stays as it is. */
  readOnlyFields?: Record<string, string[]>;
}

const UPLOAD_UPDATE = 'plugin::upload.assets.update';
const IS_CREATOR_CONDITION = 'admin::is-creator';

const CATALOG = ['api::catalog.service-category', 'api::catalog.service-item', 'api::catalog.skill'];

export const ADMIN_ROLES: RoleSpec[] = [
  {
    name: '客服',
    description: '客服：处理投诉建议、IM 会话，查看客户与订单、协助派单',
    subjects: {
      'plugin::users-permissions.user': ['read'],
      'api::people.customer-profile': ['read', 'update'],
      'api::people.address': ['read'],
      'api::people.worker': ['read'],
      'api::marketing.user-coupon': ['read'],
      'api::marketing.points-entry': ['read'],
      'api::feedback.review': ['read'],
      ...Object.fromEntries(CATALOG.map((uid) => [uid, ['read'] as Crud[]])),
    },
    plugins: ['plugin::upload.read', 'plugin::orders.read', 'plugin::orders.manage', 'plugin::payments.read', 'plugin::dispatch.read', 'plugin::dispatch.manage', 'plugin::tracking.read', 'plugin::im.support', 'plugin::workforce.read', 'plugin::workforce.audit', 'plugin::workforce.manage', 'api::feedback.moderate', 'api::feedback.tickets-read', 'api::feedback.tickets-manage', 'api::feedback.reviews-follow-up'],
  },
  {
    name: '财务',
    description: '财务：收入支出、结算、对账与报表',
    subjects: {
      'api::people.worker': ['read'],
      'api::marketing.coupon': ['read'],
      'api::marketing.user-coupon': ['read'],
      'api::marketing.points-entry': ['read'],
      'api::settings.platform-setting': ['read'],
      ...Object.fromEntries(CATALOG.map((uid) => [uid, ['read'] as Crud[]])),
    },
    plugins: ['plugin::upload.read', 'plugin::orders.read', 'plugin::payments.read', 'plugin::payments.refund', 'plugin::settlement.payouts-read', 'plugin::settlement.payouts-manage', 'plugin::settlement.reports'],
  },
  {
    name: '城市运营',
    description: '城市运营：仅管理所负责城市的师傅、客户、订单与资金',
    cityScoped: true,
    subjects: {
      'api::people.worker': ['read', 'create', 'update'],
      'api::people.customer-profile': ['read'],
      'api::people.address': ['read'],
      'api::settings.city': ['read'],
    },
    plugins: ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::orders.read', 'plugin::orders.manage', 'plugin::payments.read', 'plugin::dispatch.read', 'plugin::dispatch.manage', 'plugin::tracking.read', 'plugin::im.support', 'plugin::workforce.read', 'plugin::workforce.audit', 'plugin::workforce.manage', 'plugin::settlement.payouts-read', 'plugin::settlement.reports', 'api::feedback.tickets-read', 'api::feedback.tickets-manage', 'api::feedback.reviews-follow-up'],
    // Ratings and counters come from reviews and orders; the audit goes through
    // /workforce/workers/:id/audit; the linked account is never re-pointed by hand.
    readOnlyFields: {
      'api::people.worker': ['user', 'rating', 'ratingQuality', 'ratingAttitude', 'ratingSkill', 'ratingSumQuality', 'ratingSumAttitude', 'ratingSumSkill', 'reviewCount', 'completedOrders', 'auditStatus', 'auditLog', 'idVerified', 'searchIndex'],
    },
  },
];

const CM_ACTION: Record<Crud, string> = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
};

function permissionsFor(strapi: Core.Strapi, spec: RoleSpec) {
  const permissionService = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const permissions: any[] = [];
  for (const [subject, cruds] of Object.entries(spec.subjects)) {
    if (!strapi.contentTypes[subject as keyof typeof strapi.contentTypes]) continue;
    for (const crud of cruds) {
      const action = permissionService.actionProvider.get(CM_ACTION[crud]);
      const [permission] = contentTypeService.getPermissionsWithNestedFields([{ ...action, subjects: [subject] }]);
      const scoped = spec.cityScoped && subject !== 'plugin::users-permissions.user';
      const readOnly = crud === 'create' || crud === 'update' ? spec.readOnlyFields?.[subject] : undefined;
      const properties = readOnly && permission.properties?.fields
        ? { ...permission.properties, fields: permission.properties.fields.filter((f: string) => !readOnly.some((r) => f === r || f.startsWith(`${r}.`))) }
        : permission.properties;
      permissions.push({ ...permission, properties, conditions: scoped ? [SAME_CITY_CONDITION] : [] });
    }
  }
  for (const action of spec.plugins ?? []) {
    // Our plugins' actions carry the same-city condition for a city-scoped role, which is what
    // adminCityScope reads; the Media Library's own actions are not city data.
    const scoped = spec.cityScoped && !action.startsWith('plugin::upload.');
    // Replacing or deleting a file changes it wherever it is used (catalog covers, worker
    // photos): only the admin who uploaded it may, as the Media Library's own condition decides.
    const conditions = action === UPLOAD_UPDATE ? [IS_CREATOR_CONDITION] : scoped ? [SAME_CITY_CONDITION] : [];
    if (permissionService.actionProvider.get(action)) permissions.push({ action, subject: null, properties: {}, conditions });
  }
  return permissions;
}

export async function ensureAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role');
  // Super Admin keeps its code (Strapi relies on it); only the label is localised.
  const superAdmin = await roleService.getSuperAdmin();
  if (superAdmin && superAdmin.name !== '超级管理员') {
    await strapi.db.query('admin::role').update({ where: { id: superAdmin.id }, data: { name: '超级管理员', description: '超级管理员：全部功能与设置' } });
  }
  for (const spec of ADMIN_ROLES) {
    let role = await strapi.db.query('admin::role').findOne({ where: { name: spec.name } });
    if (!role) role = await roleService.create({ name: spec.name, description: spec.description });
    const wanted = permissionsFor(strapi, spec);
    const existing = await strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
    // Keep what operators granted on subjects this spec does not manage.
    const managed = new Set([...Object.keys(spec.subjects), ...(spec.plugins ?? [])]);
    const kept = existing
      .filter((p: any) => !managed.has(p.subject) && !managed.has(p.action))
      .map((p: any) => ({ action: p.action, subject: p.subject, properties: p.properties, conditions: p.conditions }));
    await roleService.assignPermissions(role.id, [...wanted, ...kept]);
  }
}
