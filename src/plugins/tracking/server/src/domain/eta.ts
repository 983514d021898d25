import { haversineMeters, type LatLng } from '../../../../../runtime/geo';

/** A city without its own average speed (开通城市 → averageSpeedKmh) is assumed to move this fast. */
export const DEFAULT_AVERAGE_SPEED_KMH = 25;

/**
 * Roads are longer than the straight line: a 3 km crow-flies trip in a Chinese city is about
 * 4 km driven. Without this the estimate is always optimistic, which members notice more than a
 * pessimistic one.
 */
export const ROAD_DETOUR_FACTOR = 1.3;

export interface Eta {
  distanceMeters: number;
  etaSeconds: number;
  /** `amap`: the route service answered; `estimate`: straight-line distance over the city's speed. */
  source: 'amap' | 'estimate';
}

/**
 * The estimate used when the route service is not configured or does not answer: straight-line
 * distance (reported as is) and time = distance × detour ÷ speed. 3 300 m at 25 km/h → 3 300 × 1.3
 * ÷ 6.944 m/s ≈ 618 s.
 */
export function estimateEta(from: LatLng, to: LatLng, averageSpeedKmh: number | null | undefined): Eta {
  const speed = Number.isFinite(averageSpeedKmh) && (averageSpeedKmh as number) > 0 ? (averageSpeedKmh as number) : DEFAULT_AVERAGE_SPEED_KMH;
  const distanceMeters = Math.round(haversineMeters(from, to));
  const metersPerSecond = (speed * 1000) / 3600;
  return { distanceMeters, etaSeconds: Math.round((distanceMeters * ROAD_DETOUR_FACTOR) / metersPerSecond), source: 'estimate' };
}

/**
 * Grid cell of a position, ~550 m at Shanghai's latitude with the default 0.005°: pings a few
 * metres apart share a cached route instead of each costing an AMap request.
 */
export function cellOf(point: LatLng, cellDegrees = 0.005): string {
  const lat = Math.floor(point.lat / cellDegrees);
  const lng = Math.floor(point.lng / cellDegrees);
  return `${lat}:${lng}`;
}

/** Cache key of a route between two cells (direction matters: one-way streets). */
export const routeKey = (from: LatLng, to: LatLng, cellDegrees?: number): string => `${cellOf(from, cellDegrees)}>${cellOf(to, cellDegrees)}`;
