import type { Core } from '@strapi/strapi';
import { isPrivateUrl, signedUrl } from '../../../../../api/media/private-storage';

/** The app's media module (src/api/media, docs/API.md → Uploads) as workforce uses it. */
interface MediaService {
  assertOwnedFiles(userId: number, fileIds: readonly number[], purposes?: string | readonly string[], field?: string): Promise<void>;
}

/**
 * Files on an application must be the applicant's own uploads for that purpose: any other id
 * would put someone else's ID scan or certificate into the auditors' queue. 403 FILE_NOT_OWNED.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = () => strapi.service('api::media.media') as unknown as MediaService;
  return {
    async assertOwn(userId: number, fileIds: readonly number[], purposes: readonly string[], field: string): Promise<void> {
      await media().assertOwnedFiles(userId, fileIds, purposes, field);
    },

    /** A URL the auditor's browser can open: ID and certificate scans are private, so signed and short-lived. */
    viewUrl(url: string): string {
      return isPrivateUrl(url) ? signedUrl(strapi, url).url : url;
    },
  };
};
