import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { adminCityScope, type ScopedAdmin } from '../../../../../bootstrap/city-scope';
import { findRoleId, ROLE_WORKER } from '../../../../../bootstrap/users-roles';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction, updateRelations } from '../../../../../runtime/transaction';
import type { AdminWorkerView, AuditStatus } from '../../../shared/contracts/workforce';
import { ACTION_LABELS, applyWorkerAction, type WorkerAction } from '../domain/worker-state';
import { getService, USER_UID, WORKER_UID } from '../utils';
import type { WorkerNotice } from './notices';

export const WORKFORCE_PLUGIN = 'plugin::workforce';

export type AdminUser = ScopedAdmin & { firstname?: string; lastname?: string };

/**
 * 师傅审核 and maintenance by operators: approve / reject an application, suspend / reinstate a
 * worker. Each is one transaction: the state change (conditional on the state read under the row
 * lock), the audit entry (who, when, what, why) and, on approval, the Worker role; the notice is
 * queued on commit. A 城市运营 acts only on their cities' workers (404 elsewhere).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;

  /** The worker if this admin may act on them, else 404 (someone else's city looks like nothing). */
  async function scopedWorker(admin: AdminUser, documentId: string) {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, populate: { city: { select: ['adcode'] }, user: { select: ['id'] } } });
    if (!row) throw notFound('服务人员不存在');
    const cities = await adminCityScope(strapi, admin, WORKFORCE_PLUGIN);
    if (cities && !cities.includes(row.city?.adcode)) throw notFound('服务人员不存在');
    return row;
  }

  return {
    scopedWorker,

    async act(admin: AdminUser, documentId: string, action: WorkerAction, reason: string): Promise<AdminWorkerView> {
      const found = await scopedWorker(admin, documentId);
      const at = clock.now();
      const operator = admin.email ?? `admin:${admin.id}`;
      const workerRoleId = action === 'approve' && found.user ? await findRoleId(strapi, ROLE_WORKER) : null;

      await transaction(strapi, async ({ trx, onCommit }) => {
        await lockRow(knex(), trx, 'workers', found.id);
        const row = await strapi.db.query(WORKER_UID).findOne({ where: { id: found.id }, populate: { auditLog: true, user: { select: ['id'] } } });
        const state = { auditStatus: row.auditStatus as AuditStatus, employment: row.employment };
        const step = applyWorkerAction(state, action);
        if (!step) {
          throw new DomainError('INVALID_TRANSITION', `当前状态不能${ACTION_LABELS[action]}`, { auditStatus: state.auditStatus, employment: state.employment, action });
        }
        const scalars: Record<string, unknown> = { auditStatus: step.next.auditStatus, employment: step.next.employment };
        if (action === 'suspend') scalars.suspendedReason = reason;
        if (action === 'reinstate') scalars.suspendedReason = null;
        const { count } = await strapi.db.query(WORKER_UID).updateMany({ where: { id: row.id, auditStatus: state.auditStatus, employment: state.employment }, data: scalars });
        if (count !== 1) throw new DomainError('INVALID_TRANSITION', '服务人员状态已变化，请刷新后重试', { action });
        const keep = (row.auditLog ?? []).map(({ id: _id, ...entry }: any) => entry);
        await strapi.documents(WORKER_UID).update({
          documentId: row.documentId,
          data: { auditLog: [...keep, { decision: step.decision, reason, operator, at }] },
        } as any);
        if (workerRoleId && row.user?.id) await updateRelations(strapi, trx, USER_UID, row.user.id, { role: workerRoleId });
        if (row.user?.id) {
          const notice: WorkerNotice = { userId: row.user.id, decision: step.decision as WorkerNotice['decision'], reason, workerDocumentId: row.documentId, at: at.toISOString() };
          onCommit(() => {
            getService(strapi, 'notices')
              .enqueue(notice)
              .catch((err: Error) => strapi.log.warn(`workforce: could not queue the ${notice.decision} notice for ${notice.workerDocumentId}: ${err.message}`));
          });
        }
      });
      return getService(strapi, 'worker-admin').view(admin, documentId);
    },
  };
};
