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
  /** Many at once (boot-time sync of a whole set): one round trip per batch with Redis. */
  upsertMany(set: string, entries: ReadonlyArray<{ member: string; at: LatLng }>): Promise<void>;
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

// Embedded index: a grid of cells 0.05° on a side (~5.5 km north–south). A query reads only the
// cells its bounding box touches, then keeps what haversine puts inside the circle.
const CELL_DEGREES = 0.05;
const METERS_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_METERS) / 180;
const cellOf = (lat: number, lng: number) => `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lng / CELL_DEGREES)}`;

interface GridSet {
  positions: Map<string, LatLng>;
  cells: Map<string, Set<string>>;
}

/** The cells a circle's bounding box touches, or undefined when that box is too large to walk. */
function cellsAround(centre: LatLng, radiusMeters: number): string[] | undefined {
  const dLat = radiusMeters / METERS_PER_DEGREE_LAT;
  const cos = Math.cos(toRadians(centre.lat));
  const dLng = cos > 1e-6 ? dLat / cos : 360;
  const rows = [Math.floor((centre.lat - dLat) / CELL_DEGREES), Math.floor((centre.lat + dLat) / CELL_DEGREES)];
  const cols = [Math.floor((centre.lng - dLng) / CELL_DEGREES), Math.floor((centre.lng + dLng) / CELL_DEGREES)];
  if ((rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1) > 40_000) return undefined;
  const keys: string[] = [];
  for (let i = rows[0]; i <= rows[1]; i++) for (let j = cols[0]; j <= cols[1]; j++) keys.push(`${i}:${j}`);
  return keys;
}

export function createMemoryGeo(): Geo {
  const sets = new Map<string, GridSet>();
  const setOf = (name: string): GridSet => {
    let set = sets.get(name);
    if (!set) {
      set = { positions: new Map(), cells: new Map() };
      sets.set(name, set);
    }
    return set;
  };
  const drop = (set: GridSet, member: string) => {
    const at = set.positions.get(member);
    if (!at) return;
    set.positions.delete(member);
    const key = cellOf(at.lat, at.lng);
    set.cells.get(key)?.delete(member);
    if (set.cells.get(key)?.size === 0) set.cells.delete(key);
  };
  const put = (set: GridSet, member: string, at: LatLng) => {
    const { lat, lng } = assertLatLng(at);
    drop(set, member);
    set.positions.set(member, { lat, lng });
    const key = cellOf(lat, lng);
    let cell = set.cells.get(key);
    if (!cell) {
      cell = new Set();
      set.cells.set(key, cell);
    }
    cell.add(member);
  };

  return {
    async upsert(name, member, at) {
      put(setOf(name), member, at);
    },

    async upsertMany(name, entries) {
      entries.forEach((e) => assertLatLng(e.at));
      const set = setOf(name);
      for (const e of entries) put(set, e.member, e.at);
    },

    async remove(name, member) {
      const set = sets.get(name);
      if (set) drop(set, member);
    },

    async position(name, member) {
      const at = sets.get(name)?.positions.get(member);
      return at ? { ...at } : undefined;
    },

    async near(name, centre, radius, opts = {}) {
      assertLatLng(centre);
      const { radiusMeters, count } = nearArguments(radius, opts);
      const set = sets.get(name);
      if (!set) return [];
      const keys = cellsAround(centre, radiusMeters);
      const members = keys ? keys.flatMap((key) => [...(set.cells.get(key) ?? [])]) : [...set.positions.keys()];
      const matches: GeoMatch[] = [];
      for (const member of members) {
        const at = set.positions.get(member) as LatLng;
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

    async upsertMany(set, entries) {
      entries.forEach((e) => assertLatLng(e.at));
      for (let i = 0; i < entries.length; i += 1000) {
        const args = entries.slice(i, i + 1000).flatMap((e) => [e.at.lng, e.at.lat, e.member]);
        if (args.length) await redis.geoadd(keyOf(set), ...args);
      }
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
