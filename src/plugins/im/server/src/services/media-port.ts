import type { Core } from '@strapi/strapi';

interface OwnedFileView {
  id: number;
  url: string;
}

/** The app's media module (src/api/media, docs/API.md → Uploads) as chat uses it. */
interface MediaService {
  assertOwnedFiles(userId: number, fileIds: readonly number[], purposes?: string | readonly string[], field?: string): Promise<void>;
  viewsFor(fileIds: readonly number[]): Promise<OwnedFileView[]>;
}

/**
 * A chat image must be the sender's own upload (POST /api/me/uploads, purpose chat): any other
 * id would show someone else's file, an ID scan say, in the conversation. 403 FILE_NOT_OWNED.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = () => strapi.service('api::media.media') as unknown as MediaService;
  return {
    async assertOwnImage(userId: number, fileId: number): Promise<void> {
      await media().assertOwnedFiles(userId, [fileId], 'chat', 'content.file');
    },

    /** URLs to show, signed when the file is private; files that are gone are left out. */
    async urls(fileIds: readonly number[]): Promise<Map<number, string>> {
      return new Map((await media().viewsFor(fileIds)).map((v) => [v.id, v.url]));
    },
  };
};
