import type { Core } from '@strapi/strapi';
import { PERMISSION_TAGS } from '../extensions/users-permissions/permission-cache';
import { invalidateReads, readCache, type ReadCacheOptions } from '../runtime/read-cache';

/**
 * Which public reads are cached and what they are built from. Tags are content-type uids: a
 * database write to one of them (Content Manager edits, publish/unpublish — which rewrite the
 * published row —, seeds, our own services' db.query updates such as worker ratings) bumps it.
 */
export const UID = {
  category: 'api::catalog.service-category',
  item: 'api::catalog.service-item',
  skill: 'api::catalog.skill',
  worker: 'api::people.worker',
  city: 'api::settings.city',
  gift: 'api::marketing.gift',
  review: 'api::feedback.review',
  file: 'plugin::upload.file',
  user: 'plugin::users-permissions.user',
} as const;

export const READ_TAGS = {
  categories: [UID.category, UID.item, UID.file],
  // The detail shows the item's rating and recent reviews (masked nickname).
  items: [UID.item, UID.category, UID.skill, UID.file, UID.review, UID.user],
  skills: [UID.skill, UID.category],
  // The profile shows recent reviews with the reviewer's masked nickname and the item name.
  workers: [UID.worker, UID.city, UID.skill, UID.file, UID.review, UID.user, UID.item],
  search: [UID.item, UID.category, UID.skill, UID.worker, UID.city, UID.file],
  gifts: [UID.gift, UID.file],
  cities: [UID.city],
} satisfies Record<string, readonly string[]>;

// A client-chosen `populate` can reach any relation, beyond the tags above: served uncached.
const clientPopulate = (ctx: any) => ctx.query?.populate !== undefined;

/** Route middleware for one of the cached reads (createCoreRouter `config.<action>.middlewares`). */
export function cachedRead(name: keyof typeof READ_TAGS, extra: Pick<ReadCacheOptions, 'bypass'> = {}) {
  return readCache({ tags: READ_TAGS[name], bypass: (ctx) => clientPopulate(ctx) || Boolean(extra.bypass?.(ctx)) });
}

// Role permissions are cached too (src/extensions/users-permissions/permission-cache.ts).
const WATCHED = new Set<string>([...Object.values(UID), ...PERMISSION_TAGS]);

/** Which tags a lifecycle event bumps; users only matter through the nickname reviews show. */
function tagsFor(event: { action: string; model: { uid: string }; params?: { data?: Record<string, unknown> } }): string[] {
  const uid = event.model.uid;
  if (!WATCHED.has(uid)) return [];
  if (uid === UID.user) {
    if (event.action.startsWith('afterCreate')) return [];
    if (event.action.startsWith('afterUpdate') && !(event.params?.data && 'nickname' in event.params.data)) return [];
  }
  return [uid];
}

export function registerReadCacheInvalidation(strapi: Core.Strapi): void {
  const onError = (err: unknown) => strapi.log.error(`Response cache invalidation failed: ${(err as Error)?.message ?? err}`);
  const transaction = {
    inTransaction: () => strapi.db.inTransaction(),
    // Strapi exposes onCommit only to transaction callbacks; a nested transaction() joins the
    // current one and shares its commit callbacks.
    onCommit: async (callback: () => void) => {
      await strapi.db.transaction(async ({ onCommit }) => onCommit(callback));
    },
  };
  const handler = async (event: any) => invalidateReads(tagsFor(event), transaction, onError);
  strapi.db.lifecycles.subscribe({
    afterCreate: handler,
    afterCreateMany: handler,
    afterUpdate: handler,
    afterUpdateMany: handler,
    afterDelete: handler,
    afterDeleteMany: handler,
  });
}
