import type { Core } from '@strapi/strapi';
import { adminCityScope, type ScopedAdmin } from '../../../bootstrap/city-scope';
import { clock } from '../../../runtime/clock';
import { DomainError, notFound } from '../../../runtime/errors';
import { maskPhone } from '../../people/domain/privacy';
import { isPrivateUrl, signedUrl } from '../../media/private-storage';
import type { OrdersLoyaltyPort } from '../../../plugins/orders/shared/contracts/orders-loyalty';
import type { AdminReview, AdminReviewList } from '../../../plugins/feedback/shared/contracts/feedback-admin';
import { REVIEWS_FOLLOW_UP_ACTION } from '../admin-routes';
import { FOLLOW_UP_LABELS, followUpState, followUpWhere, ratingBand, type FollowUpFilter } from '../domain/follow-up';

const UID = 'api::feedback.review';
// The action that reads and follows up reviews; a 城市运营 holds it with the same-city condition.
const FOLLOW_UP_ACTION = REVIEWS_FOLLOW_UP_ACTION;

const POPULATE = {
  images: { select: ['url'] },
  member: { select: ['id', 'nickname', 'phone'] },
  serviceItem: { select: ['name'] },
  worker: { select: ['documentId', 'realName'] },
};

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
const maskNickname = (nickname: string | null | undefined): string => (nickname ? `${nickname.slice(0, 1)}**` : '未设置昵称');

export interface ReviewListFilter {
  followUp: FollowUpFilter;
  rating?: number;
  page: number;
  pageSize: number;
}

export interface Operator {
  id: number;
  name: string;
}

