import type { Cluster, Redis } from 'ioredis';

/**
 * Latest positions of moving things (workers on duty) and "who is within r metres of here".
 * Coordinates are GCJ-02 as AMap hands them out; at city scale the offset from WGS-84 is the
 * same for both ends of a distance, so they are used as plain lat/lng.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

export interface GeoMatch extends LatLng {
  member: string;
  distanceMeters: number;
}

export interface NearOptions {
  /** At most this many, nearest first. */
  count?: number;
}

export interface Geo {
  upsert(set: string, member: string, at: LatLng): Promise<void>;
  remove(set: string, member: string): Promise<void>;
  position(set: string, member: string): Promise<LatLng | undefined>;
  /** Members within `radiusMeters` of `centre`, nearest first. */
  near(set: string, centre: LatLng, radiusMeters: number, opts?: NearOptions): Promise<GeoMatch[]>;
}

/** The radius Redis uses for GEO distances, so both implementations give the same figures. */
export const EARTH_RADIUS_METERS = 6372797.560856;

// Redis GEO stores Web Mercator-compatible points only.
const MAX_LATITUDE = 85.05112878;

export function assertLatLng(point: LatLng): LatLng {
  const { lat, lng } = point ?? ({} as LatLng);
  if (!Number.isFinite(lat) || Math.abs(lat) > MAX_LATITUDE || !Number.isFinite(lng) || Math.abs(lng) > 180) {
    throw new RangeError(`not a usable position: ${JSON.stringify(point)}`);
  }
  return point;
}

function nearArguments(radiusMeters: number, opts: NearOptions): { radiusMeters: number; count?: number } {
  if (!Number.isFinite(radiusMeters) || radiusMeters < 0) throw new RangeError('radiusMeters must be a non-negative number');
  if (opts.count !== undefined && (!Number.isInteger(opts.count) || opts.count < 1)) {
    throw new RangeError('count must be a positive integer');
  }
  return { radiusMeters, count: opts.count };
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres; 人民广场 → 陆家嘴 is about 3.3 km. */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function createMemoryGeo(): Geo {
  const sets = new Map<string, Map<string, LatLng>>();

  return {
    async upsert(set, member, at) {
      const { lat, lng } = assertLatLng(at);
      let members = sets.get(set);
      if (!members) {
        members = new Map();
        sets.set(set, members);
      }
      members.set(member, { lat, lng });
    },

    async remove(set, member) {
      sets.get(set)?.delete(member);
    },

    async position(set, member) {
      const at = sets.get(set)?.get(member);
      return at ? { ...at } : undefined;
    },

    async near(set, centre, radius, opts = {}) {
      assertLatLng(centre);
      const { radiusMeters, count } = nearArguments(radius, opts);
      const matches: GeoMatch[] = [];
      for (const [member, at] of sets.get(set) ?? []) {
        const distanceMeters = haversineMeters(centre, at);
        if (distanceMeters <= radiusMeters) matches.push({ member, distanceMeters, ...at });
      }
      matches.sort((a, b) => a.distanceMeters - b.distanceMeters || (a.member < b.member ? -1 : 1));
      return count === undefined ? matches : matches.slice(0, count);
    },
  };
}

export function createRedisGeo(redis: Redis | Cluster, prefix = ''): Geo {
  const keyOf = (set: string) => `${prefix}geo:${set}`;

  return {
    async upsert(set, member, at) {
      const { lat, lng } = assertLatLng(at);
      await redis.geoadd(keyOf(set), lng, lat, member);
    },

    async remove(set, member) {
      await redis.zrem(keyOf(set), member);
    },

    async position(set, member) {
      const [at] = await redis.geopos(keyOf(set), member);
      return at ? { lng: Number(at[0]), lat: Number(at[1]) } : undefined;
    },

    async near(set, centre, radius, opts = {}) {
      const { lat, lng } = assertLatLng(centre);
      const { radiusMeters, count } = nearArguments(radius, opts);
      const args: Array<string | number> = ['FROMLONLAT', lng, lat, 'BYRADIUS', radiusMeters, 'm', 'ASC'];
      if (count !== undefined) args.push('COUNT', count);
      args.push('WITHCOORD', 'WITHDIST');
      // Each reply row: [member, distance, [lng, lat]] (Redis orders WITH* fields that way).
      const rows = (await redis.call('GEOSEARCH', keyOf(set), ...args)) as Array<[string, string, [string, string]]>;
      return rows.map(([member, distance, [lngText, latText]]) => ({
        member,
        distanceMeters: Number(distance),
        lat: Number(latText),
        lng: Number(lngText),
      }));
    },
  };
}
