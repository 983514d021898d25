import type { Core } from '@strapi/strapi';

/** The app's media module (src/api/media, docs/API.md → Uploads) as dispatch uses it. */
interface MediaService {
  assertOwnedFiles(userId: number, fileIds: readonly number[], purposes?: string | readonly string[], field?: string): Promise<void>;
}

/**
 * A worker's photo must be a picture they uploaded themselves (POST /api/me/uploads, purpose
 * avatar): any other file id would put someone else's file, a certificate scan say, on their
 * public profile. Throws 403 FILE_NOT_OWNED.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async assertOwnPhoto(userId: number, fileId: number): Promise<void> {
    await (strapi.service('api::media.media') as unknown as MediaService).assertOwnedFiles(userId, [fileId], 'avatar', 'photo');
  },
});
