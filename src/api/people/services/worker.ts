import { factories } from '@strapi/strapi';

const UID = 'api::people.worker';

export interface PublicReview {
  documentId: string;
  rating: number;
  ratings: { quality: number; attitude: number; skill: number };
  content: string | null;
  images: string[];
  reply: string | null;
  member: string;
  serviceItem: string | null;
  createdAt: string;
}

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** Latest visible reviews for a worker's public profile; reviewers shown by masked nickname. */
  async recentReviews(workerDocumentId: string, limit = 5): Promise<PublicReview[]> {
    const rows = await strapi.documents('api::feedback.review').findMany({
      filters: { worker: { documentId: workerDocumentId }, visible: true },
      sort: ['createdAt:desc'],
      limit,
      populate: {
        images: { fields: ['url'] },
        member: { fields: ['nickname'] },
        serviceItem: { fields: ['name'] },
      },
    } as any);
    return rows.map((r: any) => ({
      documentId: r.documentId,
      rating: Number(r.rating),
      ratings: { quality: r.ratingQuality, attitude: r.ratingAttitude, skill: r.ratingSkill },
      content: r.content ?? null,
      images: (r.images ?? []).map((i: { url: string }) => i.url),
      reply: r.reply ?? null,
      member: maskNickname(r.member?.nickname),
      serviceItem: r.serviceItem?.name ?? null,
      createdAt: r.createdAt,
    }));
  },
}));

function maskNickname(nickname: string | undefined): string {
  if (!nickname) return '匿名用户';
  return `${nickname.slice(0, 1)}**`;
}
