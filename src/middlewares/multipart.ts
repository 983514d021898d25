import type { Core } from '@strapi/strapi';
import { withMultipart } from '../api/media/multipart';
import { DomainError } from '../runtime/errors';

/**
 * Sits right before `strapi::body`, which is configured with `multipart: false`. A multipart
 * body is parsed only where files are expected:
 * - our own upload routes parse it themselves after sign-in (route middleware `api::media.multipart`);
 * - the admin's media library and project settings (logos): with formidable limits and a temp
 *   folder per request that is always removed, and only when a bearer token is presented;
 * - anything else answers 415 before a byte is written (the stock parser took multipart on every
 *   route, anonymous ones included, and left files of any field but `files` in the temp folder).
 */
const OWN_UPLOAD_ROUTES = new Set(['/api/me/uploads']);
const ADMIN_MULTIPART = [/^\/upload(\/|$)/, /^\/admin\/project-settings$/];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const adminLimits = {
    // The media library's own limit (config/plugins.ts, UPLOAD_ADMIN_MAX_BYTES): one number for both.
    maxFileSize: Number(strapi.config.get('plugin::upload.sizeLimit')),
    maxFiles: Number(process.env.UPLOAD_ADMIN_MAX_FILES || 20),
  };

  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.is('multipart') || OWN_UPLOAD_ROUTES.has(ctx.path)) {
      await next();
      return;
    }
    if (ADMIN_MULTIPART.some((re) => re.test(ctx.path))) {
      if (!/^Bearer \S+/.test(ctx.get('authorization'))) throw new DomainError('UNAUTHENTICATED', '请先登录');
      await withMultipart(ctx, adminLimits, next);
      return;
    }
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '此接口不接受文件上传');
  };
};
