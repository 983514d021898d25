import fs from 'fs';
import path from 'path';
import type { SeedContext } from './seed-context';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';
/** Media library folder that holds the shipped demo pictures. */
const FOLDER_NAME = '演示素材';

const MIME_BY_EXT: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

interface StoredFile {
  id: number;
  name: string;
  url: string;
  provider: string;
}

export interface SeedMediaOptions {
  enabled: boolean;
  /** Limit uploads to some assets (tests); others are left unset. */
  filter?: (fileName: string) => boolean;
}

/**
 * Uploads the pictures shipped in src/seed/assets through the upload plugin, once: a file
 * already in the media library under the same name is reused (and re-uploaded in place if its
 * bytes went missing from public/uploads).
 */
export class SeedMedia {
  private readonly cache = new Map<string, number>();
  private folderId: number | undefined;
  readonly assetsDir: string;

  constructor(
    private readonly ctx: SeedContext,
    private readonly options: SeedMediaOptions,
  ) {
    this.assetsDir = path.join(ctx.strapi.dirs.app.src, 'seed', 'assets');
  }

  /** The media id for an asset, or undefined when images are off (the field is left alone). */
  async fileId(fileName: string, alternativeText: string): Promise<number | undefined> {
    if (!this.options.enabled) return undefined;
    if (this.options.filter && !this.options.filter(fileName)) return undefined;
    const cached = this.cache.get(fileName);
    if (cached !== undefined) return cached;

    const filepath = path.join(this.assetsDir, fileName);
    if (!fs.existsSync(filepath)) {
      throw new Error(`seed asset ${filepath} is missing; run node scripts/generate-seed-images.js`);
    }
    const { strapi } = this.ctx;
    const existing = (await strapi.db.query(FILE_UID).findOne({ where: { name: fileName } })) as StoredFile | null;
    let id: number;
    if (existing) {
      id = existing.id;
      if (existing.provider === 'local' && !fs.existsSync(path.join(strapi.dirs.static.public, existing.url))) {
        await this.uploadService().replace(existing.id, {
          data: { fileInfo: { name: fileName, alternativeText } },
          file: this.fileInput(filepath, fileName),
        });
        this.ctx.changes.updated += 1;
        this.ctx.log(`re-uploaded ${fileName} (its file was missing from public/)`);
      }
    } else {
      const [file] = await this.uploadService().upload({
        data: { fileInfo: { name: fileName, alternativeText, folder: await this.folder() } },
        files: this.fileInput(filepath, fileName),
      });
      id = file.id;
      this.ctx.changes.created += 1;
    }
    this.cache.set(fileName, id);
    return id;
  }

  private uploadService(): UploadService {
    return this.ctx.strapi.plugin('upload').service('upload') as UploadService;
  }

  private fileInput(filepath: string, fileName: string) {
    return {
      filepath,
      originalFilename: fileName,
      mimetype: MIME_BY_EXT[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream',
      size: fs.statSync(filepath).size,
    };
  }

  private async folder(): Promise<number> {
    if (this.folderId !== undefined) return this.folderId;
    const { strapi } = this.ctx;
    const found = (await strapi.db.query(FOLDER_UID).findOne({ where: { name: FOLDER_NAME, parent: null } })) as {
      id: number;
    } | null;
    const folder =
      found ?? ((await strapi.plugin('upload').service('folder').create({ name: FOLDER_NAME, parent: null })) as { id: number });
    if (!found) this.ctx.changes.created += 1;
    this.folderId = folder.id;
    return folder.id;
  }
}

interface UploadFileInput {
  filepath: string;
  originalFilename: string;
  mimetype: string;
  size: number;
}

interface UploadService {
  upload(input: { data: { fileInfo: Record<string, unknown> }; files: UploadFileInput }): Promise<Array<{ id: number }>>;
  replace(id: number, input: { data: { fileInfo: Record<string, unknown> }; file: UploadFileInput }): Promise<unknown>;
}
