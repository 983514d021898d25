import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { clock } from '../../../../../runtime/clock';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import { evidenceFromEvents, evidenceRefusal, MAX_EVIDENCE_PHOTOS, photoCount, type EvidenceEntry, type EvidenceKind, type OrderStatus } from '../domain';
import { EVENT_UID, getService, ORDER_UID } from '../utils';

export interface EvidenceInput {
  kind: EvidenceKind;
  photos: number[];
  note?: string | null;
}

interface MediaFiles {
  assertOwnedFiles(userId: number, fileIds: readonly number[], purposes?: string | readonly string[], field?: string): Promise<void>;
  viewsFor(fileIds: readonly number[]): Promise<Array<{ id: number; url: string; expiresAt?: string }>>;
}

/**
 * Before/after photos and notes by the order's worker, kept on the order's timeline (event
 * `evidence`) so they sit in order with the steps they document and are never edited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = () => strapi.service('api::media.media') as unknown as MediaFiles;

  async function entriesOf(orderId: number): Promise<EvidenceEntry[]> {
    const events = await strapi.db.query(EVENT_UID).findMany({ where: { orderRef: orderId, event: 'evidence' }, orderBy: { id: 'asc' } });
    return evidenceFromEvents(events);
  }

  return {
    async add(documentId: string, workerUserId: number, input: EvidenceInput) {
      const worker = await getService(strapi, 'eligibility').workerForUser(workerUserId);
      const order = await strapi.db.query(ORDER_UID).findOne({ where: { documentId }, populate: { worker: { select: ['id'] } } });
      if (!order || order.worker?.id !== worker.id) throw notFound('订单不存在');
      // Checked before the transaction so a refused file writes nothing and says which field.
      await media().assertOwnedFiles(workerUserId, input.photos, 'evidence', 'photos');
      const settings = await strapi.service('api::settings.platform-setting').current();

      await transaction(strapi, async ({ trx }) => {
        // Under the order's lock: the status and the photo count cannot move between check and write.
        await lockRow(strapi.db.connection as unknown as Knex, trx, 'orders', order.id);
        const row = await strapi.db.query(ORDER_UID).findOne({ where: { id: order.id }, populate: { worker: { select: ['id'] } } });
        if (row.worker?.id !== worker.id) throw notFound('订单不存在');
        const refusal = evidenceRefusal({
          kind: input.kind,
          status: row.orderStatus as OrderStatus,
          completedAt: row.completedAt ? new Date(row.completedAt) : null,
          now: clock.now(),
          graceHours: settings.booking.evidenceGraceHours,
        });
        if (refusal) throw new DomainError('INVALID_TRANSITION', refusal, { status: row.orderStatus, kind: input.kind });
        const already = photoCount(await entriesOf(row.id), input.kind);
        if (already + input.photos.length > MAX_EVIDENCE_PHOTOS) {
          throw new DomainError('TOO_MANY_FILES', `每单服务${input.kind === 'before' ? '前' : '后'}照片最多 ${MAX_EVIDENCE_PHOTOS} 张`, { field: 'photos', max: MAX_EVIDENCE_PHOTOS, already });
        }
        await getService(strapi, 'transition').note(row.id, {
          event: 'evidence',
          status: row.orderStatus,
          actor: { type: 'worker', id: workerUserId },
          data: { kind: input.kind, photos: input.photos, note: input.note ?? null },
        });
      });
      return order.id as number;
    },

    /** The evidence of an order for someone already allowed to see the order, photos as fresh URLs. */
    async viewOf(events: ReadonlyArray<{ event: string; data?: unknown; at: Date | string }>) {
      const entries = evidenceFromEvents(events);
      const views = new Map((await media().viewsFor(entries.flatMap((e) => e.photos))).map((v) => [v.id, v]));
      return entries.map((e) => ({
        kind: e.kind,
        note: e.note,
        at: e.at,
        photos: e.photos.flatMap((id) => {
          const v = views.get(id);
          return v ? [{ id, url: v.url, ...(v.expiresAt ? { expiresAt: v.expiresAt } : {}) }] : [];
        }),
      }));
    },

    /** For the complete step: whether the platform's photo rule still blocks completion. */
    async entries(orderId: number): Promise<EvidenceEntry[]> {
      return entriesOf(orderId);
    },
  };
};
