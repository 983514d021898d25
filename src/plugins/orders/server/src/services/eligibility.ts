import type { Core } from '@strapi/strapi';
import { certificateUsableOn, certificateValidThrough } from '../../../../../api/people/domain/certificates';
import { DomainError, forbidden } from '../../../../../runtime/errors';
import { isUniqueViolation } from '../../../../../runtime/unique-violation';

const WORKER_UID = 'api::people.worker';

export interface WorkerRecord {
  id: number;
  documentId: string;
  gender: 'male' | 'female';
  auditStatus: string;
  employment: string;
  cityAdcode: string | null;
  skillIds: number[];
  /** Skills that need a certificate (技能 → 所需证书): the last day the worker's is valid, null when they hold none. */
  certifiedThrough: Map<number, string | null>;
  userId: number | null;
}

const toRecord = (row: any): WorkerRecord => ({
  id: row.id,
  documentId: row.documentId,
  gender: row.gender,
  auditStatus: row.auditStatus,
  employment: row.employment,
  cityAdcode: row.city?.adcode ?? null,
  skillIds: (row.skills ?? []).map((s: any) => s.skill?.id).filter(Boolean),
  certifiedThrough: new Map(
    (row.skills ?? [])
      .filter((s: any) => s.skill?.id && s.skill.requiredCertificate)
      .map((s: any) => [s.skill.id, certificateValidThrough(s.skill.requiredCertificate, row.certificates ?? [])]),
  ),
  userId: row.user?.id ?? null,
});

const POPULATE = {
  city: { select: ['adcode'] },
  skills: { populate: { skill: { select: ['id', 'requiredCertificate'] } } },
  certificates: { select: ['type', 'expiresAt'] },
  user: { select: ['id'] },
};

export interface OrderNeeds {
  item: { skillIds: number[] };
  cityAdcode: string;
  genderPreference?: 'male' | 'female' | 'any' | null;
  /** The service's business day ("YYYY-MM-DD"): a skill's certificate must be valid on it. */
  serviceDay: string;
}

/**
 * Who may take an order: an approved, active worker in the order's city with one of the skills
 * the item needs, its certificate (if the skill needs one) valid on the service day, and the
 * gender the member asked for. Free time is a separate question,
 * answered by the worker's slot rows.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async workerForUser(userId: number): Promise<WorkerRecord> {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, populate: POPULATE });
    if (!row) throw forbidden('您还不是平台服务人员');
    return toRecord(row);
  },

  async workerById(id: number): Promise<WorkerRecord | null> {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { id }, populate: POPULATE });
    return row ? toRecord(row) : null;
  },

  /** Why this worker cannot serve these needs, or null when they can. */
  unfitReason(worker: WorkerRecord, needs: OrderNeeds): string | null {
    if (worker.auditStatus !== 'approved' || worker.employment !== 'active') return '服务人员未通过审核或已停用';
    if (worker.cityAdcode !== needs.cityAdcode) return '服务人员不在订单所在城市';
    const held = needs.item.skillIds.filter((id) => worker.skillIds.includes(id));
    if (needs.item.skillIds.length && !held.length) return '服务人员不具备该服务所需技能';
    const certified = (id: number) => !worker.certifiedThrough.has(id) || certificateUsableOn(worker.certifiedThrough.get(id) ?? null, needs.serviceDay);
    if (held.length && !held.some(certified)) return '服务人员所需资质证书缺失或已过期';
    if (needs.genderPreference && needs.genderPreference !== 'any' && worker.gender !== needs.genderPreference) {
      return '服务人员性别不符合要求';
    }
    return null;
  },

  /** The member's chosen worker, who must be able to serve the order. */
  async eligibleWorker(documentId: string, needs: OrderNeeds): Promise<WorkerRecord> {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, populate: POPULATE });
    if (!row) throw new DomainError('VALIDATION_FAILED', '服务人员不存在', { field: 'worker' });
    const worker = toRecord(row);
    const reason = this.unfitReason(worker, needs);
    if (reason) throw new DomainError('WORKER_UNAVAILABLE', reason, { worker: documentId });
    return worker;
  },

  /** WORKER_UNAVAILABLE when any of the slots is already held by one of the worker's orders. */
  async assertFree(workerId: number, slots: Date[]): Promise<void> {
    const keys = slots.map(slotKey);
    const taken = await strapi.db.connection('worker_slots').where({ worker_id: workerId }).whereIn('slot_key', keys).first('id');
    if (taken) throw new DomainError('WORKER_UNAVAILABLE', '该服务人员在所选时间已有安排', { field: 'worker' });
  },

  /**
   * Holds the worker's slots for an order inside the caller's transaction. The unique
   * (worker_id, slot_key) index makes a second holder fail, whatever the concurrency.
   */
  async reserveSlots(trx: any, workerId: number, orderId: number, slots: Date[]): Promise<void> {
    const rows = slots.map((s) => ({ worker_id: workerId, slot_key: slotKey(s), order_id: orderId }));
    try {
      for (let i = 0; i < rows.length; i += 200) {
        await strapi.db.connection('worker_slots').transacting(trx).insert(rows.slice(i, i + 200));
      }
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError('SLOT_TAKEN', '该时间段您已有其他订单', { worker: workerId });
      }
      throw err;
    }
  },

  async releaseSlots(trx: any, orderId: number): Promise<void> {
    await strapi.db.connection('worker_slots').transacting(trx).where({ order_id: orderId }).delete();
  },
});

/** Minutes since the epoch: exact, and the same on every database. */
export const slotKey = (slot: Date): number => Math.floor(slot.getTime() / 60_000);
