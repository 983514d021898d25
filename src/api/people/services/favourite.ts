import { transaction } from '../../../runtime/transaction';
import type { Core } from '@strapi/strapi';
import { DomainError, notFound } from '../../../runtime/errors';
import { toPublicWorker } from '../domain/worker-view';
import { MAX_FAVOURITES_PER_KIND, type FavouriteKind } from '../domain/favourites';

const UID = 'api::people.favourite';
const WORKER_UID = 'api::people.worker';
const ITEM_UID = 'api::catalog.service-item';
const PUBLIC_WORKER = { auditStatus: 'approved', employment: 'active' };

const WORKER_POPULATE = { city: { select: ['adcode', 'name'] }, photo: { select: ['url'] }, skills: { populate: { skill: { select: ['slug', 'name'] } } } };

export interface FavouriteView {
  kind: FavouriteKind;
  id: string;
  createdAt: string;
  /** The public view of the worker or item; null once it is off the platform (suspended, off sale). */
  target: Record<string, unknown> | null;
}

const itemView = (row: any) => ({
  documentId: row.documentId,
  name: row.name,
  slug: row.slug,
  price: row.price,
  originalPrice: row.originalPrice ?? null,
  unit: row.unit,
  cover: row.cover?.url ?? null,
});

/**
 * A member's favourite workers and service items. Rows are keyed by scalar columns (user id,
 * kind, target documentId) so a real unique index makes adding idempotent under concurrency.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID);

  async function publicTargets(kind: FavouriteKind, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    if (!ids.length) return found;
    if (kind === 'worker') {
      const workers = await strapi.db.query(WORKER_UID).findMany({ where: { documentId: { $in: ids }, ...PUBLIC_WORKER }, populate: WORKER_POPULATE });
      for (const w of workers) found.set(w.documentId, toPublicWorker(w) as unknown as Record<string, unknown>);
    } else {
      const items = await strapi.db.query(ITEM_UID).findMany({ where: { documentId: { $in: ids }, active: true }, populate: { cover: { select: ['url'] } } });
      for (const i of items) found.set(i.documentId, itemView(i));
    }
    return found;
  }

  return {
    async list(userId: number, kind?: FavouriteKind): Promise<FavouriteView[]> {
      const saved = await rows().findMany({
        where: { userRef: userId, ...(kind ? { kind } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: MAX_FAVOURITES_PER_KIND * 2,
      });
      const byKind = (k: FavouriteKind) => saved.filter((r: any) => r.kind === k).map((r: any) => r.targetId as string);
      const [workers, items] = await Promise.all([publicTargets('worker', byKind('worker')), publicTargets('item', byKind('item'))]);
      return saved.map((r: any) => ({
        kind: r.kind,
        id: r.targetId,
        createdAt: r.createdAt,
        target: (r.kind === 'worker' ? workers : items).get(r.targetId) ?? null,
      }));
    },

    /** Idempotent: favouriting something already favoured returns the saved row (created: false). */
    async add(userId: number, kind: FavouriteKind, targetId: string): Promise<{ favourite: FavouriteView; created: boolean }> {
      const target = (await publicTargets(kind, [targetId])).get(targetId);
      if (!target) throw notFound(kind === 'worker' ? '师傅不存在' : '服务项目不存在');
      const where = { userRef: userId, kind, targetId };
      const toView = (row: any): FavouriteView => ({ kind, id: targetId, createdAt: row.createdAt, target });
      try {
        // A deadlock between parallel inserts of one key (MariaDB) is re-run by transaction(),
        // which then finds the winner's row.
        return await transaction(strapi, async () => {
          const existing = await rows().findOne({ where });
          if (existing) return { favourite: toView(existing), created: false };
          if ((await rows().count({ where: { userRef: userId, kind } })) >= MAX_FAVOURITES_PER_KIND) {
            throw new DomainError('VALIDATION_FAILED', `收藏已达上限（${MAX_FAVOURITES_PER_KIND}）`, { field: 'id', max: MAX_FAVOURITES_PER_KIND });
          }
          // A copy: the query engine writes createdAt/updatedAt into the object it is given.
          return { favourite: toView(await rows().create({ data: { ...where } })), created: true };
        });
      } catch (err) {
        // A parallel add won the unique index: that row is the answer.
        const winner = await rows().findOne({ where });
        if (winner) return { favourite: toView(winner), created: false };
        throw err;
      }
    },

    async remove(userId: number, kind: FavouriteKind, targetId: string): Promise<void> {
      const { count } = await rows().deleteMany({ where: { userRef: userId, kind, targetId } });
      if (!count) throw notFound('未收藏');
    },

    /** Worker documentIds this member favoured, for ranking (dispatch's preference hook). */
    async favouriteWorkerIds(userId: number): Promise<string[]> {
      const saved = await rows().findMany({ where: { userRef: userId, kind: 'worker' }, select: ['targetId'], limit: MAX_FAVOURITES_PER_KIND });
      return saved.map((r: { targetId: string }) => r.targetId);
    },
  };
};
