import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import type { LatLng } from '../../../../../runtime/geo';
import { estimateEta, routeKey, type Eta } from '../domain';
import { trackingConfig } from '../utils';
import { createAmapClient, DEFAULT_AMAP_BASE, type AmapClient } from './amap-client';

const CITY_UID = 'api::settings.city';
const SPEED_TTL_MS = 60_000;

/**
 * Time to the service address: AMap route planning when AMAP_WEB_KEY is set (cached per origin
 * and destination grid cell, shared by every instance through the runtime cache), else — or when
 * AMap is slow or refuses — straight-line distance over the city's average speed (开通城市).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = trackingConfig(strapi);
  const key = process.env.AMAP_WEB_KEY;
  const amap: AmapClient | undefined = key
    ? createAmapClient({ key, baseUrl: process.env.AMAP_API_BASE || DEFAULT_AMAP_BASE, mode: config.amapMode, timeoutMs: config.amapTimeoutMs })
    : undefined;
  const speeds = new Map<string, { at: number; kmh: number | null }>();
  const BACKOFF_KEY = 'tracking:amap:backoff';

  async function averageSpeedKmh(adcode: string | null): Promise<number | null> {
    if (!adcode) return null;
    const known = speeds.get(adcode);
    if (known && Date.now() - known.at < SPEED_TTL_MS) return known.kmh;
    const city = await strapi.db.query(CITY_UID).findOne({ where: { adcode }, select: ['averageSpeedKmh'] });
    const kmh = city?.averageSpeedKmh ?? null;
    speeds.set(adcode, { at: Date.now(), kmh });
    return kmh;
  }

  async function routed(from: LatLng, to: LatLng): Promise<Eta | null> {
    if (!amap) return null;
    const cache = runtime().cache;
    const cacheKey = `tracking:route:${amap.mode}:${routeKey(from, to)}`;
    const cached = await cache.get<{ distanceMeters: number; durationSeconds: number }>(cacheKey);
    if (cached) return { distanceMeters: cached.distanceMeters, etaSeconds: cached.durationSeconds, source: 'amap' };
    if (await cache.get(BACKOFF_KEY)) return null;
    try {
      const route = await amap.route(from, to);
      await cache.set(cacheKey, route, config.routeCacheSeconds);
      return { distanceMeters: route.distanceMeters, etaSeconds: route.durationSeconds, source: 'amap' };
    } catch (err: any) {
      // Every ping would otherwise wait for the timeout while AMap is down.
      await cache.set(BACKOFF_KEY, true, config.amapBackoffSeconds);
      strapi.log.warn(`tracking: AMap route failed (${err?.reason ?? 'error'}: ${err?.message}); using the estimate for ${config.amapBackoffSeconds}s`);
      return null;
    }
  }

  return {
    async eta(from: LatLng, to: LatLng, cityAdcode: string | null): Promise<Eta> {
      return (await routed(from, to)) ?? estimateEta(from, to, await averageSpeedKmh(cityAdcode));
    },
  };
};
