import type { Core } from '@strapi/strapi';
import type { LatLng } from '../../../../../runtime/geo';
import type { ScoreBreakdown } from '../domain';
import { getService } from '../utils';

export interface ListingRank {
  documentId: string;
  score: number;
  distanceMeters: number;
  breakdown: ScoreBreakdown;
}

/**
 * What the people API (GET /api/workers) asks of dispatch: workers who may serve an address,
 * ordered by the dispatch score without a time (no schedule or booking checks).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async rankForAddress(input: { cityAdcode: string; location: LatLng; memberId?: number | null; skillIds?: number[]; limit?: number }): Promise<ListingRank[]> {
    const { candidates } = await getService(strapi, 'candidates').rank({
      cityAdcode: input.cityAdcode,
      location: input.location,
      skillIds: input.skillIds ?? [],
      memberId: input.memberId ?? null,
      limit: input.limit ?? 200,
    });
    return candidates.map((c) => ({ documentId: c.worker.documentId, score: c.score, distanceMeters: c.distanceMeters, breakdown: c.breakdown }));
  },
});
