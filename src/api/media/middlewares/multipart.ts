import { withMultipart } from '../multipart';
import { maxUploadBytes, maxUploadFiles } from '../services/media';

/**
 * Route middleware for our upload routes: runs after authentication and the permission check,
 * so an anonymous client never gets a byte written to disk. (The global body parser leaves
 * multipart bodies of these routes alone.)
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  if (!ctx.is('multipart')) {
    await next();
    return;
  }
  await withMultipart(ctx, { maxFileSize: maxUploadBytes(), maxFiles: maxUploadFiles() }, next);
};
