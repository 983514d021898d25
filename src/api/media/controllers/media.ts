import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { clock } from '../../../runtime/clock';
import { DomainError, forbidden, notFound } from '../../../runtime/errors';
import { isPurpose, PURPOSES, verifySignedName } from '../domain/file-kind';
import { privatePath, urlSecret } from '../private-storage';
import type { IncomingFile } from '../services/media';
import { userId } from '../../../runtime/requester';

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

const fileId = (raw: unknown): number => {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,11}$/.test(raw)) throw notFound('文件不存在');
  return Number(raw);
};

/** Bytes of a stored file, answered so that a browser never renders them as a page. */
async function sendFile(ctx: any, filePath: string | null, downloadName: string) {
  const stat = filePath ? await fs.promises.stat(filePath).catch(() => null) : null;
  if (!filePath || !stat?.isFile()) throw notFound('文件不存在');
  const type = MIME_BY_EXT[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  ctx.status = 200;
  ctx.type = type;
  ctx.length = stat.size;
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
  const disposition = type.startsWith('image/') ? 'inline' : 'attachment';
  ctx.set('Content-Disposition', `${disposition}; filename="${downloadName.replace(/[^\w.-]/g, '_')}"`);
  ctx.body = fs.createReadStream(filePath);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = () => strapi.service('api::media.media') as any;

  return {
    /** POST /api/me/uploads (multipart: `purpose`, `files`). */
    async upload(ctx: any) {
      const id = userId(ctx);
      if (!ctx.is('multipart')) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请使用 multipart/form-data 上传文件');
      const body = ctx.request.body ?? {};
      const files = ctx.request.files ?? {};
      const unknownFiles = Object.keys(files).filter((k) => k !== 'files');
      const unknownFields = Object.keys(body).filter((k) => k !== 'purpose');
      if (unknownFiles.length || unknownFields.length) {
        throw new DomainError('VALIDATION_FAILED', '只接受 purpose 与 files 字段', { unknown: [...unknownFields, ...unknownFiles] });
      }
      if (!isPurpose(body.purpose)) throw new DomainError('VALIDATION_FAILED', '上传用途无效', { field: 'purpose', allowed: PURPOSES });
      const list: IncomingFile[] = files.files === undefined ? [] : Array.isArray(files.files) ? files.files : [files.files];
      ctx.status = 201;
      ctx.body = { data: await media().upload(id, body.purpose, list) };
    },

    /** GET /api/me/uploads/:id — the caller's own file, with a fresh signed URL when private. */
    async findOne(ctx: any) {
      const { view } = await media().findMine(userId(ctx), fileId(ctx.params.id));
      ctx.body = { data: view };
    },

    /** GET /api/me/uploads/:id/content — the bytes, to their owner only. */
    async content(ctx: any) {
      const { file } = await media().findMine(userId(ctx), fileId(ctx.params.id));
      await sendFile(ctx, media().localPath(file.url), file.name);
    },

    /** GET /api/media/private/:name?expires=&sig= — no sign-in: the signature is the permission. */
    async signed(ctx: any) {
      const name = String(ctx.params.name ?? '');
      const { expires, sig } = ctx.query ?? {};
      if (!privatePath(strapi, name) || !verifySignedName(urlSecret(strapi), name, expires, sig, clock.now().getTime())) {
        throw forbidden('链接无效或已过期');
      }
      await sendFile(ctx, privatePath(strapi, name), name);
    },
  };
};
