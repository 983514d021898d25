import type { Core } from '@strapi/strapi';
import { normaliseSearchQuery, searchRank } from '../../catalog/domain/search-index';
import { toPublicWorker } from '../../people/domain/worker-view';

export type SearchType = 'all' | 'service' | 'worker' | 'skill';

const LIMIT = 20;

function ranked<T extends { name: string; searchIndex?: string | null }>(rows: T[], query: string): T[] {
  return rows
    .map((row, index) => ({ row, index, rank: searchRank(row.name, query, row.searchIndex ?? '') }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * Keyword search over services, workers and skills (服务名称、服务人员、特定技能). Chinese,
 * full pinyin and initials all match through the precomputed `searchIndex` column.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(rawQuery: string, type: SearchType, city?: string) {
    const q = normaliseSearchQuery(rawQuery);
    const want = (t: SearchType) => type === 'all' || type === t;
    const matches = { searchIndex: { $containsi: q } };

    const [services, skills, workers] = await Promise.all([
      want('service')
        ? strapi.db.query('api::catalog.service-item').findMany({
            where: { ...matches, active: true },
            select: ['documentId', 'name', 'slug', 'summary', 'price', 'unit', 'durationMinutes', 'searchIndex'],
            populate: { category: { select: ['slug', 'name'] }, cover: { select: ['url'] } },
            limit: LIMIT * 2,
          })
        : [],
      want('skill')
        ? strapi.db.query('api::catalog.skill').findMany({
            where: matches,
            select: ['documentId', 'name', 'slug', 'searchIndex'],
            populate: { category: { select: ['slug', 'name'] } },
            limit: LIMIT * 2,
          })
        : [],
      want('worker')
        ? strapi.db.query('api::people.worker').findMany({
            where: {
              ...matches,
              auditStatus: 'approved',
              employment: 'active',
              ...(city ? { city: { adcode: city } } : {}),
            },
            populate: {
              city: { select: ['adcode', 'name'] },
              photo: { select: ['url'] },
              skills: { populate: { skill: { select: ['slug', 'name'] } } },
              certificates: true,
            },
            orderBy: [{ rating: 'desc' }, { id: 'asc' }],
            limit: LIMIT * 2,
          })
        : [],
    ]);

    return {
      services: ranked(services, q)
        .slice(0, LIMIT)
        .map((s: any) => ({
          documentId: s.documentId,
          name: s.name,
          slug: s.slug,
          summary: s.summary ?? null,
          price: s.price,
          unit: s.unit,
          durationMinutes: s.durationMinutes,
          category: s.category ? { slug: s.category.slug, name: s.category.name } : null,
          cover: s.cover?.url ?? null,
        })),
      workers: workers.slice(0, LIMIT).map(toPublicWorker),
      skills: ranked(skills, q)
        .slice(0, LIMIT)
        .map((s: any) => ({
          documentId: s.documentId,
          name: s.name,
          slug: s.slug,
          category: s.category ? { slug: s.category.slug, name: s.category.name } : null,
        })),
    };
  },
});
