import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError, notFound } from '../../../runtime/errors';
import { lockRow } from '../../../runtime/row-lock';
import { transaction } from '../../../runtime/transaction';
import { isUniqueViolation } from '../../../runtime/unique-violation';
import type { OrdersLoyaltyPort } from '../../../plugins/orders/shared/contracts/orders-loyalty';
import {
  addToTotals,
  isBadReview,
  isWithinReviewWindow,
  reviewDeadline,
  reviewOverall,
  summarize,
  totalsOf,
  type Ratings,
  type RatingSummary,
  type RatingTotals,
} from '../domain/rating';
import type { CreateReviewInput } from '../validation/review';

const UID = 'api::feedback.review';
const WORKER_UID = 'api::people.worker';

/** A review as anyone may see it: anonymous reviews and hidden ones never show who wrote them. */
export interface PublicReview {
  documentId: string;
  rating: number;
  ratings: Ratings;
  content: string | null;
  images: string[];
  reply: string | null;
  repliedAt: string | null;
  anonymous: boolean;
  member: string;
  serviceItem: string | null;
  createdAt: string;
}

/** What the member who wrote it (and the order's worker) get back. */
export interface ReviewView extends PublicReview {
  order: string;
  needsFollowUp: boolean;
  pointsEarned: number;
}

export const reviewRef = (orderDocumentId: string) => `review:${orderDocumentId}`;

const ordersPort = (strapi: Core.Strapi): OrdersLoyaltyPort => {
  const port = strapi.plugin('orders')?.service('loyalty-port') as OrdersLoyaltyPort | undefined;
  if (!port) throw new DomainError('SERVICE_UNAVAILABLE', '订单服务不可用');
  return port;
};

function maskNickname(nickname: string | undefined): string {
  if (!nickname) return '匿名用户';
  return `${nickname.slice(0, 1)}**`;
}

// Query Engine populate (db.query): `select`, not the Document Service's `fields`.
const PUBLIC_POPULATE = {
  images: { select: ['url'] },
  member: { select: ['nickname'] },
  serviceItem: { select: ['name'] },
};

function toPublicReview(r: any): PublicReview {
  return {
    documentId: r.documentId,
    rating: Number(r.rating),
    ratings: { quality: r.ratingQuality, attitude: r.ratingAttitude, skill: r.ratingSkill },
    content: r.content ?? null,
    images: (r.images ?? []).map((i: { url: string }) => i.url),
    reply: r.reply ?? null,
    repliedAt: r.repliedAt ?? null,
    anonymous: Boolean(r.anonymous),
    member: r.anonymous ? '匿名用户' : maskNickname(r.member?.nickname),
    serviceItem: r.serviceItem?.name ?? null,
    createdAt: r.createdAt,
  };
}

