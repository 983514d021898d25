import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { clock, toZonedIso } from '../../../../../runtime/clock';
import { DomainError, validationFailed } from '../../../../../runtime/errors';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import type { ApplicationView, ApplyRequest } from '../../../shared/contracts/workforce';
import { checkApplicantIdentity, isProblem } from '../domain/application';
import { canSubmitApplication } from '../domain/worker-state';
import { getService, WORKER_UID } from '../utils';

const POPULATE = { city: { select: ['adcode'] }, auditLog: true } as const;

/** The applicant's own view: status and, after a rejection, why. */
export function toApplicationView(row: any): ApplicationView {
  const log: any[] = [...(row.auditLog ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = (decision: string) => [...log].reverse().find((e) => e.decision === decision);
  return {
    documentId: row.documentId,
    realName: row.realName,
    gender: row.gender,
    city: row.city?.adcode ?? null,
    auditStatus: row.auditStatus,
    auditReason: row.auditStatus === 'rejected' ? (last('rejected')?.reason ?? null) : null,
    employment: row.employment,
    submittedAt: last('submitted')?.at ? new Date(last('submitted').at).toISOString() : null,
  };
}

/**
 * POST /api/workers/apply: a member's application to work on the platform. One per member: a
 * second while one is pending (or after approval) is 409 CONFLICT; after a rejection the same
 * worker record is filled in again and goes back to pending.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;

  /** Relations named by the applicant, resolved before any write (400 with the field). */
  async function resolveRefs(input: ApplyRequest) {
    const city = await strapi.db.query('api::settings.city').findOne({ where: { adcode: input.city, active: true }, select: ['documentId'] });
    if (!city) throw validationFailed('城市不存在或未开通服务', { field: 'city' });
    const wanted = input.skills.map((s) => s.skill);
    const dup = wanted.findIndex((id, i) => wanted.indexOf(id) !== i);
    if (dup >= 0) throw validationFailed('技能重复', { field: `skills[${dup}].skill` });
    const found = await strapi.db.query('api::catalog.skill').findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] });
    const known = new Set(found.map((s: { documentId: string }) => s.documentId));
    const missing = wanted.findIndex((id) => !known.has(id));
    if (missing >= 0) throw validationFailed('技能不存在', { field: `skills[${missing}].skill` });
    return { cityDocumentId: city.documentId as string };
  }

  return {
    async findOwn(userId: number) {
      return strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, populate: POPULATE });
    },

    async apply(userId: number, input: ApplyRequest): Promise<ApplicationView> {
      const now = clock.now();
      const identity = checkApplicantIdentity({ idNumber: input.idNumber, gender: input.gender }, toZonedIso(now).slice(0, 10));
      if (isProblem(identity)) throw validationFailed(identity.message, { field: identity.field });
      const { cityDocumentId } = await resolveRefs(input);
      const media = getService(strapi, 'media-port');
      await media.assertOwn(userId, (input.certificates ?? []).map((c) => c.file), ['certificate', 'application'], 'certificates');
      if (input.photo !== undefined) await media.assertOwn(userId, [input.photo], ['avatar', 'application'], 'photo');
      await media.assertOwn(userId, input.idCardImages ?? [], ['application'], 'idCardImages');

      const data = {
        realName: input.realName,
        idNumber: identity.idNumber,
        idVerified: false,
        gender: input.gender,
        // The schema's range (1940–2010); a number outside it still identifies the applicant.
        birthYear: identity.birthYear >= 1940 && identity.birthYear <= 2010 ? identity.birthYear : null,
        city: cityDocumentId,
        skills: input.skills.map((s) => ({ skill: s.skill, level: s.level ?? 1 })),
        experienceYears: input.experienceYears,
        workHistory: (input.workHistory ?? []).map((w) => ({ ...w, verified: false })),
        certificates: (input.certificates ?? []).map((c) => ({ type: c.type, name: c.name ?? null, file: c.file, expiresAt: c.expiresAt ?? null, verified: false })),
        ...(input.photo !== undefined ? { photo: input.photo } : {}),
        idCardImages: input.idCardImages ?? [],
        auditStatus: 'pending',
        employment: 'active',
      };
      const submitted = { decision: 'submitted', reason: '提交入驻申请', operator: `user:${userId}`, at: now };

      const documentId = await transaction(strapi, async ({ trx }) => {
        // Serialises two applications of one member: the second sees the first's row.
        await lockRow(knex(), trx, 'up_users', userId);
        const existing = await this.findOwn(userId);
        if (!canSubmitApplication(existing ? { auditStatus: existing.auditStatus, employment: existing.employment } : null)) {
          throw new DomainError('CONFLICT', existing.auditStatus === 'pending' ? '您已提交入驻申请，请等待审核' : '您已是平台服务人员', {
            worker: existing.documentId,
            auditStatus: existing.auditStatus,
          });
        }
        if (existing) {
          const keep = (existing.auditLog ?? []).map(({ id: _id, ...entry }: any) => entry);
          await strapi.documents(WORKER_UID).update({ documentId: existing.documentId, data: { ...data, auditLog: [...keep, submitted] } } as any);
          return existing.documentId as string;
        }
        const created = await strapi.documents(WORKER_UID).create({ data: { ...data, user: userId, auditLog: [submitted] } } as any);
        return created.documentId as string;
      });
      const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, populate: POPULATE });
      return toApplicationView(row);
    },
  };
};
