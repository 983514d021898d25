import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { runtime } from '../../../../../runtime';
import { clock, startOfZonedDay, toZonedIso } from '../../../../../runtime/clock';
import type { LatLng } from '../../../../../runtime/geo';
import type { DispatchOrder } from '../../../../orders/shared/contracts/orders-dispatch';
import {
  bestByBound,
  loadUnfitReason,
  matchingSkillLevel,
  preferenceMatch,
  scoreCandidate,
  staticUnfitReason,
  type DispatchWorker,
  type OrderNeed,
  type OrderTime,
  type Range,
  type ScoreBreakdown,
  type UnfitReason,
} from '../domain';
import { BLOCK_UID, getService, HOMES_SET, ordersPort } from '../utils';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface MatchRequest {
  cityAdcode: string;
  location: LatLng;
  skillIds: readonly number[];
  minSkillLevel?: number;
  /** Leave out for "who fits this address at all" (GET /api/workers sorted by score): no time checks. */
  scheduledAt?: Date;
  durationMinutes?: number;
  genderPreference?: 'male' | 'female' | 'any' | null;
  memberId?: number | null;
  excludeWorkerIds?: ReadonlySet<number>;
  /** At most this many candidates, best first. */
  limit?: number;
  /** Also say why nearby workers were left out (调度台). */
  explain?: boolean;
}

export interface RankedCandidate {
  worker: DispatchWorker;
  score: number;
  breakdown: ScoreBreakdown;
  distanceMeters: number;
  skillLevel: number;
}

export interface Ranking {
  candidates: RankedCandidate[];
  unfit: Array<{ worker: DispatchWorker; reason: UnfitReason }>;
}

/**
 * [start, end) followed by the travel buffer and rounded out to the slot grid, as the order would
 * hold it (orders' slotsFor): the buffer sits after each job, so consecutive jobs are one buffer apart.
 */
export function orderTime(start: Date, durationMinutes: number, bufferMinutes: number, slotMinutes: number): OrderTime {
  const slot = slotMinutes * MINUTE_MS;
  const service = { start: start.getTime(), end: start.getTime() + durationMinutes * MINUTE_MS };
  return {
    service,
    held: {
      start: Math.floor(service.start / slot) * slot,
      end: Math.ceil((service.end + bufferMinutes * MINUTE_MS) / slot) * slot,
    },
  };
}

