import type { Core } from '@strapi/strapi';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { workerDisplayName } from '../../../../../api/people/domain/privacy';
import type { UpdateWorkerSelfRequest, WorkerSelfView } from '../../../shared/contracts/dispatch';
import { getService, WORKER_UID } from '../utils';

const POPULATE = {
  city: { select: ['adcode', 'name'] },
  photo: { select: ['id', 'url'] },
  skills: { populate: { skill: { select: ['slug', 'name'] } } },
  auditLog: true,
};

/** The reason given with the latest rejection (audit entries come from the workforce plugin). */
function lastRejection(row: any): string | null {
  const rejected = (row.auditLog ?? []).filter((e: any) => e.decision === 'rejected');
  rejected.sort((a: any, b: any) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  return rejected.length ? (rejected[rejected.length - 1].reason ?? null) : null;
}

const num = (v: unknown, fallback = 0) => (Number.isFinite(Number(v)) && v !== null ? Number(v) : fallback);

/** The owner's view of their worker profile: unmasked own name, position and switches. */
export function toSelfView(row: any): WorkerSelfView {
  return {
    documentId: row.documentId,
    realName: row.realName,
    displayName: workerDisplayName(row.realName ?? '', row.gender),
    gender: row.gender,
    city: row.city?.adcode ?? null,
    cityName: row.city?.name ?? null,
    photo: row.photo ? { id: row.photo.id, url: row.photo.url } : null,
    bio: row.bio ?? null,
    serviceRadiusMeters: num(row.serviceRadiusMeters, 10_000),
    home: row.homeLat != null && row.homeLng != null ? { lat: Number(row.homeLat), lng: Number(row.homeLng) } : null,
    acceptingOrders: row.acceptingOrders !== false,
    auditStatus: row.auditStatus,
    auditReason: row.auditStatus === 'rejected' ? lastRejection(row) : null,
    employment: row.employment,
    suspendedReason: row.employment === 'suspended' ? (row.suspendedReason ?? null) : null,
    skills: (row.skills ?? []).filter((s: any) => s.skill).map((s: any) => ({ slug: s.skill.slug, name: s.skill.name, level: s.level })),
    experienceYears: num(row.experienceYears),
    rating: Math.round(num(row.rating, 5) * 10) / 10,
    reviewCount: num(row.reviewCount),
    completedOrders: num(row.completedOrders),
  };
}

/**
 * GET|PUT /api/me/worker. A member who never was a worker gets 404; `view` is the one place
 * that decides what the owner sees (the applicant's view extends it by audit status).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOwn(userId: number): Promise<any | null> {
    return strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, populate: POPULATE });
  },

  async view(userId: number): Promise<WorkerSelfView> {
    const row = await this.findOwn(userId);
    if (!row) throw notFound('您还不是平台服务人员');
    return toSelfView(row);
  },

  async update(userId: number, input: UpdateWorkerSelfRequest): Promise<WorkerSelfView> {
    const row = await this.findOwn(userId);
    if (!row) throw notFound('您还不是平台服务人员');
    const data: Record<string, unknown> = {};
    if (input.bio !== undefined) data.bio = input.bio;
    if (input.serviceRadiusMeters !== undefined) data.serviceRadiusMeters = input.serviceRadiusMeters;
    if (input.acceptingOrders !== undefined) data.acceptingOrders = input.acceptingOrders;
    if (input.home !== undefined) {
      data.homeLat = input.home?.lat ?? null;
      data.homeLng = input.home?.lng ?? null;
    }
    if (input.photo !== undefined) {
      if (input.photo !== null && !(await strapi.db.query('plugin::upload.file').findOne({ where: { id: input.photo }, select: ['id'] }))) {
        throw new DomainError('VALIDATION_FAILED', '照片文件不存在', { field: 'photo' });
      }
      if (input.photo !== null) await getService(strapi, 'media-port').assertOwnPhoto(userId, input.photo);
      data.photo = input.photo;
    }
    if (Object.keys(data).length) {
      await strapi.documents(WORKER_UID).update({ documentId: row.documentId, data } as any);
      getService(strapi, 'worker-directory').invalidate(row.id);
    }
    return this.view(userId);
  },
});
