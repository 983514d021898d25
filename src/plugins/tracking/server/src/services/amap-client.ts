import type { LatLng } from '../../../../../runtime/geo';

/**
 * AMap web service route planning (路径规划): driving (`/v3/direction/driving`) or riding
 * (`/v4/direction/bicycling`). Only distance and duration of the first path are used. No Strapi
 * import: the ETA service owns caching and the fallback, tests drive this against a local server.
 */
export type AmapTravelMode = 'driving' | 'riding';

export interface AmapRoute {
  distanceMeters: number;
  durationSeconds: number;
}

export interface AmapClientOptions {
  key: string;
  /** AMAP_API_BASE, default https://restapi.amap.com */
  baseUrl?: string;
  mode?: AmapTravelMode;
  timeoutMs?: number;
}

export class AmapError extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'http' | 'rejected' | 'no_route' | 'network',
  ) {
    super(message);
    this.name = 'AmapError';
  }
}

export const DEFAULT_AMAP_BASE = 'https://restapi.amap.com';

// AMap takes "lng,lat" with at most 6 decimals.
const coordinate = (p: LatLng) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`;

function firstPath(mode: AmapTravelMode, body: any): { distance?: unknown; duration?: unknown } | undefined {
  if (mode === 'driving') {
    if (body?.status !== '1') throw new AmapError(`AMap refused the request: ${body?.info ?? 'unknown'} (${body?.infocode ?? '-'})`, 'rejected');
    return body.route?.paths?.[0];
  }
  if (body?.errcode !== 0) throw new AmapError(`AMap refused the request: ${body?.errmsg ?? 'unknown'} (${body?.errcode ?? '-'})`, 'rejected');
  return body.data?.paths?.[0];
}

export function createAmapClient({ key, baseUrl = DEFAULT_AMAP_BASE, mode = 'driving', timeoutMs = 2000 }: AmapClientOptions) {
  const path = mode === 'driving' ? '/v3/direction/driving' : '/v4/direction/bicycling';
  const base = baseUrl.replace(/\/+$/, '');

  return {
    mode,
    async route(from: LatLng, to: LatLng): Promise<AmapRoute> {
      const url = new URL(base + path);
      url.searchParams.set('key', key);
      url.searchParams.set('origin', coordinate(from));
      url.searchParams.set('destination', coordinate(to));
      if (mode === 'driving') url.searchParams.set('extensions', 'base');
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (err: any) {
        const timedOut = err?.name === 'TimeoutError' || err?.name === 'AbortError';
        throw new AmapError(timedOut ? `AMap did not answer within ${timeoutMs} ms` : `AMap unreachable: ${err?.message ?? err}`, timedOut ? 'timeout' : 'network');
      }
      if (!res.ok) throw new AmapError(`AMap answered HTTP ${res.status}`, 'http');
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new AmapError('AMap answered something other than JSON', 'http');
      }
      const path0 = firstPath(mode, body);
      const distanceMeters = Number(path0?.distance);
      const durationSeconds = Number(path0?.duration);
      if (!path0 || !Number.isFinite(distanceMeters) || !Number.isFinite(durationSeconds) || distanceMeters < 0 || durationSeconds < 0) {
        throw new AmapError('AMap found no route', 'no_route');
      }
      return { distanceMeters: Math.round(distanceMeters), durationSeconds: Math.round(durationSeconds) };
    },
  };
}

export type AmapClient = ReturnType<typeof createAmapClient>;
