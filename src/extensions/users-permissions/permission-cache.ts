import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { hasRuntime, runtime } from '../../runtime';

/**
 * users-permissions reads the caller's role permissions from the database on every content-API
 * request, before any controller (or the response cache) runs: a query per public read. These
 * rows change only when an admin edits a role, so they are kept in-process under the versions
 * of the permission and role tags — the same versioned keys as the response cache, bumped by
 * the same database lifecycles (src/bootstrap/read-cache.ts), so an edited role applies to the
 * very next request on every instance.
 */
export const PERMISSION_TAGS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

type PermissionService = {
  findPublicPermissions(): Promise<unknown[]>;
  findRolePermissions(roleId: unknown): Promise<unknown[]>;
  [name: string]: unknown;
};
type ServiceFactory = (args: { strapi: Core.Strapi }) => PermissionService;

export function withCachedPermissions(factory: ServiceFactory): ServiceFactory {
  return (args) => {
    const stock = factory(args);
    const entries = new LRUCache<string, unknown[]>({ max: 200 });
    const cached = async (name: string, load: () => Promise<unknown[]>): Promise<unknown[]> => {
      if (!hasRuntime()) return load();
      // Versions first, rows second: a role edited in between bumps them, and the rows read
      // under the old versions are never served again.
      const key = `${name}|${await runtime().responses.stamp(PERMISSION_TAGS)}`;
      let rows = entries.get(key);
      if (!rows) {
        rows = await load();
        entries.set(key, rows);
      }
      return [...rows];
    };
    return Object.assign(Object.create(Object.getPrototypeOf(stock)), stock, {
      findPublicPermissions: () => cached('public', () => stock.findPublicPermissions()),
      findRolePermissions: (roleId: unknown) => cached(`role:${String(roleId)}`, () => stock.findRolePermissions(roleId)),
    });
  };
}
