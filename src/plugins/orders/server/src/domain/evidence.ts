import type { OrderStatus } from './order-status';

/**
 * Photos and notes a worker leaves on an order: the state of the home before work starts and
 * the result after. They settle "it was already broken" and "it was not cleaned" disputes, so
 * each kind may only be added while it can still be true. No Strapi import.
 */
export const EVIDENCE_KINDS = ['before', 'after'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** WeChat's image picker takes nine at a time; more than that per kind is not evidence but an album. */
export const MAX_EVIDENCE_PHOTOS = 9;
export const MAX_EVIDENCE_NOTE = 500;

export const isEvidenceKind = (value: unknown): value is EvidenceKind => typeof value === 'string' && (EVIDENCE_KINDS as readonly string[]).includes(value);

const OPEN_FOR: Record<EvidenceKind, readonly OrderStatus[]> = {
  // From the door until the work is done: a "before" taken after the work proves nothing.
  before: ['arrived', 'in_service', 'paused'],
  // During and right after the work; `completed` only within the grace period.
  after: ['in_service', 'paused', 'pending_final_payment', 'completed'],
};

export interface EvidenceWindowInput {
  kind: EvidenceKind;
  status: OrderStatus;
  completedAt: Date | null;
  now: Date;
  /** How long after completion "after" photos are still taken. */
  graceHours: number;
}

/** Null when the worker may add this kind now, else why not (Chinese, for the member-facing message). */
export function evidenceRefusal(input: EvidenceWindowInput): string | null {
  if (!OPEN_FOR[input.kind].includes(input.status)) {
    return input.kind === 'before' ? '到达服务地址后、服务完成前才能上传服务前照片' : '开始服务后才能上传服务后照片';
  }
  if (input.status === 'completed') {
    const closesAt = (input.completedAt?.getTime() ?? 0) + input.graceHours * 3_600_000;
    if (input.now.getTime() > closesAt) return `服务完成 ${input.graceHours} 小时后不能再补传照片`;
  }
  return null;
}

export interface EvidenceEntry {
  kind: EvidenceKind;
  photos: number[];
  note: string | null;
  at: Date | string;
}

/** Photos already on the order for one kind, to keep the total within MAX_EVIDENCE_PHOTOS. */
export const photoCount = (entries: readonly EvidenceEntry[], kind: EvidenceKind): number =>
  entries.filter((e) => e.kind === kind).reduce((n, e) => n + e.photos.length, 0);

/** Completion needs an "after" photo when the platform asks for one. */
export const completionBlockedByEvidence = (entries: readonly EvidenceEntry[], required: boolean): boolean =>
  required && photoCount(entries, 'after') === 0;

/** Timeline rows of event `evidence` back into entries; anything malformed is skipped, not trusted. */
export function evidenceFromEvents(events: ReadonlyArray<{ event: string; data?: unknown; at: Date | string }>): EvidenceEntry[] {
  const entries: EvidenceEntry[] = [];
  for (const e of events) {
    if (e.event !== 'evidence' || !e.data || typeof e.data !== 'object') continue;
    const data = e.data as { kind?: unknown; photos?: unknown; note?: unknown };
    if (!isEvidenceKind(data.kind)) continue;
    const photos = Array.isArray(data.photos) ? data.photos.filter((p): p is number => Number.isInteger(p)) : [];
    entries.push({ kind: data.kind, photos, note: typeof data.note === 'string' ? data.note : null, at: e.at });
  }
  return entries;
}
