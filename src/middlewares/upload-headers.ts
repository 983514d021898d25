import path from 'path';

/**
 * `/uploads/*` is served from the admin's own origin. Whatever a file turns out to be, the
 * browser must not sniff it into HTML, run scripts from it, or render anything but an image
 * inline: nosniff, a CSP with no script source and `sandbox`, and a download for non-images.
 */
const INLINE = /^image\/(jpeg|png|webp|gif|avif)$/;

export const UPLOAD_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

export default () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (!ctx.path.startsWith('/uploads/')) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', UPLOAD_CSP);
  ctx.remove('Content-Security-Policy-Report-Only');
  if (ctx.status >= 200 && ctx.status < 300 && !INLINE.test(ctx.type)) {
    const name = path.basename(ctx.path).replace(/[^\w.-]/g, '_');
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  }
};
