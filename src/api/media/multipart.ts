import fs from 'fs';
import os from 'os';
import path from 'path';
import { koaBody } from 'koa-body';
import { DomainError } from '../../runtime/errors';

export interface MultipartLimits {
  maxFileSize: number;
  maxFiles: number;
}

/** Formidable's limit errors are plain Errors with an English message; clients get our codes. */
function translate(err: unknown, limits: MultipartLimits): unknown {
  const message = err instanceof Error ? err.message : String(err);
  if (/maxFileSize|maxTotalFileSize/.test(message)) return new DomainError('FILE_TOO_LARGE', '文件过大', { maxBytes: limits.maxFileSize });
  if (/maxFiles/.test(message)) return new DomainError('TOO_MANY_FILES', `一次最多上传 ${limits.maxFiles} 个文件`, { max: limits.maxFiles });
  if (/maxFields|maxFieldsSize/.test(message)) return new DomainError('PAYLOAD_TOO_LARGE', '请求内容过大');
  return new DomainError('VALIDATION_FAILED', '文件上传请求格式错误');
}

/**
 * Parses one multipart request into a temp folder of its own and removes that folder when the
 * request is over, whatever happened: a file that exceeded a limit half-way, a field Strapi's
 * body parser would not have cleaned (it only removes `files`), a handler that threw.
 */
export async function withMultipart(ctx: any, limits: MultipartLimits, next: () => Promise<unknown>): Promise<void> {
  const uploadDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shangmen-upload-'));
  try {
    try {
      await koaBody({
        multipart: true,
        json: false,
        urlencoded: false,
        text: false,
        formidable: {
          uploadDir,
          keepExtensions: false,
          multiples: true,
          maxFileSize: limits.maxFileSize,
          maxTotalFileSize: limits.maxFileSize * limits.maxFiles,
          maxFiles: limits.maxFiles,
          maxFields: 20,
          maxFieldsSize: 64 * 1024,
        },
      })(ctx, async () => undefined);
    } catch (err) {
      throw translate(err, limits);
    }
    await next();
  } finally {
    delete ctx.request.files;
    await fs.promises.rm(uploadDir, { recursive: true, force: true });
  }
}
