/**
 * Decides whether a stored document already holds the values the seed wants to write, so a
 * re-run writes nothing. Only the keys present in `desired` count (`undefined` = leave alone).
 *
 * Desired values use the document service's input shapes, stored values its output shapes:
 * - relation: documentId string (or array of them, order-free) ↔ populated object(s)
 * - media: numeric file id (or ordered array of ids) ↔ populated file object(s)
 * - component: plain object (repeatable: ordered array) ↔ stored component(s) with an extra `id`
 * - decimals may come back as strings (MySQL), datetimes as UTC ISO strings, booleans as 0/1.
 */

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: Json): boolean => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function scalarMatches(desired: string | number | boolean, stored: Json): boolean {
  if (isObject(stored)) {
    // A relation given by documentId, or a media file given by id.
    if (typeof desired === 'string') return stored.documentId === desired;
    if (typeof desired === 'number') return stored.id === desired;
    return false;
  }
  if (typeof desired === 'number') {
    const n = typeof stored === 'string' && stored.trim() !== '' ? Number(stored) : stored;
    return typeof n === 'number' && Math.abs(n - desired) < 1e-6;
  }
  if (typeof desired === 'boolean') {
    return stored === desired || (typeof stored === 'number' && Boolean(stored) === desired);
  }
  if (typeof stored !== 'string') return false;
  if (stored === desired) return true;
  if (DATETIME.test(desired) && DATETIME.test(stored)) return Date.parse(desired) === Date.parse(stored);
  return false;
}

function arrayMatches(desired: Json[], stored: Json): boolean {
  if (!Array.isArray(stored)) return desired.length === 0 && (stored === null || stored === undefined);
  if (desired.length !== stored.length) return false;
  // Relations set by documentId carry no order; compare them as sets.
  if (desired.every((d) => typeof d === 'string') && stored.every(isObject)) {
    const have = new Set(stored.map((s) => (s as Record<string, Json>).documentId));
    return desired.every((d) => have.has(d));
  }
  return desired.every((d, i) => valueMatches(d, stored[i]));
}

export function valueMatches(desired: Json, stored: Json): boolean {
  if (desired === undefined) return true;
  if (desired === null) return isEmpty(stored);
  if (Array.isArray(desired)) return arrayMatches(desired, stored);
  if (isObject(desired)) {
    if (!isObject(stored)) return false;
    return Object.keys(desired).every((key) => valueMatches(desired[key], stored[key]));
  }
  if (typeof desired === 'string' || typeof desired === 'number' || typeof desired === 'boolean') {
    return scalarMatches(desired, stored);
  }
  return false;
}

/** Names of the top-level fields whose stored value differs from the desired one. */
export function changedFields(desired: Record<string, Json>, stored: Record<string, Json>): string[] {
  return Object.keys(desired).filter((key) => !valueMatches(desired[key], stored[key]));
}
