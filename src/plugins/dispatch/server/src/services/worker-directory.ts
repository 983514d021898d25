import type { Core } from '@strapi/strapi';
import { certificateValidThrough } from '../../../../../api/people/domain/certificates';
import { runtime } from '../../../../../runtime';
import { defaultWeek, type DispatchWorker, type LeavePeriod, type WeeklyWindow } from '../domain';
import { getService, HOMES_SET, WORKER_UID } from '../utils';

const POPULATE = {
  city: { select: ['adcode'] },
  user: { select: ['id'] },
  skills: { populate: { skill: { select: ['id', 'requiredCertificate'] } } },
  certificates: { select: ['type', 'expiresAt'] },
  availability: true,
  leave: true,
};

const CHUNK = 500;
// Another instance's change reaches this one by pub/sub; the TTL bounds what a lost message costs.
const TTL_MS = 60_000;
const CHANGED = 'dispatch.worker-changed';

interface Cached {
  at: number;
  worker: DispatchWorker;
  /** The worker's own windows; empty means "the business hours". */
  ownWindows: WeeklyWindow[];
  /** Without own windows: the worker on these business hours. */
  hoursKey?: string;
  withHours?: DispatchWorker;
}

const num = (v: unknown, fallback = 0) => {
  const n = typeof v === 'string' ? Number(v) : (v as number);
  return Number.isFinite(n) ? n : fallback;
};

export function toDispatchWorker(row: any): Omit<Cached, 'at'> {
  const lat = row.homeLat;
  const lng = row.homeLng;
  const ownWindows: WeeklyWindow[] = (row.availability ?? []).map((w: any) => ({ weekday: w.weekday, start: w.start, end: w.end }));
  const leave: LeavePeriod[] = (row.leave ?? []).map((l: any) => ({
    kind: l.kind ?? 'leave',
    startsAt: new Date(l.startsAt).toISOString(),
    endsAt: new Date(l.endsAt).toISOString(),
    reason: l.reason ?? null,
  }));
  return {
    ownWindows,
    worker: {
      id: row.id,
      documentId: row.documentId,
      userId: row.user?.id ?? null,
      realName: row.realName ?? '',
      gender: row.gender,
      cityAdcode: row.city?.adcode ?? null,
      auditStatus: row.auditStatus,
      employment: row.employment,
      acceptingOrders: row.acceptingOrders !== false,
      home: lat != null && lng != null ? { lat: Number(lat), lng: Number(lng) } : null,
      serviceRadiusMeters: num(row.serviceRadiusMeters, 10_000),
      rating: num(row.rating, 5),
      experienceYears: num(row.experienceYears),
      skills: (row.skills ?? [])
        .filter((s: any) => s.skill?.id)
        .map((s: any) => ({
          skillId: s.skill.id,
          level: num(s.level, 1),
          ...(s.skill.requiredCertificate ? { validThrough: certificateValidThrough(s.skill.requiredCertificate, row.certificates ?? []) } : {}),
        })),
      windows: ownWindows,
      leave,
      maxOrdersPerDay: row.maxOrdersPerDay ?? null,
    },
  };
}

