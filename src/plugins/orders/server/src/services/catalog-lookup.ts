import type { Core } from '@strapi/strapi';
import { DomainError } from '../../../../../runtime/errors';
import type { QuotedItem } from '../domain';

export interface BookableItem extends QuotedItem {
  id: number;
  durationMinutes: number;
  categoryId: number | null;
  skillIds: number[];
  cover: string | null;
}

/** The catalog as orders need it: an item on sale, with what pricing and matching read. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async bookableItem(documentId: string): Promise<BookableItem> {
    const row = await strapi.db.query('api::catalog.service-item').findOne({
      where: { documentId, active: true },
      populate: {
        category: { select: ['id', 'slug', 'active'] },
        packages: true,
        skills: { select: ['id'] },
        cover: { select: ['url'] },
      },
    });
    if (!row || row.category?.active === false) {
      throw new DomainError('VALIDATION_FAILED', '服务项目不存在或已下架', { field: 'serviceItem' });
    }
    return {
      id: row.id,
      documentId: row.documentId,
      name: row.name,
      price: row.price,
      unit: row.unit,
      minQuantity: row.minQuantity ?? 1,
      maxQuantity: row.maxQuantity ?? null,
      depositPercent: row.depositPercent ?? 0,
      categorySlug: row.category?.slug ?? null,
      categoryId: row.category?.id ?? null,
      packages: (row.packages ?? []).map((p: any) => ({ code: p.code, name: p.name, quantity: p.quantity, price: p.price, active: p.active })),
      durationMinutes: row.durationMinutes,
      skillIds: (row.skills ?? []).map((s: { id: number }) => s.id),
      cover: row.cover?.url ?? null,
    };
  },
});
