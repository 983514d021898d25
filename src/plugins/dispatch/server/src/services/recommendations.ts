import type { Core } from '@strapi/strapi';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { workerDisplayName } from '../../../../../api/people/domain/privacy';
import type { RecommendedWorker, RecommendRequest } from '../../../shared/contracts/dispatch';
import { getService, WORKER_UID } from '../utils';

/**
 * POST /api/dispatch/recommend (智能推荐): the best free workers for the member's item, address
 * and time, with the score breakdown, for the member to pick; the picked worker then accepts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async recommend(memberId: number, input: RecommendRequest): Promise<RecommendedWorker[]> {
    const [item, address, settings] = await Promise.all([
      strapi.db.query('api::catalog.service-item').findOne({
        where: { documentId: input.serviceItem, active: true },
        select: ['id', 'durationMinutes', 'unit', 'minSkillLevel'],
        populate: { skills: { select: ['id'] } },
      }),
      strapi.db.query('api::people.address').findOne({ where: { documentId: input.address, user: { id: memberId } }, populate: { city: { select: ['adcode'] } } }),
      getService(strapi, 'dispatch-settings').current(),
    ]);
    if (!item) throw new DomainError('VALIDATION_FAILED', '服务项目不存在或已下架', { field: 'serviceItem' });
    if (!address) throw notFound('地址不存在');
    if (address.lat == null || address.lng == null || !address.city?.adcode) throw new DomainError('VALIDATION_FAILED', '地址缺少定位，无法推荐师傅', { field: 'address' });
    const { candidates } = await getService(strapi, 'candidates').rank({
      cityAdcode: address.city.adcode,
      location: { lat: Number(address.lat), lng: Number(address.lng) },
      skillIds: (item.skills ?? []).map((s: { id: number }) => s.id),
      minSkillLevel: item.minSkillLevel ?? 1,
      scheduledAt: new Date(input.scheduledAt),
      durationMinutes: input.durationMinutes ?? item.durationMinutes,
      genderPreference: input.genderPreference,
      memberId,
      limit: input.limit ?? settings.dispatch.maxCandidates,
    });
    if (!candidates.length) return [];
    const rows = await strapi.db.query(WORKER_UID).findMany({
      where: { id: { $in: candidates.map((c) => c.worker.id) } },
      select: ['id', 'documentId', 'realName', 'gender', 'rating', 'experienceYears'],
      populate: { photo: { select: ['url'] }, skills: { populate: { skill: { select: ['slug', 'name'] } } } },
    });
    const byId = new Map(rows.map((r: any) => [r.id, r]));
    return candidates.map((c) => {
      const row: any = byId.get(c.worker.id) ?? {};
      return {
        worker: {
          documentId: c.worker.documentId,
          displayName: workerDisplayName(c.worker.realName, c.worker.gender),
          gender: c.worker.gender,
          rating: Math.round(c.worker.rating * 10) / 10,
          experienceYears: c.worker.experienceYears,
          photo: row.photo?.url ?? null,
          skills: (row.skills ?? []).filter((s: any) => s.skill).map((s: any) => ({ slug: s.skill.slug, name: s.skill.name, level: s.level })),
        },
        score: c.score,
        distanceMeters: c.distanceMeters,
        breakdown: c.breakdown,
      };
    });
  },
});