/**
 * Workers as matching reads them, from an in-process cache kept exact by the worker table's
 * lifecycles (and pub/sub from other instances), so a recommendation over thousands of nearby
 * workers needs no worker query. Also keeps the geo index of home positions in step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<number, Cached>();
  const weeks = new Map<string, WeeklyWindow[]>();
  let unsubscribe: (() => Promise<void>) | undefined;

  const effective = (entry: Cached, hours: { opensAt: string; closesAt: string }): DispatchWorker => {
    if (entry.ownWindows.length) return entry.worker;
    const key = `${hours.opensAt}-${hours.closesAt}`;
    // Kept on the entry: a ranking reads thousands of cached workers and need not copy each one.
    if (entry.hoursKey === key && entry.withHours) return entry.withHours;
    let week = weeks.get(key);
    if (!week) weeks.set(key, (week = defaultWeek(hours)));
    entry.hoursKey = key;
    entry.withHours = { ...entry.worker, windows: week };
    return entry.withHours;
  };

  async function load(ids: number[]): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await strapi.db.query(WORKER_UID).findMany({ where: { id: { $in: ids.slice(i, i + CHUNK) } }, populate: POPULATE });
      for (const row of rows) cache.set(row.id, { at: now, ...toDispatchWorker(row) });
    }
  }

  async function placeHome(row: { id: number; homeLat?: number | null; homeLng?: number | null }) {
    const geo = runtime().geo;
    if (row.homeLat != null && row.homeLng != null) await geo.upsert(HOMES_SET, String(row.id), { lat: Number(row.homeLat), lng: Number(row.homeLng) });
    else await geo.remove(HOMES_SET, String(row.id));
  }

  async function changed(ids: number[] | 'all') {
    if (ids === 'all') cache.clear();
    else ids.forEach((id) => cache.delete(id));
    try {
      await runtime().pubsub.publish(CHANGED, { ids });
    } catch (err) {
      strapi.log.warn(`dispatch: could not publish a worker change: ${(err as Error).message}`);
    }
  }

  return {
    /** Workers by id (unknown ids are left out); `fresh` skips the cache (acceptance checks). */
    async get(ids: number[], options: { fresh?: boolean } = {}): Promise<Map<number, DispatchWorker>> {
      const now = Date.now();
      const missing = options.fresh ? ids : ids.filter((id) => !(now - (cache.get(id)?.at ?? -Infinity) < TTL_MS));
      if (missing.length) await load(missing);
      const { businessHours } = await getService(strapi, 'dispatch-settings').current();
      const out = new Map<number, DispatchWorker>();
      for (const id of ids) {
        const entry = cache.get(id);
        if (entry) out.set(id, effective(entry, businessHours));
      }
      return out;
    },

    async byDocumentId(documentId: string): Promise<DispatchWorker | null> {
      const row = await strapi.db.query(WORKER_UID).findOne({ where: { documentId }, select: ['id'] });
      if (!row) return null;
      return (await this.get([row.id], { fresh: true })).get(row.id) ?? null;
    },

    async byUserId(userId: number): Promise<DispatchWorker | null> {
      const row = await strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, select: ['id'] });
      if (!row) return null;
      return (await this.get([row.id], { fresh: true })).get(row.id) ?? null;
    },

    invalidate(id?: number): void {
      if (id === undefined) cache.clear();
      else cache.delete(id);
    },

    /** Puts every worker's home into the geo index (boot: the embedded index starts empty). */
    async syncGeoIndex(): Promise<number> {
      let placed = 0;
      for (let offset = 0; ; offset += 5000) {
        const rows = await strapi.db.query(WORKER_UID).findMany({
          where: { homeLat: { $notNull: true }, homeLng: { $notNull: true } },
          select: ['id', 'homeLat', 'homeLng'],
          orderBy: { id: 'asc' },
          offset,
          limit: 5000,
        });
        await runtime().geo.upsertMany(
          HOMES_SET,
          rows.map((r: any) => ({ member: String(r.id), at: { lat: Number(r.homeLat), lng: Number(r.homeLng) } })),
        );
        placed += rows.length;
        if (rows.length < 5000) return placed;
      }
    },

    /** Lifecycles on the worker table (document service and db.query alike) and other instances' changes. */
    async watch(): Promise<void> {
      strapi.db.lifecycles.subscribe({
        models: [WORKER_UID],
        afterCreate: async (event: any) => {
          await placeHome(event.result);
          await changed([event.result.id]);
        },
        afterUpdate: async (event: any) => {
          if (event.result?.id) {
            await placeHome(event.result);
            await changed([event.result.id]);
          }
        },
        afterDelete: async (event: any) => {
          if (event.result?.id) {
            await runtime().geo.remove(HOMES_SET, String(event.result.id));
            await changed([event.result.id]);
          }
        },
        afterUpdateMany: async () => changed('all'),
        afterDeleteMany: async () => changed('all'),
      } as any);
      // A skill's 所需证书 decides which workers may use it: an edit re-reads every worker.
      strapi.db.lifecycles.subscribe({
        models: ['api::catalog.skill'],
        afterUpdate: async () => changed('all'),
        afterUpdateMany: async () => changed('all'),
      } as any);
      unsubscribe = await runtime().pubsub.subscribe<{ ids: number[] | 'all' }>(CHANGED, ({ ids }) => {
        if (ids === 'all') cache.clear();
        else ids.forEach((id) => cache.delete(id));
      });
    },

    async stop(): Promise<void> {
      await unsubscribe?.();
      unsubscribe = undefined;
    },
  };
};