/**
 * Candidate search and ranking: nearby workers from the geo index (Redis GEOSEARCH, or the
 * embedded grid), cheap hard filters on cached profiles, then one batch of queries for the
 * survivors' bookings, daily counts, 7-day workload and acceptance — never a scan of all workers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;

  async function acceptanceStats(ids: number[], since: Date): Promise<Map<number, { made: number; accepted: number }>> {
    const stats = new Map<number, { made: number; accepted: number }>();
    for (let i = 0; i < ids.length; i += 900) {
      const rows = await knex()('dispatch_offers')
        .whereIn('worker_id', ids.slice(i, i + 900))
        .andWhere('offered_at', '>=', since)
        .andWhereNot('offer_state', 'open')
        .groupBy('worker_id')
        .select('worker_id')
        .count({ made: '*' })
        .sum({ accepted: knex().raw("CASE WHEN offer_state = 'accepted' THEN 1 ELSE 0 END") });
      for (const r of rows as any[]) stats.set(Number(r.worker_id), { made: Number(r.made), accepted: Number(r.accepted ?? 0) });
    }
    return stats;
  }

  /**
   * Workers the member saved as favourites (收藏), through the people API's service
   * `favouriteWorkerIds(userId)` (docs/API.md, 收藏); none when that API is not installed.
   */
  async function favouriteWorkers(memberId: number): Promise<Set<string>> {
    const favourites = strapi.service('api::people.favourite') as { favouriteWorkerIds?: (userId: number) => Promise<string[]> } | undefined;
    return new Set(favourites?.favouriteWorkerIds ? await favourites.favouriteWorkerIds(memberId) : []);
  }

  async function memberContext(memberId: number | null | undefined) {
    if (!memberId) return { blocked: new Set<number>(), served: new Set<number>(), preferences: null, favourites: new Set<string>() };
    const [blocks, served, profile, favourites] = await Promise.all([
      strapi.db.query(BLOCK_UID).findMany({ where: { memberId }, select: ['workerId'] }),
      ordersPort(strapi).servedWorkerIds(memberId),
      strapi.db.query('api::people.customer-profile').findOne({
        where: { user: { id: memberId } },
        populate: { preferences: { populate: { categories: { select: ['id'] } } } },
      }),
      favouriteWorkers(memberId),
    ]);
    const prefs = profile?.preferences;
    let preferredSkillIds: number[] = [];
    const categoryIds = (prefs?.categories ?? []).map((c: { id: number }) => c.id);
    if (categoryIds.length) {
      const items = await strapi.db.query('api::catalog.service-item').findMany({
        where: { category: { id: { $in: categoryIds } } },
        select: ['id'],
        populate: { skills: { select: ['id'] } },
      });
      preferredSkillIds = [...new Set(items.flatMap((i: any) => (i.skills ?? []).map((s: { id: number }) => s.id)))] as number[];
    }
    const preferences = prefs && ((prefs.workerGender && prefs.workerGender !== 'any') || preferredSkillIds.length) ? { workerGender: prefs.workerGender, preferredSkillIds } : null;
    return { blocked: new Set<number>(blocks.map((b: { workerId: number }) => b.workerId)), served: new Set<number>(served), preferences, favourites };
  }

  return {
    /** Candidates for a placed order (its address, time, item skills and the member's wishes). */
    async forOrder(order: DispatchOrder, options: Pick<MatchRequest, 'excludeWorkerIds' | 'limit' | 'explain'> = {}): Promise<Ranking> {
      if (!order.location || !order.cityAdcode) return { candidates: [], unfit: [] };
      const item = await strapi.db.query('api::catalog.service-item').findOne({ where: { documentId: order.serviceItem.documentId }, select: ['minSkillLevel'] });
      return this.rank({
        cityAdcode: order.cityAdcode,
        location: order.location,
        skillIds: order.serviceItem.skillIds,
        minSkillLevel: item?.minSkillLevel ?? 1,
        scheduledAt: new Date(order.scheduledAt),
        durationMinutes: order.durationMinutes,
        genderPreference: order.genderPreference,
        memberId: order.memberId,
        ...options,
      });
    },

    async rank(request: MatchRequest): Promise<Ranking> {
      const settings = await getService(strapi, 'dispatch-settings').current();
      const { dispatch, booking, timezone } = settings;
      const now = clock.now();
      const timed = request.scheduledAt !== undefined;
      const time = timed
        ? orderTime(request.scheduledAt as Date, request.durationMinutes ?? 60, booking.travelBufferMinutes, booking.slotMinutes)
        : undefined;

      const [nearby, member] = await Promise.all([
        runtime().geo.near(HOMES_SET, request.location, dispatch.searchRadiusMeters),
        memberContext(request.memberId),
      ]);
      const ids = nearby.map((m) => Number(m.member)).filter((id) => !request.excludeWorkerIds?.has(id));
      const distances = new Map(nearby.map((m) => [Number(m.member), m.distanceMeters]));
      const workers = await getService(strapi, 'worker-directory').get(ids);

      const need: OrderNeed = {
        cityAdcode: request.cityAdcode,
        skillIds: request.skillIds,
        minSkillLevel: request.minSkillLevel ?? 1,
        location: request.location,
        genderPreference: request.genderPreference,
        time,
        blockedWorkerIds: member.blocked,
        serviceDay: toZonedIso(timed ? (request.scheduledAt as Date) : now, timezone).slice(0, 10),
      };
      const unfit: Ranking['unfit'] = [];
      const fit: DispatchWorker[] = [];
      for (const id of ids) {
        const worker = workers.get(id);
        if (!worker) continue;
        const reason = staticUnfitReason(worker, need, timezone, distances.get(id));
        if (reason) {
          if (request.explain && reason !== 'other_city') unfit.push({ worker, reason });
        } else fit.push(worker);
      }

      const dayStart = timed ? startOfZonedDay(request.scheduledAt as Date, timezone) : startOfZonedDay(now, timezone);
      const dayEnd = startOfZonedDay(new Date(dayStart.getTime() + DAY_MS + 12 * 3_600_000), timezone);
      const features = (worker: DispatchWorker, ordersLast7Days: number, stats: { made: number; accepted: number }) => ({
        distanceMeters: distances.get(worker.id) ?? 0,
        radiusMeters: worker.serviceRadiusMeters,
        rating: worker.rating,
        experienceYears: worker.experienceYears,
        skillLevel: matchingSkillLevel(worker, request.skillIds, need.serviceDay),
        ordersLast7Days,
        workloadCap: 7 * (worker.maxOrdersPerDay ?? dispatch.maxOrdersPerDay),
        preferenceMatch: preferenceMatch(
          { gender: worker.gender, skillIds: worker.skills.map((s) => s.skillId), favourite: member.favourites.has(worker.documentId) },
          member.preferences,
        ),
        repeatCustomer: member.served.has(worker.id),
        offersAccepted: stats.accepted,
        offersMade: stats.made,
      });

      const byRank = (a: RankedCandidate, b: RankedCandidate) => b.score - a.score || a.distanceMeters - b.distanceMeters || a.worker.id - b.worker.id;
      /** Loads held time, the day's and the week's orders and acceptance for a batch, then scores it. */
      const evaluate = async (batch: DispatchWorker[]): Promise<RankedCandidate[]> => {
        const ids = batch.map((w) => w.id);
        const [held, dayCounts, weekCounts, acceptance] = await Promise.all([
          time ? ordersPort(strapi).heldTime(ids, new Date(time.held.start), new Date(time.held.end)) : Promise.resolve([]),
          time ? ordersPort(strapi).orderCounts(ids, dayStart, dayEnd) : Promise.resolve(new Map<number, number>()),
          ordersPort(strapi).orderCounts(ids, new Date(dayEnd.getTime() - 7 * DAY_MS), dayEnd),
          acceptanceStats(ids, new Date(now.getTime() - 30 * DAY_MS)),
        ]);
        const bookings = new Map<number, Range[]>();
        for (const h of held) {
          const list = bookings.get(h.workerId) ?? [];
          list.push({ start: Date.parse(h.start), end: Date.parse(h.end) });
          bookings.set(h.workerId, list);
        }
        const scored: RankedCandidate[] = [];
        for (const worker of batch) {
          if (time) {
            const reason = loadUnfitReason(worker, { bookings: bookings.get(worker.id) ?? [], ordersThatDay: dayCounts.get(worker.id) ?? 0 }, time, dispatch.maxOrdersPerDay);
            if (reason) {
              if (request.explain) unfit.push({ worker, reason });
              continue;
            }
          }
          const f = features(worker, weekCounts.get(worker.id) ?? 0, acceptance.get(worker.id) ?? { made: 0, accepted: 0 });
          const { score, breakdown } = scoreCandidate(f, settings.weights);
          scored.push({ worker, score, breakdown, distanceMeters: Math.round(f.distanceMeters), skillLevel: f.skillLevel });
        }
        return scored;
      };

      // Only the best `limit` wanted (offers, 智能推荐, batch): rank by an upper bound first (no
      // orders this week, every offer accepted — the two factors that need the database) and load
      // a few hundred workers in that order instead of every fit worker of the city. The 调度台's
      // explained list and unlimited rankings still score everyone.
      const candidates =
        request.limit && !request.explain
          ? await bestByBound(fit, {
              limit: request.limit,
              step: Math.max(100, 4 * request.limit),
              bound: (worker) => scoreCandidate(features(worker, 0, { made: 1e12, accepted: 1e12 }), settings.weights).score,
              evaluate,
              score: (c) => c.score,
              compare: byRank,
            })
          : await evaluate(fit);
      candidates.sort(byRank);
      return { candidates: request.limit ? candidates.slice(0, request.limit) : candidates, unfit };
    },
  };
};