export default factories.createCoreService(UID, ({ strapi }) => {
  const reviews = () => strapi.db.query(UID);

  const visibleRatingsOf = async (where: Record<string, unknown>): Promise<Ratings[]> => {
    const rows = await reviews().findMany({ where: { ...where, visible: true }, select: ['ratingQuality', 'ratingAttitude', 'ratingSkill'] });
    return rows.map((r: any) => ({ quality: r.ratingQuality, attitude: r.ratingAttitude, skill: r.ratingSkill }));
  };

  /** Writes the worker's sums and the averages derived from them; call under the worker's row lock. */
  const writeWorkerTotals = async (workerId: number, totals: RatingTotals) => {
    const summary = summarize(totals);
    await strapi.db.query(WORKER_UID).update({
      where: { id: workerId },
      data: {
        ratingSumQuality: totals.sumQuality,
        ratingSumAttitude: totals.sumAttitude,
        ratingSumSkill: totals.sumSkill,
        reviewCount: summary.reviewCount,
        rating: summary.rating,
        ratingQuality: summary.ratings.quality,
        ratingAttitude: summary.ratings.attitude,
        ratingSkill: summary.ratings.skill,
      },
    });
  };

  /** Every visible review of the worker, counted again (after a hide, or when the sums were never kept). */
  const recountWorker = async (workerId: number) => writeWorkerTotals(workerId, totalsOf(await visibleRatingsOf({ worker: { id: workerId } })));

  return {
    /** POST /api/reviews: one review per completed order, by its member, within the review window. */
    async createForMember(userId: number, input: CreateReviewInput): Promise<ReviewView> {
      const port = ordersPort(strapi);
      const order = await port.reviewableOrder(input.order);
      // Someone else's order answers as a missing one, so order ids cannot be probed.
      if (!order || order.memberId !== userId) throw notFound('订单不存在');
      if (order.status !== 'completed' || !order.completedAt) {
        throw new DomainError('INVALID_TRANSITION', '订单完成后才能评价', { status: order.status });
      }
      const settings = await strapi.service('api::settings.platform-setting').current();
      const now = clock.now();
      const completedAt = new Date(order.completedAt);
      if (!isWithinReviewWindow(completedAt, now, settings.rating.reviewWindowDays)) {
        throw new DomainError('REVIEW_WINDOW_CLOSED', `服务完成 ${settings.rating.reviewWindowDays} 天后不能再评价`, {
          deadline: reviewDeadline(completedAt, settings.rating.reviewWindowDays).toISOString(),
        });
      }
      if (await reviews().findOne({ where: { orderRef: order.documentId }, select: ['id'] })) {
        throw new DomainError('ALREADY_REVIEWED', '该订单已评价');
      }
      const images = input.images ?? [];
      await strapi.service('api::media.media').assertOwnedFiles(userId, images, 'review', 'images');

      const ratings = input.ratings;
      const overall = reviewOverall(ratings);
      const bad = isBadReview(overall, settings.rating.badReviewAtMost);
      const reward = settings.points.reviewPoints;

      let created: { documentId: string };
      try {
        created = await transaction(strapi, async ({ trx }) => {
          const row = await reviews().create({
            data: {
              orderRef: order.documentId,
              // Kept on the review so 差评跟进 lists and city-scopes without asking the orders plugin per row.
              orderNo: order.orderNo,
              cityAdcode: order.cityAdcode,
              worker: order.workerId,
              member: userId,
              serviceItem: order.serviceItemId,
              ratingQuality: ratings.quality,
              ratingAttitude: ratings.attitude,
              ratingSkill: ratings.skill,
              rating: overall,
              content: input.content?.trim() || null,
              images,
              anonymous: input.anonymous ?? false,
              needsFollowUp: bad,
              visible: true,
            },
          });
          if (order.workerId) {
            // Serialise reviews of one worker: each adds to the sums the previous one wrote.
            await lockRow(strapi.db.connection, trx, 'workers', order.workerId);
            const worker = await strapi.db.query(WORKER_UID).findOne({
              where: { id: order.workerId },
              select: ['reviewCount', 'ratingSumQuality', 'ratingSumAttitude', 'ratingSumSkill'],
            });
            if (worker && worker.ratingSumQuality !== null && worker.ratingSumAttitude !== null && worker.ratingSumSkill !== null) {
              const before: RatingTotals = { count: worker.reviewCount ?? 0, sumQuality: worker.ratingSumQuality, sumAttitude: worker.ratingSumAttitude, sumSkill: worker.ratingSumSkill };
              await writeWorkerTotals(order.workerId, addToTotals(before, ratings));
            } else {
              // No sums kept yet (a worker from before reviews, or seeded figures): count the reviews themselves.
              await recountWorker(order.workerId);
            }
          }
          if (reward > 0) {
            await strapi.service('api::marketing.points').post(trx, userId, { delta: reward, reason: 'review', ref: reviewRef(order.documentId), note: `评价订单 ${order.orderNo}` });
          }
          if (bad) {
            await port.noteOnTimeline(order.id, { event: 'bad_review', reason: `差评待跟进：综合 ${overall} 分`, data: { review: row.documentId, rating: overall, ratings } });
          }
          return row;
        });
      } catch (err) {
        // Two submissions of one order at once: the unique order_ref index lets one through.
        if (isUniqueViolation(err)) throw new DomainError('ALREADY_REVIEWED', '该订单已评价');
        throw err;
      }
      return { ...(await this.view(created.documentId)), pointsEarned: reward > 0 ? reward : 0 };
    },

    async view(documentId: string): Promise<ReviewView> {
      const row = await reviews().findOne({ where: { documentId }, populate: PUBLIC_POPULATE as any });
      if (!row) throw notFound('评价不存在');
      return { ...toPublicReview(row), order: row.orderRef, needsFollowUp: Boolean(row.needsFollowUp), pointsEarned: 0 };
    },

    /** POST /api/reviews/:id/reply: the order's worker answers once. */
    async replyAsWorker(userId: number, documentId: string, content: string): Promise<ReviewView> {
      const row = await reviews().findOne({
        where: { documentId },
        select: ['id', 'reply'],
        populate: { worker: { select: ['id'], populate: { user: { select: ['id'] } } } },
      });
      if (!row || row.worker?.user?.id !== userId) throw notFound('评价不存在');
      const { count } = await reviews().updateMany({
        where: { id: row.id, reply: { $null: true } },
        data: { reply: content.trim(), repliedAt: clock.now() },
      });
      if (count !== 1) throw new DomainError('ALREADY_REPLIED', '已回复过这条评价');
      return this.view(documentId);
    },

    /** 客服 hide a review with a reason (recorded on the review and the order's timeline); it stops counting. */
    async hide(documentId: string, reason: string, operator: { id: number; name: string }): Promise<ReviewView & { hiddenReason: string; hiddenAt: string; hiddenBy: string }> {
      const port = ordersPort(strapi);
      const row = await reviews().findOne({ where: { documentId }, select: ['id', 'orderRef', 'visible', 'rating'], populate: { worker: { select: ['id'] } } });
      if (!row) throw notFound('评价不存在');
      const now = clock.now();
      const by = `${operator.name} (#${operator.id})`;
      await transaction(strapi, async ({ trx }) => {
        const { count } = await reviews().updateMany({
          where: { id: row.id, visible: true },
          data: { visible: false, hiddenReason: reason.trim(), hiddenAt: now, hiddenBy: by },
        });
        if (count !== 1) throw new DomainError('CONFLICT', '这条评价已隐藏');
        if (row.worker?.id) {
          await lockRow(strapi.db.connection, trx, 'workers', row.worker.id);
          await recountWorker(row.worker.id);
        }
        const order = await port.reviewableOrder(row.orderRef);
        if (order) await port.noteOnTimeline(order.id, { event: 'review_hidden', reason: reason.trim(), data: { review: documentId, operator: by } });
      });
      const view = await this.view(documentId);
      return { ...view, hiddenReason: reason.trim(), hiddenAt: now.toISOString(), hiddenBy: by };
    },

    /** Latest visible reviews of a worker or a service item, newest first. */
    async recentVisible(where: { workerDocumentId?: string; serviceItemId?: number }, limit = 5): Promise<PublicReview[]> {
      const filters: Record<string, unknown> = { visible: true };
      if (where.workerDocumentId) filters.worker = { documentId: where.workerDocumentId };
      if (where.serviceItemId) filters.serviceItem = { id: where.serviceItemId };
      const rows = await reviews().findMany({ where: filters, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit, populate: PUBLIC_POPULATE as any });
      return rows.map(toPublicReview);
    },

    /** Rating over a service item's visible reviews (workers keep theirs on the worker row). */
    async itemSummary(serviceItemId: number): Promise<RatingSummary> {
      return summarize(totalsOf(await visibleRatingsOf({ serviceItem: { id: serviceItemId } })));
    },
  };
});
