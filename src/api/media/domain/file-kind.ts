import { createHmac, timingSafeEqual } from 'crypto';

/**
 * What members and workers may upload, decided from the bytes: a name or a Content-Type is
 * whatever the client says, and an HTML page called `avatar.png` is still an HTML page.
 * No Strapi import.
 */
export const PURPOSES = ['avatar', 'review', 'ticket', 'chat', 'application', 'certificate', 'evidence'] as const;
export type Purpose = (typeof PURPOSES)[number];

export type Kind = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const IMAGES: readonly Kind[] = ['image/jpeg', 'image/png', 'image/webp'];

/** ID and certificate scans, and photos of the inside of a member's home: never a public URL. */
const PRIVATE_PURPOSES: ReadonlySet<Purpose> = new Set(['application', 'certificate', 'evidence']);
/** Documents that come as scans: PDF allowed as well as images. */
const DOCUMENT_PURPOSES: ReadonlySet<Purpose> = new Set(['application', 'certificate']);

export const isPurpose = (value: unknown): value is Purpose => typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
export const isPrivatePurpose = (purpose: Purpose): boolean => PRIVATE_PURPOSES.has(purpose);
export const allowedKinds = (purpose: Purpose): readonly Kind[] => (DOCUMENT_PURPOSES.has(purpose) ? [...IMAGES, 'application/pdf'] : IMAGES);

export const EXTENSION: Record<Kind, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

/** The file's type from its first bytes (12 are enough), or null for anything not on the list. */
export function sniff(head: Uint8Array): Kind | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export type Refusal = { code: 'FILE_TYPE_NOT_ALLOWED'; detected: Kind | null; allowed: readonly Kind[] };

/** null when the file may be stored for this purpose. */
export function checkKind(purpose: Purpose, head: Uint8Array): Refusal | null {
  const detected = sniff(head);
  const allowed = allowedKinds(purpose);
  return detected && allowed.includes(detected) ? null : { code: 'FILE_TYPE_NOT_ALLOWED', detected, allowed };
}

/** Private files are stored under this name only: no path, no client-chosen characters. */
export const PRIVATE_NAME = /^[A-Za-z0-9_-]{1,200}\.(jpg|jpeg|png|webp|pdf)$/;

const signature = (secret: string, name: string, expires: number) =>
  createHmac('sha256', secret).update(`${name}\n${expires}`).digest('base64url');

/** A short-lived capability for one private file: `?expires=<unix seconds>&sig=<hmac>`. */
export function signName(secret: string, name: string, nowMs: number, ttlSeconds: number): { expires: number; sig: string } {
  const expires = Math.floor(nowMs / 1000) + ttlSeconds;
  return { expires, sig: signature(secret, name, expires) };
}

export function verifySignedName(secret: string, name: string, expires: unknown, sig: unknown, nowMs: number): boolean {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof sig !== 'string' || sig.length > 100) return false;
  const at = Number(expires);
  if (at * 1000 <= nowMs) return false;
  const expected = Buffer.from(signature(secret, name, at));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
