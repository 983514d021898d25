import type { Core } from '@strapi/strapi';
import { adminCityScope, type ScopedAdmin } from '../../../../../bootstrap/city-scope';
import { hasRealtime, realtime } from '../../../../../bootstrap/realtime';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import { DomainError, forbidden, notFound } from '../../../../../runtime/errors';
import { rateLimitedError } from '../../../../../runtime/rate-limits';
import { socketRooms } from '../../../../../runtime/socket';
import type { TrackedOrder } from '../../../../orders/shared/contracts/orders-tracking';
import type { PingLocationRequest, TrackingLocationEvent, TrackingView } from '../../../shared/contracts/tracking';
import { assertReporting, assertVisible, isVisibleStatus, pingTime } from '../domain';
import { getService, ordersPort, SAMPLE_UID, trackingConfig } from '../utils';

const WORKER_UID = 'api::people.worker';

/** What the runtime cache keeps per order: the latest position and its ETA. */
interface Latest extends TrackingView {
  workerId: number;
}

const latestKey = (order: string) => `tracking:latest:${order}`;
const pingKey = (order: string) => `tracking:ping:${order}`;
const sampleKey = (order: string) => `tracking:sample:${order}`;
// Long enough for any trip, short enough that finished orders leave nothing behind for long.
const LATEST_TTL_SECONDS = 12 * 3600;

export type Viewer = { kind: 'user'; id: number } | { kind: 'admin'; user: ScopedAdmin };

/**
 * Worker positions between setting off and starting the service: latest position and ETA in the
 * runtime cache (Redis when configured, in-process otherwise), a sampled history in the database,
 * `tracking:location` to the order's socket room.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = trackingConfig(strapi);
  const cache = () => runtime().cache;

  async function workerIdOf(userId: number): Promise<number> {
    const row = await strapi.db.query(WORKER_UID).findOne({ where: { user: { id: userId } }, select: ['id'] });
    if (!row) throw forbidden('您还不是平台服务人员');
    return row.id;
  }

  /** The worker's order to report for: the one named, or the only one they are travelling to. */
  async function reportingOrder(workerUserId: number, documentId: string | undefined): Promise<TrackedOrder> {
    if (documentId) {
      const order = await ordersPort(strapi).order(documentId);
      // Someone else's order is not there, whatever its status.
      if (!order || order.workerUserId !== workerUserId) throw notFound('订单不存在');
      return order;
    }
    const travelling = await ordersPort(strapi).travellingOrders(workerUserId);
    if (travelling.length === 1) return travelling[0];
    if (!travelling.length) throw new DomainError('INVALID_TRANSITION', '您当前没有已出发的订单', {});
    throw new DomainError('VALIDATION_FAILED', '您有多个已出发的订单，请指明订单', { field: 'order' });
  }

  /** Whether this viewer may see the order at all (member, its worker, an operator of its city). */
  async function maySee(order: TrackedOrder, viewer: Viewer, action = 'plugin::tracking'): Promise<boolean> {
    if (viewer.kind === 'user') return order.memberId === viewer.id || (order.workerUserId !== null && order.workerUserId === viewer.id);
    const cities = await adminCityScope(strapi, viewer.user, action);
    return cities === undefined || (order.cityAdcode !== null && cities.includes(order.cityAdcode));
  }

  return {
    async ping(workerUserId: number, input: PingLocationRequest) {
      const now = clock.now().getTime();
      const at = pingTime(input.at === undefined ? undefined : Date.parse(input.at), now, config.maxPingAgeSeconds * 1000);
      // A worker profile is needed before anything about orders is said.
      const workerId = await workerIdOf(workerUserId);
      const order = await reportingOrder(workerUserId, input.order);
      assertReporting(order.status);

      // First wins across instances; the key's lifetime is the throttle window.
      if (!(await cache().setIfAbsent(pingKey(order.documentId), now, config.minPingSeconds))) {
        const wait = (await cache().ttl(pingKey(order.documentId))) ?? config.minPingSeconds;
        throw rateLimitedError(`位置上报过于频繁，请至少间隔 ${config.minPingSeconds} 秒`, wait);
      }

      const position = { lat: input.lat, lng: input.lng };
      const eta = order.destination
        ? await getService(strapi, 'eta').eta(position, order.destination, order.cityAdcode)
        : { distanceMeters: 0, etaSeconds: 0, source: 'estimate' as const };
      const view: Latest = {
        lat: input.lat,
        lng: input.lng,
        accuracy: input.accuracy ?? null,
        updatedAt: new Date(at).toISOString(),
        etaSeconds: order.status === 'arrived' ? 0 : eta.etaSeconds,
        distanceMeters: eta.distanceMeters,
        etaSource: eta.source,
        workerId,
      };
      const previous = await cache().get<Latest>(latestKey(order.documentId));
      // A queued ping older than what members already see must not move the worker backwards.
      const fresh = !previous || Date.parse(previous.updatedAt) <= at;
      if (fresh) await cache().set(latestKey(order.documentId), view, LATEST_TTL_SECONDS);

      const sampled = await cache().setIfAbsent(sampleKey(order.documentId), at, config.sampleSeconds);
      if (sampled) {
        await strapi.db.query(SAMPLE_UID).create({
          data: {
            orderId: order.id,
            orderDocumentId: order.documentId,
            workerId,
            cityAdcode: order.cityAdcode,
            lat: input.lat,
            lng: input.lng,
            accuracy: input.accuracy ?? null,
            at: new Date(at),
            etaSeconds: view.etaSeconds,
            distanceMeters: view.distanceMeters,
          },
        });
      }

      if (fresh && hasRealtime()) {
        const event: TrackingLocationEvent = { order: order.documentId, lat: view.lat, lng: view.lng, etaSeconds: view.etaSeconds, at: view.updatedAt };
        try {
          realtime().emit(socketRooms.order(order.documentId), 'tracking:location', event);
        } catch (err: any) {
          // The position is stored; a failed broadcast only delays what watchers see until the next ping.
          strapi.log.warn(`tracking: emit failed for ${order.documentId}: ${err?.message}`);
        }
      }
      const { workerId: _w, ...publicView } = view;
      return { ...publicView, order: order.documentId, sampled };
    },

    /** The latest position of the order's worker, for its member, worker or an operator of its city. */
    async view(documentId: string, viewer: Viewer): Promise<TrackingView> {
      const order = await ordersPort(strapi).order(documentId);
      if (!order || !(await maySee(order, viewer))) throw notFound('订单不存在');
      assertVisible(order.status);
      const latest = await cache().get<Latest>(latestKey(order.documentId));
      if (!latest) throw notFound('服务人员尚未上报位置', { orderStatus: order.status });
      const { workerId: _w, ...view } = latest;
      return view;
    },

    /**
     * order:watch: who may join the order's room (status changes and positions). Operators need
     * the orders plugin's rights in the order's city, as for the 订单监控 page.
     */
    async watchable(documentId: string, viewer: Viewer): Promise<TrackingLocationEvent | null> {
      const order = typeof documentId === 'string' && documentId ? await ordersPort(strapi).order(documentId) : null;
      if (!order || !(await maySee(order, viewer, 'plugin::orders'))) throw notFound('订单不存在');
      const latest = await cache().get<Latest>(latestKey(order.documentId));
      if (!latest || !isVisibleStatus(order.status)) return null;
      return { order: order.documentId, lat: latest.lat, lng: latest.lng, etaSeconds: latest.etaSeconds, at: latest.updatedAt };
    },
  };
};
