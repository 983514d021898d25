/**
 * Idempotency-Key on order creation. A key names one request: replaying it (same body) returns
 * the order it made; the same key with another body is a client bug we refuse (409 CONFLICT)
 * rather than silently answering with an order the member did not ask for. Keys live 24 hours,
 * then the key may name a new request.
 *
 *   first use                      → 'new'
 *   same body within 24 h          → 'replay'
 *   different body within 24 h     → 'conflict'
 *   any body after 24 h            → 'expired' (treated as new; the old order gives the key up)
 */
import crypto from 'crypto';
import { canonicalJson } from '../../../../../runtime/canonical-json';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export type IdempotencyOutcome = 'new' | 'replay' | 'conflict' | 'expired';

export interface StoredKey {
  hash: string | null;
  expiresAt: Date | string | null;
}

export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function idempotencyOutcome(stored: StoredKey | null, hash: string, now: Date): IdempotencyOutcome {
  if (!stored) return 'new';
  // Keys stored before hashes existed have no expiry: they count as expired, never as a match.
  if (!stored.expiresAt || new Date(stored.expiresAt).getTime() <= now.getTime()) return 'expired';
  return stored.hash === hash ? 'replay' : 'conflict';
}

export function idempotencyExpiry(now: Date): Date {
  return new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
}