/** 客户反馈 → 差评跟进: reviews as 客服 and 城市运营 work them (admin routes only, city-scoped). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviews = () => strapi.db.query(UID);

  const cityNames = async (codes: string[]): Promise<Map<string, string>> => {
    if (!codes.length) return new Map();
    const rows = await strapi.db.query('api::settings.city').findMany({ where: { adcode: { $in: codes } }, select: ['adcode', 'name'] });
    return new Map(rows.map((c: { adcode: string; name: string }) => [c.adcode, c.name]));
  };

  const toView = (row: any, names: Map<string, string>): AdminReview => {
    const state = followUpState({ needsFollowUp: Boolean(row.needsFollowUp), followedUpAt: row.followedUpAt ?? null });
    const visible = Boolean(row.visible);
    return {
      documentId: row.documentId,
      order: row.orderRef,
      orderNo: row.orderNo ?? null,
      cityAdcode: row.cityAdcode ?? null,
      cityName: row.cityAdcode ? (names.get(row.cityAdcode) ?? null) : null,
      serviceItem: row.serviceItem?.name ?? null,
      worker: row.worker ? { documentId: row.worker.documentId, name: row.worker.realName } : null,
      member: { id: row.member?.id ?? null, nickname: maskNickname(row.member?.nickname), phone: maskPhone(row.member?.phone) },
      rating: Number(row.rating),
      ratings: { quality: row.ratingQuality, attitude: row.ratingAttitude, skill: row.ratingSkill },
      content: row.content ?? null,
      images: (row.images ?? []).map((i: { url: string }) => (isPrivateUrl(i.url) ? signedUrl(strapi, i.url).url : i.url)),
      anonymous: Boolean(row.anonymous),
      reply: row.reply ?? null,
      visible,
      visibleLabel: visible ? '公开显示' : '已隐藏',
      hiddenReason: row.hiddenReason ?? null,
      hiddenAt: iso(row.hiddenAt),
      hiddenBy: row.hiddenBy ?? null,
      needsFollowUp: Boolean(row.needsFollowUp),
      followUp: state,
      followUpLabel: FOLLOW_UP_LABELS[state],
      followedUpAt: iso(row.followedUpAt),
      followedUpBy: row.followedUpBy ?? null,
      followUpNote: row.followUpNote ?? null,
      createdAt: iso(row.createdAt)!,
    };
  };

  const viewsOf = async (rows: any[]): Promise<AdminReview[]> => {
    const names = await cityNames([...new Set(rows.map((r) => r.cityAdcode).filter(Boolean) as string[])]);
    return rows.map((r) => toView(r, names));
  };

  /** The city filter of an admin: undefined for every city; a review without a city is nobody's city. */
  const cityWhere = async (admin: ScopedAdmin, action: string): Promise<Record<string, unknown>> => {
    const cities = await adminCityScope(strapi, admin, action);
    return cities ? { cityAdcode: { $in: cities.length ? cities : ['-'] } } : {};
  };

  /** The review's row when the admin may act on it for `action`; outside their cities it does not exist. */
  const scopedRow = async (admin: ScopedAdmin, documentId: string, action: string) => {
    const row = await reviews().findOne({ where: { documentId, ...(await cityWhere(admin, action)) }, select: ['id'] });
    if (!row) throw notFound('评价不存在，或不在您负责的城市');
    return row as { id: number };
  };

  const view = async (id: number): Promise<AdminReview> => {
    const row = await reviews().findOne({ where: { id }, populate: POPULATE as any });
    return (await viewsOf([row]))[0];
  };

  return {
    /** Bad reviews waiting first (oldest first, the queue order); followed-up and all reviews newest first. */
    async list(admin: ScopedAdmin, filter: ReviewListFilter): Promise<AdminReviewList> {
      const where = {
        ...followUpWhere(filter.followUp),
        ...(filter.rating ? { rating: ratingBand(filter.rating) } : {}),
        ...(await cityWhere(admin, FOLLOW_UP_ACTION)),
      };
      const direction = filter.followUp === 'pending' ? 'asc' : 'desc';
      const [rows, total] = await Promise.all([
        reviews().findMany({ where, populate: POPULATE as any, orderBy: [{ createdAt: direction }, { id: direction }], offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize }),
        reviews().count({ where }),
      ]);
      return {
        data: await viewsOf(rows),
        meta: { pagination: { page: filter.page, pageSize: filter.pageSize, total, pageCount: Math.ceil(total / filter.pageSize) } },
      };
    },

    async view(admin: ScopedAdmin, documentId: string): Promise<AdminReview> {
      return view((await scopedRow(admin, documentId, FOLLOW_UP_ACTION)).id);
    },

    /** Throws 404 unless the admin may act on the review for `action` (e.g. hiding it). */
    async assertInScope(admin: ScopedAdmin, documentId: string, action: string): Promise<void> {
      await scopedRow(admin, documentId, action);
    },

    /** 客服 record what they did about a review, once: a second record is 409 CONFLICT. */
    async followUp(admin: ScopedAdmin, documentId: string, note: string, operator: Operator): Promise<AdminReview> {
      const row = await scopedRow(admin, documentId, FOLLOW_UP_ACTION);
      const { count } = await reviews().updateMany({
        where: { id: row.id, followedUpAt: { $null: true } },
        data: { followedUpAt: clock.now(), followedUpBy: `${operator.name} (#${operator.id})`.slice(0, 80), followUpNote: note.trim() },
      });
      if (count !== 1) throw new DomainError('CONFLICT', '这条评价已记录跟进');
      return view(row.id);
    },

    /**
     * Reviews written before they kept their order's number and city get both from the orders
     * plugin, so they show in the list and in their city's scope. Runs at boot; a few at a time.
     */
    async backfillOrderFacts(batch = 200): Promise<number> {
      const port = strapi.plugin('orders')?.service('loyalty-port') as OrdersLoyaltyPort | undefined;
      if (!port) return 0;
      let filled = 0;
      let afterId = 0;
      for (;;) {
        const rows = (await reviews().findMany({ where: { orderNo: { $null: true }, id: { $gt: afterId } }, select: ['id', 'orderRef'], orderBy: { id: 'asc' }, limit: batch })) as Array<{ id: number; orderRef: string }>;
        if (!rows.length) return filled;
        for (const r of rows) {
          afterId = r.id;
          const order = await port.reviewableOrder(r.orderRef);
          if (!order) continue;
          await reviews().updateMany({ where: { id: r.id, orderNo: { $null: true } }, data: { orderNo: order.orderNo, cityAdcode: order.cityAdcode } });
          filled++;
        }
      }
    },
  };
};
