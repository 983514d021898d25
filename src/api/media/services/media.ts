import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { DomainError } from '../../../runtime/errors';
import { allowedKinds, checkKind, EXTENSION, sniff, isPrivatePurpose, type Kind, type Purpose } from '../domain/file-kind';
import { isPrivateUrl, privatePath, PRIVATE_URL_PREFIX, signedUrl, storePrivately } from '../private-storage';

const OWNED = 'api::media.owned-file';
const FILE = 'plugin::upload.file';

/** A file as formidable left it in the request's temp folder. */
export interface IncomingFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
  mimetype?: string | null;
}

export interface OwnedFileView {
  id: number;
  purpose: Purpose;
  mime: string;
  size: number;
  private: boolean;
  url: string;
  /** Only for private files: when `url` stops working. */
  expiresAt?: string;
}

async function readHead(filepath: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const maxUploadBytes = (): number => Number(process.env.UPLOAD_MAX_BYTES || 10 * 1024 * 1024);
export const maxUploadFiles = (): number => Number(process.env.UPLOAD_MAX_FILES || 9);

/**
 * Files uploaded by members and workers: each one is recorded with its owner and purpose, and
 * other features attach a file only after `assertOwnedFiles` (avatars, review/ticket/chat
 * images, worker application documents).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const view = (row: { fileId: number; purpose: Purpose; private: boolean; mime: string; sizeBytes: number }, file: { url: string }): OwnedFileView => {
    const base = { id: row.fileId, purpose: row.purpose, mime: row.mime, size: row.sizeBytes, private: row.private };
    return isPrivateUrl(file.url) ? { ...base, ...signedUrl(strapi, file.url) } : { ...base, url: file.url };
  };

  return {
    /** Checks every file before storing any: one refused file refuses the request. */
    async upload(userId: number, purpose: Purpose, files: IncomingFile[]): Promise<OwnedFileView[]> {
      if (!files.length) throw new DomainError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'files' });
      if (files.length > maxUploadFiles()) throw new DomainError('TOO_MANY_FILES', `一次最多上传 ${maxUploadFiles()} 个文件`, { max: maxUploadFiles() });
      const kinds: Kind[] = [];
      for (const file of files) {
        if (file.size > maxUploadBytes()) throw new DomainError('FILE_TOO_LARGE', '文件过大', { maxBytes: maxUploadBytes() });
        const head = await readHead(file.filepath);
        const refusal = checkKind(purpose, head);
        if (refusal) {
          throw new DomainError('FILE_TYPE_NOT_ALLOWED', allowedKinds(purpose).includes('application/pdf') ? '仅支持 JPG、PNG、WebP 图片或 PDF 文件' : '仅支持 JPG、PNG、WebP 图片', {
            allowed: refusal.allowed,
            detected: refusal.detected,
          });
        }
        kinds.push(sniff(head) as Kind);
      }
      // The stored name and type come from the bytes, never from the client.
      const normalized = files.map((file, i) => ({ ...file, originalFilename: `${purpose}${EXTENSION[kinds[i]]}`, mimetype: kinds[i] }));
      const isPrivate = isPrivatePurpose(purpose);
      const uploaded: Array<{ id: number; url: string; size: number }> = await storePrivately(isPrivate, () =>
        strapi.plugin('upload').service('upload').upload({ data: { fileInfo: normalized.map((f) => ({ name: f.originalFilename })) }, files: normalized }),
      );
      try {
        const rows = await strapi.db.transaction(async () => {
          const created = [];
          for (const [i, file] of uploaded.entries()) {
            created.push(await strapi.db.query(OWNED).create({ data: { fileId: file.id, owner: userId, purpose, private: isPrivate, mime: kinds[i], sizeBytes: files[i].size } }));
          }
          return created;
        });
        return rows.map((row: any, i: number) => view(row, uploaded[i]));
      } catch (err) {
        for (const file of uploaded) await strapi.plugin('upload').service('upload').remove(file).catch(() => undefined);
        throw err;
      }
    },

    /**
     * Throws 403 FILE_NOT_OWNED unless every id is a file this user uploaded (for one of
     * `purposes`, when given). Missing files answer the same, so ids cannot be probed.
     */
    async assertOwnedFiles(userId: number, fileIds: readonly number[], purposes?: Purpose | readonly Purpose[], field?: string): Promise<void> {
      const ids = [...new Set(fileIds)];
      if (!ids.length) return;
      const wanted = purposes === undefined ? undefined : Array.isArray(purposes) ? purposes : [purposes as Purpose];
      const rows = await strapi.db.query(OWNED).findMany({
        where: { fileId: { $in: ids }, owner: { id: userId }, ...(wanted ? { purpose: { $in: wanted } } : {}) },
        select: ['fileId'],
      });
      const owned = new Set(rows.map((r: { fileId: number }) => r.fileId));
      const existing = owned.size
        ? new Set((await strapi.db.query(FILE).findMany({ where: { id: { $in: [...owned] } }, select: ['id'] })).map((f: { id: number }) => f.id))
        : new Set<number>();
      const refused = ids.filter((id) => !existing.has(id));
      if (refused.length) {
        throw new DomainError('FILE_NOT_OWNED', '只能使用本人上传的文件', { ...(field ? { field } : {}), fileIds: refused, ...(wanted ? { purposes: wanted } : {}) });
      }
    },

    /**
     * Views of files attached to something the caller has already been allowed to see (an
     * order's evidence for its member): private ones get a fresh signed URL. Ids of files that
     * are gone are left out.
     */
    async viewsFor(fileIds: readonly number[]): Promise<OwnedFileView[]> {
      const ids = [...new Set(fileIds)];
      if (!ids.length) return [];
      const [rows, files] = await Promise.all([
        strapi.db.query(OWNED).findMany({ where: { fileId: { $in: ids } } }),
        strapi.db.query(FILE).findMany({ where: { id: { $in: ids } }, select: ['id', 'url'] }),
      ]);
      const byId = new Map(files.map((f: { id: number; url: string }) => [f.id, f]));
      const owned = new Map(rows.map((r: any) => [r.fileId, r]));
      return ids.flatMap((id) => {
        const row = owned.get(id);
        const file = byId.get(id);
        return row && file ? [view(row, file)] : [];
      });
    },

    /** The caller's own file (404 for anyone else's, as for every owned resource). */
    async findMine(userId: number, fileId: number): Promise<{ view: OwnedFileView; file: { url: string; name: string; mime: string } }> {
      const row = await strapi.db.query(OWNED).findOne({ where: { fileId, owner: { id: userId } } });
      const file = row && (await strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['url', 'name', 'mime'] }));
      if (!row || !file) throw new DomainError('NOT_FOUND', '文件不存在');
      return { view: view(row, file), file };
    },

    /** Where the bytes behind a stored URL live on this machine, or null. */
    localPath(url: string): string | null {
      if (url.startsWith(PRIVATE_URL_PREFIX)) return privatePath(strapi, url.slice(PRIVATE_URL_PREFIX.length));
      if (!url.startsWith('/uploads/')) return null;
      const root = path.resolve(strapi.dirs.static.public, 'uploads');
      const target = path.resolve(strapi.dirs.static.public, `.${url}`);
      return target.startsWith(root + path.sep) ? target : null;
    },
  };
};
