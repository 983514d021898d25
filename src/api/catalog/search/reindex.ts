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

/**
 * Rows whose index contains another row's name: renaming 家庭清洁 must make its items findable
 * by the new name (and no longer by the old one).
 */
const DEPENDENTS: Record<string, Array<{ uid: keyof typeof SOURCES; where: (id: number) => Record<string, unknown> }>> = {
  'api::catalog.service-category': [
    { uid: 'api::catalog.service-item', where: (id) => ({ category: { id } }) },
    { uid: 'api::catalog.skill', where: (id) => ({ category: { id } }) },
  ],
  'api::catalog.skill': [
    { uid: 'api::catalog.service-item', where: (id) => ({ skills: { id } }) },
    { uid: 'api::people.worker', where: (id) => ({ skills: { skill: { id } } }) },
  ],
};

export async function reindexDependents(strapi: Core.Strapi, uid: string, id: number): Promise<void> {
  for (const dependent of DEPENDENTS[uid] ?? []) {
    const rows = await strapi.db.query(dependent.uid as any).findMany({ where: dependent.where(id), select: ['id'] });
    for (const row of rows) await reindexSearch(strapi, dependent.uid, row.id);
  }
}

type UpdateEvent = {
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  result?: { id: number; name?: string };
  state: { previousName?: string | null };
};

/**
 * Lifecycles for a content type that is searched by its own texts (when it is in SOURCES) and
 * whose name appears in other rows' indexes (when it is in DEPENDENTS). Dependents are only
 * revisited when the name really changed: the index write itself is an update too.
 */
export const searchIndexLifecycles = (uid: string) => ({
  async afterCreate(event: { result: { id: number } }) {
    if (uid in SOURCES) await reindexSearch(strapi, uid, event.result.id);
  },
  async beforeUpdate(event: UpdateEvent) {
    if (!(uid in DEPENDENTS) || !event.params.data || !('name' in event.params.data) || !event.params.where) return;
    const before = await strapi.db.query(uid as any).findOne({ where: event.params.where, select: ['name'] });
    event.state.previousName = before?.name ?? null;
  },
  async afterUpdate(event: UpdateEvent) {
    const id = event.result?.id;
    if (!id) return;
    if (uid in SOURCES) await reindexSearch(strapi, uid, id);
    if (event.state.previousName !== undefined && event.state.previousName !== event.result?.name) {
      await reindexDependents(strapi, uid, id);
    }
  },
});
