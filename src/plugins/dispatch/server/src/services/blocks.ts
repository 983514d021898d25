import type { Core } from '@strapi/strapi';
import { notFound } from '../../../../../runtime/errors';
import { workerDisplayName } from '../../../../../api/people/domain/privacy';
import { BLOCK_UID, WORKER_UID } from '../utils';

/** Workers a member does not want again (拉黑): never offered or recommended to that member. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function workerRow(documentId: string) {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId, auditStatus: 'approved' }, select: ['id', 'documentId', 'realName', 'gender'] });
    if (!row) throw notFound('服务人员不存在');
    return row;
  }

  return {
    async list(memberId: number) {
      const blocks = await strapi.db.query(BLOCK_UID).findMany({ where: { memberId }, orderBy: [{ id: 'desc' }], limit: 200 });
      const workers = await strapi.db.query(WORKER_UID).findMany({ where: { id: { $in: blocks.map((b: any) => b.workerId) } }, select: ['id', 'documentId', 'realName', 'gender'] });
      const byId = new Map(workers.map((w: any) => [w.id, w]));
      return blocks
        .filter((b: any) => byId.has(b.workerId))
        .map((b: any) => {
          const w: any = byId.get(b.workerId);
          return { worker: w.documentId, displayName: workerDisplayName(w.realName ?? '', w.gender), reason: b.reason ?? null, createdAt: b.createdAt };
        });
    },

    async add(memberId: number, workerDocumentId: string, reason?: string | null) {
      const worker = await workerRow(workerDocumentId);
      const existing = await strapi.db.query(BLOCK_UID).findOne({ where: { memberId, workerId: worker.id }, select: ['id'] });
      if (!existing) {
        try {
          await strapi.db.query(BLOCK_UID).create({ data: { memberId, workerId: worker.id, reason: reason ?? null } });
        } catch (err) {
          // The same block from a double tap: the unique (member, worker) row already says it.
          if (!(await strapi.db.query(BLOCK_UID).findOne({ where: { memberId, workerId: worker.id }, select: ['id'] }))) throw err;
        }
      }
      return { worker: worker.documentId, displayName: workerDisplayName(worker.realName ?? '', worker.gender), reason: reason ?? null };
    },

    async remove(memberId: number, workerDocumentId: string): Promise<void> {
      const worker = await workerRow(workerDocumentId);
      const { count } = await strapi.db.query(BLOCK_UID).deleteMany({ where: { memberId, workerId: worker.id } });
      if (!count) throw notFound('没有屏蔽该服务人员');
    },
  };
};
