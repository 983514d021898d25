import { AsyncLocalStorage } from 'async_hooks';
import { createHmac } from 'crypto';
import fs from 'fs';
import path from 'path';
import { pipeline } from 'stream/promises';
import type { Core } from '@strapi/strapi';
import { clock } from '../../runtime/clock';
import { PRIVATE_NAME, signName } from './domain/file-kind';

/**
 * ID and certificate scans go through the upload plugin like any file (so the media library and
 * media fields keep working) but their bytes land outside public/: the local provider is wrapped
 * so that uploads made inside `storePrivately()` are written to the private folder and get a
 * `/api/media/private/<name>` URL, which answers only with a valid short-lived signature.
 * The provider then reports itself private, so Strapi signs those URLs wherever it returns files
 * (media library, Content Manager, document service); public files keep their plain URL.
 */
export const PRIVATE_URL_PREFIX = '/api/media/private/';

const scope = new AsyncLocalStorage<boolean>();

/** Runs an upload whose files (thumbnails and formats included) must not be public. */
export const storePrivately = <T>(isPrivate: boolean, work: () => Promise<T>): Promise<T> => scope.run(isPrivate, work);

export const isPrivateUrl = (url: unknown): url is string => typeof url === 'string' && url.startsWith(PRIVATE_URL_PREFIX);

export function privateDir(strapi: Core.Strapi): string {
  return path.resolve(process.env.UPLOAD_PRIVATE_DIR || path.join(strapi.dirs.app.root, 'private', 'uploads'));
}

/** The file on disk behind a private name, or null when the name is not one we would have written. */
export function privatePath(strapi: Core.Strapi, name: string): string | null {
  return PRIVATE_NAME.test(name) ? path.join(privateDir(strapi), name) : null;
}

export function urlSecret(strapi: Core.Strapi): string {
  if (process.env.UPLOAD_URL_SECRET) return process.env.UPLOAD_URL_SECRET;
  // Derived, not reused: a leaked signed URL must say nothing about the app keys.
  const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  if (!keys.length) throw new Error('UPLOAD_URL_SECRET or APP_KEYS must be set to sign private file URLs');
  return createHmac('sha256', keys.join(',')).update('shangmen:private-uploads').digest('hex');
}

export const urlTtlSeconds = (): number => {
  const ttl = Number(process.env.UPLOAD_URL_TTL_SECONDS ?? 600);
  return Number.isInteger(ttl) && ttl > 0 ? ttl : 600;
};

export function signedUrl(strapi: Core.Strapi, url: string): { url: string; expiresAt: string } {
  const name = url.slice(PRIVATE_URL_PREFIX.length);
  const { expires, sig } = signName(urlSecret(strapi), name, clock.now().getTime(), urlTtlSeconds());
  return { url: `${url}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000).toISOString() };
}

type ProviderFile = { hash: string; ext: string; url?: string; stream?: NodeJS.ReadableStream; buffer?: Buffer };
type Provider = Record<string, (...args: any[]) => any>;

async function writePrivate(strapi: Core.Strapi, file: ProviderFile) {
  const name = `${file.hash}${file.ext}`;
  const target = privatePath(strapi, name);
  if (!target) throw new Error(`refusing to store private file under ${JSON.stringify(name)}`);
  if (file.stream) await pipeline(file.stream, fs.createWriteStream(target));
  else if (file.buffer) await fs.promises.writeFile(target, file.buffer);
  else throw new Error('Missing file stream');
  file.url = `${PRIVATE_URL_PREFIX}${name}`;
}

async function removePrivate(strapi: Core.Strapi, url: string) {
  const target = privatePath(strapi, url.slice(PRIVATE_URL_PREFIX.length));
  if (target) await fs.promises.rm(target, { force: true });
}

/** Called from the app's register phase: after the upload plugin built its provider, before its bootstrap checks isPrivate(). */
export function installPrivateStorage(strapi: Core.Strapi): void {
  const provider = strapi.plugin('upload').provider as Provider;
  fs.mkdirSync(privateDir(strapi), { recursive: true });
  const original = { uploadStream: provider.uploadStream, upload: provider.upload, delete: provider.delete, replaceStream: provider.replaceStream, replace: provider.replace };

  Object.assign(provider, {
    async uploadStream(file: ProviderFile, options?: unknown) {
      return scope.getStore() ? writePrivate(strapi, file) : original.uploadStream(file, options);
    },
    async upload(file: ProviderFile, options?: unknown) {
      return scope.getStore() ? writePrivate(strapi, file) : original.upload(file, options);
    },
    // A replaced private file stays private (admins replace scans from the media library).
    async replaceStream(newFile: ProviderFile, oldFile: ProviderFile, options?: unknown) {
      if (!isPrivateUrl(oldFile.url)) return original.replaceStream(newFile, oldFile, options);
      await writePrivate(strapi, newFile);
      if (newFile.url !== oldFile.url) await removePrivate(strapi, oldFile.url);
    },
    async replace(newFile: ProviderFile, oldFile: ProviderFile, options?: unknown) {
      if (!isPrivateUrl(oldFile.url)) return original.replace(newFile, oldFile, options);
      await writePrivate(strapi, newFile);
      if (newFile.url !== oldFile.url) await removePrivate(strapi, oldFile.url);
    },
    async delete(file: ProviderFile, options?: unknown) {
      return isPrivateUrl(file.url) ? removePrivate(strapi, file.url) : original.delete(file, options);
    },
    isPrivate: () => true,
    getSignedUrl: (file: ProviderFile) => (isPrivateUrl(file.url) ? signedUrl(strapi, file.url) : { url: file.url }),
  });
}
