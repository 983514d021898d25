import type { Core } from '@strapi/strapi';
import { searchIndexFor } from '../domain/search-index';
import { workerDisplayName } from '../../people/domain/privacy';

/**
 * Recomputes `searchIndex` of one row after it was written. Runs from afterCreate/afterUpdate:
 * the texts it needs (category, tags, skills) are relations and components that the lifecycle
 * event does not carry. Writes only on change, so its own update does not loop.
 */
type Texts = (row: any) => Array<string | null | undefined>;

const SOURCES: Record<string, { populate: Record<string, unknown>; texts: Texts }> = {
  'api::catalog.service-item': {
    populate: { category: { select: ['name'] }, tags: true, skills: { select: ['name'] } },
    texts: (row) => [
      row.name,
      row.category?.name,
      ...(row.tags ?? []).map((t: { label: string }) => t.label),
      ...(row.skills ?? []).map((s: { name: string }) => s.name),
    ],
  },
  'api::catalog.skill': {
    populate: { category: { select: ['name'] } },
    texts: (row) => [row.name, row.category?.name],
  },
  'api::people.worker': {
    populate: { skills: { populate: { skill: { select: ['name'] } } } },
    texts: (row) => [
      row.realName && row.gender ? workerDisplayName(row.realName, row.gender) : undefined,
      ...(row.skills ?? []).map((s: { skill?: { name: string } }) => s.skill?.name),
    ],
  },
};

export async function reindexSearch(strapi: Core.Strapi, uid: keyof typeof SOURCES, id: number): Promise<void> {
  const source = SOURCES[uid];
  const query = strapi.db.query(uid as any);
  const row = await query.findOne({ where: { id }, populate: source.populate });
  if (!row) return;
  const next = searchIndexFor(source.texts(row));
  if (row.searchIndex !== next) await query.update({ where: { id }, data: { searchIndex: next } });
}

/** Lifecycles for a content type whose search index depends on its own row only. */
export const searchIndexLifecycles = (uid: keyof typeof SOURCES) => ({
  async afterCreate(event: { result: { id: number } }) {
    await reindexSearch(strapi, uid, event.result.id);
  },
  async afterUpdate(event: { result?: { id: number } }) {
    if (event.result?.id) await reindexSearch(strapi, uid, event.result.id);
  },
});
