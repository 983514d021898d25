import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { findRoleId, ROLE_MEMBER, ROLE_WORKER } from '../../src/bootstrap/users-roles';

/** Small, explicit fixtures for API tests that must not depend on the demo seed. */

const uniq = () => crypto.randomBytes(4).toString('hex');

export async function createCity(strapi: Core.Strapi, adcode = '310100', name = '上海', center = [31.2304, 121.4737]) {
  return strapi.documents('api::settings.city').create({
    data: { adcode, name, centerLat: center[0], centerLng: center[1], active: true },
  } as any);
}

export async function createCategory(strapi: Core.Strapi, slug: string, name: string, extra: Record<string, unknown> = {}) {
  return strapi.documents('api::catalog.service-category').create({ data: { slug, name, active: true, ...extra } } as any);
}

export async function createItem(strapi: Core.Strapi, categoryDocumentId: string, slug: string, name: string, extra: Record<string, unknown> = {}) {
  return strapi.documents('api::catalog.service-item').create({
    data: { slug, name, category: categoryDocumentId, price: 9900, durationMinutes: 120, unit: 'time', minQuantity: 1, active: true, ...extra },
  } as any);
}

export async function createSkill(strapi: Core.Strapi, slug: string, name: string) {
  return strapi.documents('api::catalog.skill').create({ data: { slug, name } } as any);
}

export interface TestUser {
  id: number;
  jwt: string;
  auth: { Authorization: string };
}

export async function createUser(strapi: Core.Strapi, roleType = ROLE_MEMBER, extra: Record<string, unknown> = {}): Promise<TestUser> {
  const role = await findRoleId(strapi, roleType);
  const name = `u${uniq()}`;
  const user = await strapi.db.query('plugin::users-permissions.user').create({
    data: { username: name, email: `${name}@test.shangmen`, provider: 'local', confirmed: true, blocked: false, role, ...extra },
  });
  const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id, jwt, auth: { Authorization: `Bearer ${jwt}` } };
}

export const createMember = (strapi: Core.Strapi, extra?: Record<string, unknown>) => createUser(strapi, ROLE_MEMBER, extra);
export const createWorkerUser = (strapi: Core.Strapi, extra?: Record<string, unknown>) => createUser(strapi, ROLE_WORKER, extra);

export async function createWorker(strapi: Core.Strapi, data: Record<string, unknown>) {
  return strapi.documents('api::people.worker').create({
    data: { gender: 'female', auditStatus: 'approved', employment: 'active', experienceYears: 3, ...data },
  } as any);
}

/** Creates an admin user with the named admin role and signs in through /admin/login. */
export async function createAdminSession(
  strapi: Core.Strapi,
  http: { post(url: string): any },
  email: string,
  roleName: string,
): Promise<{ token: string; auth: { Authorization: string } }> {
  const role = await strapi.db.query('admin::role').findOne({ where: { name: roleName } });
  await strapi.service('admin::user').create({ email, firstname: '测试', password: 'Admin12345!', isActive: true, registrationToken: null, roles: [role.id] });
  const res = await http.post('/admin/login').send({ email, password: 'Admin12345!' }).expect(200);
  const token: string = res.body.data.token ?? res.body.data.accessToken;
  return { token, auth: { Authorization: `Bearer ${token}` } };
}
