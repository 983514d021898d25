import { factories } from '@strapi/strapi';
import type { PublicReview } from '../../feedback/services/review';

const UID = 'api::people.worker';

export type { PublicReview };

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** Latest visible reviews for a worker's public profile (reviewers masked, anonymous ones unnamed). */
  async recentReviews(workerDocumentId: string, limit = 5): Promise<PublicReview[]> {
    return strapi.service('api::feedback.review').recentVisible({ workerDocumentId }, limit);
  },
}));
