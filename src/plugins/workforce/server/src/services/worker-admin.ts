import type { Core } from '@strapi/strapi';
import { adminCityScope } from '../../../../../bootstrap/city-scope';
import type { AdminWorkerView, AuditStatus, CertificateType } from '../../../shared/contracts/workforce';
import { AUDIT_STATUS_LABELS, CERTIFICATE_LABELS, DECISION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS } from '../domain/worker-state';
import { getService, WORKER_UID } from '../utils';
import { WORKFORCE_PLUGIN, type AdminUser } from './audit';
import { isoOrNull } from '../../../../../runtime/clock';

const POPULATE = {
  city: { select: ['adcode', 'name'] },
  photo: { select: ['id', 'url'] },
  idCardImages: { select: ['id', 'url', 'mime'] },
  skills: { populate: { skill: { select: ['name'] } } },
  certificates: { populate: { file: { select: ['id', 'url', 'mime'] } } },
  workHistory: true,
  auditLog: true,
} as const;


/** The 师傅审核 queue and a worker's file, as auditors read them (admin only, city-scoped). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const toView = (row: any): AdminWorkerView => {
    const media = getService(strapi, 'media-port');
    const history = [...(row.auditLog ?? [])]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
      .map((e) => ({ decision: e.decision, decisionLabel: DECISION_LABELS[e.decision as keyof typeof DECISION_LABELS] ?? e.decision, reason: e.reason ?? null, operator: e.operator ?? null, operatorLabel: e.operator?.startsWith('user:') ? '申请人本人' : (e.operator ?? null), at: isoOrNull(e.at) as string }));
    return {
      documentId: row.documentId,
      realName: row.realName,
      idNumber: row.idNumber ?? null,
      gender: row.gender,
      genderLabel: GENDER_LABELS[row.gender as 'male' | 'female'] ?? row.gender,
      city: row.city?.adcode ?? null,
      cityName: row.city?.name ?? null,
      auditStatus: row.auditStatus,
      auditStatusLabel: AUDIT_STATUS_LABELS[row.auditStatus as AuditStatus],
      employment: row.employment,
      employmentLabel: EMPLOYMENT_LABELS[row.employment as keyof typeof EMPLOYMENT_LABELS],
      suspendedReason: row.suspendedReason ?? null,
      experienceYears: Number(row.experienceYears ?? 0),
      skills: (row.skills ?? []).filter((s: any) => s.skill).map((s: any) => ({ name: s.skill.name, level: s.level })),
      photo: row.photo ? { id: row.photo.id, url: media.viewUrl(row.photo.url) } : null,
      idCardImages: (row.idCardImages ?? []).map((f: any) => ({ id: f.id, url: media.viewUrl(f.url), mime: f.mime })),
      certificates: (row.certificates ?? []).map((c: any) => ({
        type: c.type as CertificateType,
        typeLabel: CERTIFICATE_LABELS[c.type as CertificateType] ?? c.type,
        name: c.name ?? null,
        expiresAt: c.expiresAt ?? null,
        file: c.file ? { id: c.file.id, url: media.viewUrl(c.file.url), mime: c.file.mime } : null,
      })),
      workHistory: (row.workHistory ?? []).map((w: any) => ({ employer: w.employer ?? null, role: w.role ?? null, from: w.from ?? null, to: w.to ?? null, description: w.description ?? null })),
      history,
      submittedAt: [...history].reverse().find((h) => h.decision === 'submitted')?.at ?? null,
    };
  };

  return {
    async view(admin: AdminUser, documentId: string): Promise<AdminWorkerView> {
      const found = await getService(strapi, 'audit').scopedWorker(admin, documentId);
      return toView(await strapi.db.query(WORKER_UID).findOne({ where: { id: found.id }, populate: POPULATE }));
    },

    /** Oldest application first, so the queue is worked in the order people applied. */
    async list(admin: AdminUser, filter: { auditStatus?: AuditStatus; employment?: string; city?: string; page: number; pageSize: number }) {
      const cities = await adminCityScope(strapi, admin, WORKFORCE_PLUGIN);
      const allowed = cities ? (filter.city ? cities.filter((c) => c === filter.city) : cities) : filter.city ? [filter.city] : undefined;
      const where: Record<string, unknown> = {
        ...(filter.auditStatus ? { auditStatus: filter.auditStatus } : {}),
        ...(filter.employment ? { employment: filter.employment } : {}),
        ...(allowed ? { city: { adcode: { $in: allowed.length ? allowed : ['-'] } } } : {}),
      };
      const [rows, total] = await Promise.all([
        strapi.db.query(WORKER_UID).findMany({ where, populate: POPULATE, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize }),
        strapi.db.query(WORKER_UID).count({ where }),
      ]);
      return {
        data: rows.map(toView),
        meta: { pagination: { page: filter.page, pageSize: filter.pageSize, total, pageCount: Math.ceil(total / filter.pageSize) } },
      };
    },
  };
};
