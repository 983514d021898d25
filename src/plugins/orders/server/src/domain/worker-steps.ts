/**
 * Guards on a worker's steps. Depart opens a set time before the start (a worker "on the way"
 * days early tells the member nothing true and starts the lateness clocks wrong); arrival records
 * where the worker was and how far that is from the address, flagged for review rather than
 * refused, because GPS indoors is often off or missing.
 *
 *   start 14:00, departLeadMinutes 180 → depart opens 11:00; at 10:59 → TOO_EARLY { opensAt: 11:00 }
 *   address 31.19,121.43, worker at 31.1905,121.4305 → ~73 m, not flagged (limit 500)
 */
import { DomainError, validationFailed } from '../../../../../runtime/errors';
import { haversineMeters, type LatLng } from '../../../../../runtime/geo';

const MINUTE_MS = 60_000;

export function departOpensAt(scheduledAt: Date, departLeadMinutes: number): Date {
  return new Date(scheduledAt.getTime() - departLeadMinutes * MINUTE_MS);
}

/** TOO_EARLY (409) with `details.opensAt` before the departure window opens. */
export function assertDepartOpen(scheduledAt: Date, now: Date, departLeadMinutes: number): void {
  const opensAt = departOpensAt(scheduledAt, departLeadMinutes);
  if (now.getTime() < opensAt.getTime()) {
    throw new DomainError('TOO_EARLY', `还未到出发时间，最早可在服务开始前 ${departLeadMinutes} 分钟出发`, {
      opensAt: opensAt.toISOString(),
      scheduledAt: scheduledAt.toISOString(),
    });
  }
}

export type ArrivalFlag = 'far' | 'no_position' | 'no_address_position';

export interface ArrivalCheck {
  position: LatLng | null;
  /** Whole metres from the address, null when either point is unknown. */
  distanceMeters: number | null;
  flag: ArrivalFlag | null;
}

const validPoint = (p: { lat?: unknown; lng?: unknown } | null | undefined): LatLng | null => {
  if (!p || p.lat === null || p.lat === undefined || p.lng === null || p.lng === undefined) return null;
  const lat = Number(p.lat);
  const lng = Number(p.lng);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
};

/** Parses the position a worker sends on arrive: both or neither of lat/lng, in range. */
export function parsePosition(body: { lat?: unknown; lng?: unknown }): LatLng | null {
  const hasLat = body.lat !== undefined && body.lat !== null;
  const hasLng = body.lng !== undefined && body.lng !== null;
  if (!hasLat && !hasLng) return null;
  const lat = Number(body.lat);
  const lng = Number(body.lng);
  if (!hasLat || !hasLng || typeof body.lat !== 'number' || typeof body.lng !== 'number' || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    throw validationFailed('位置须同时包含有效的纬度 lat（−90～90）和经度 lng（−180～180）', { field: 'lat' });
  }
  return { lat, lng };
}

export function checkArrival(address: { lat?: unknown; lng?: unknown } | null | undefined, position: LatLng | null, flagBeyondMeters: number): ArrivalCheck {
  if (!position) return { position: null, distanceMeters: null, flag: 'no_position' };
  const target = validPoint(address);
  if (!target) return { position, distanceMeters: null, flag: 'no_address_position' };
  const distanceMeters = Math.round(haversineMeters(target, position));
  return { position, distanceMeters, flag: distanceMeters > flagBeyondMeters ? 'far' : null };
}
