import type { Core, UID } from '@strapi/strapi';
import { changedFields } from './record-match';

/** A stored document as the document service returns it. */
export interface StoredDocument {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

/** The slice of the document service the seed uses, without per-type generics: seed data is
 * plain objects checked against the schemas at runtime by Strapi itself. */
interface DocumentsApi {
  findFirst(params: { filters?: object; populate?: unknown }): Promise<StoredDocument | null>;
  create(params: { data: object; populate?: unknown }): Promise<StoredDocument>;
  update(params: { documentId: string; data: object; populate?: unknown }): Promise<StoredDocument>;
}

export interface SeedContext {
  strapi: Core.Strapi;
  log: (message: string) => void;
  changes: { created: number; updated: number };
  skipped: string[];
}

export const documents = (strapi: Core.Strapi, uid: UID.ContentType): DocumentsApi =>
  strapi.documents(uid) as unknown as DocumentsApi;

export interface SyncOptions {
  populate?: unknown;
  /** Written on create only (e.g. a password, a grant date). */
  createOnly?: Record<string, unknown>;
}

/**
 * Find the document by its natural key; create it when missing, update only the fields that
 * differ, or leave it untouched. Returns the stored document.
 */
export async function syncDocument(
  ctx: SeedContext,
  uid: UID.ContentType,
  filters: object,
  data: Record<string, unknown>,
  options: SyncOptions = {},
): Promise<StoredDocument> {
  const api = documents(ctx.strapi, uid);
  const existing = await api.findFirst({ filters, populate: options.populate });
  if (!existing) {
    const created = await api.create({ data: { ...data, ...options.createOnly } });
    ctx.changes.created += 1;
    return created;
  }
  const changed = changedFields(data, existing);
  if (changed.length === 0) return existing;
  const patch = Object.fromEntries(changed.map((key) => [key, data[key]]));
  const updated = await api.update({ documentId: existing.documentId, data: patch });
  ctx.changes.updated += 1;
  ctx.log(`updated ${uid} ${existing.documentId}: ${changed.join(', ')}`);
  return updated;
}

/** Create the document when no document matches the key; never touch an existing one. */
export async function ensureDocument(
  ctx: SeedContext,
  uid: UID.ContentType,
  filters: object,
  data: Record<string, unknown>,
): Promise<{ document: StoredDocument; created: boolean }> {
  const api = documents(ctx.strapi, uid);
  const existing = await api.findFirst({ filters });
  if (existing) return { document: existing, created: false };
  const created = await api.create({ data });
  ctx.changes.created += 1;
  return { document: created, created: true };
}

/** documentId by natural key, failing loudly when the seed refers to a record it did not make. */
export class KeyMap {
  private readonly ids = new Map<string, string>();

  constructor(private readonly kind: string) {}

  set(key: string, documentId: string): void {
    this.ids.set(key, documentId);
  }

  get(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`seed data refers to unknown ${this.kind} "${key}"`);
    return id;
  }
}
