import { assertLatLng, createMemoryGeo, EARTH_RADIUS_METERS, haversineMeters } from '../../../src/runtime/geo';

// GCJ-02 positions as AMap gives them (approximate landmarks).
const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4733 }; // 人民广场
const LUJIAZUI = { lat: 31.2381, lng: 121.5053 }; // 陆家嘴
const JINGAN_TEMPLE = { lat: 31.2235, lng: 121.4455 }; // 静安寺
const XUJIAHUI = { lat: 31.1954, lng: 121.4374 }; // 徐家汇
const HONGQIAO_STATION = { lat: 31.1944, lng: 121.3207 }; // 虹桥站
const TIANANMEN = { lat: 39.9087, lng: 116.3975 }; // 天安门

describe('haversineMeters', () => {
  it('should put 人民广场 about 3 km from 陆家嘴', () => {
    const d = haversineMeters(PEOPLES_SQUARE, LUJIAZUI);
    expect(d).toBeGreaterThan(3000);
    expect(d).toBeLessThan(3600);
  });

  it('should put Beijing about 1,070 km from Shanghai', () => {
    const d = haversineMeters(TIANANMEN, PEOPLES_SQUARE);
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
  });

  it('should give one degree of latitude as R·π/180 and be symmetric and zero at the same place', () => {
    expect(haversineMeters({ lat: 30, lng: 121 }, { lat: 31, lng: 121 })).toBeCloseTo((EARTH_RADIUS_METERS * Math.PI) / 180, 3);
    expect(haversineMeters(LUJIAZUI, XUJIAHUI)).toBeCloseTo(haversineMeters(XUJIAHUI, LUJIAZUI), 6);
    expect(haversineMeters(LUJIAZUI, LUJIAZUI)).toBe(0);
  });

  it('should agree with the spherical law of cosines', () => {
    const rad = (d: number) => (d * Math.PI) / 180;
    const a = JINGAN_TEMPLE;
    const b = HONGQIAO_STATION;
    const cosines =
      EARTH_RADIUS_METERS *
      Math.acos(Math.sin(rad(a.lat)) * Math.sin(rad(b.lat)) + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng)));
    expect(haversineMeters(a, b)).toBeCloseTo(cosines, 0);
  });
});

describe('assertLatLng', () => {
  it.each([
    { lat: Number.NaN, lng: 121 },
    { lat: 31, lng: 181 },
    { lat: 86, lng: 121 },
    { lat: 31, lng: Number.POSITIVE_INFINITY },
  ])('should refuse %j', (point) => {
    expect(() => assertLatLng(point)).toThrow(RangeError);
  });
});

describe('memory geo', () => {
  it('should list members within the radius, nearest first, with their distance', async () => {
    const geo = createMemoryGeo();
    await geo.upsert('workers:310100', 'w:lujiazui', LUJIAZUI);
    await geo.upsert('workers:310100', 'w:jingan', JINGAN_TEMPLE);
    await geo.upsert('workers:310100', 'w:xujiahui', XUJIAHUI);
    await geo.upsert('workers:310100', 'w:hongqiao', HONGQIAO_STATION);
    await geo.upsert('workers:110100', 'w:beijing', TIANANMEN);

    const found = await geo.near('workers:310100', PEOPLES_SQUARE, 6000);
    expect(found.map((m) => m.member)).toEqual(['w:jingan', 'w:lujiazui', 'w:xujiahui']);
    expect(found[1]).toEqual({ member: 'w:lujiazui', ...LUJIAZUI, distanceMeters: haversineMeters(PEOPLES_SQUARE, LUJIAZUI) });
    expect((await geo.near('workers:310100', PEOPLES_SQUARE, 6000, { count: 2 })).map((m) => m.member)).toEqual([
      'w:jingan',
      'w:lujiazui',
    ]);
    expect(await geo.near('workers:999999', PEOPLES_SQUARE, 6000)).toEqual([]);
  });

  it('should move a member on upsert and forget it on remove', async () => {
    const geo = createMemoryGeo();
    await geo.upsert('workers', 'w1', HONGQIAO_STATION);
    expect(await geo.near('workers', PEOPLES_SQUARE, 5000)).toEqual([]);
    await geo.upsert('workers', 'w1', LUJIAZUI);
    expect(await geo.position('workers', 'w1')).toEqual(LUJIAZUI);
    expect((await geo.near('workers', PEOPLES_SQUARE, 5000)).map((m) => m.member)).toEqual(['w1']);
    await geo.remove('workers', 'w1');
    expect(await geo.position('workers', 'w1')).toBeUndefined();
    expect(await geo.near('workers', PEOPLES_SQUARE, 5000)).toEqual([]);
  });

  it('should refuse bad positions and arguments', async () => {
    const geo = createMemoryGeo();
    await expect(geo.upsert('workers', 'w1', { lat: 91, lng: 0 })).rejects.toThrow(RangeError);
    await expect(geo.near('workers', PEOPLES_SQUARE, -1)).rejects.toThrow(RangeError);
    await expect(geo.near('workers', PEOPLES_SQUARE, 100, { count: 0 })).rejects.toThrow(RangeError);
  });
});

describe('embedded grid index', () => {
  it('finds exactly the members a full scan finds, across cell borders (property)', async () => {
    const fc = await import('fast-check');
    const point = fc.record({ lat: fc.double({ min: 30.9, max: 31.5, noNaN: true }), lng: fc.double({ min: 121.1, max: 121.8, noNaN: true }) });
    await fc.assert(
      fc.asyncProperty(fc.array(point, { minLength: 1, maxLength: 60 }), point, fc.integer({ min: 100, max: 40_000 }), async (points, centre, radius) => {
        const geo = createMemoryGeo();
        await geo.upsertMany('w', points.map((at, i) => ({ member: `m${i}`, at })));
        const expected = points
          .map((at, i) => ({ member: `m${i}`, d: haversineMeters(centre, at) }))
          .filter((m) => m.d <= radius)
          .map((m) => m.member)
          .sort();
        expect((await geo.near('w', centre, radius)).map((m) => m.member).sort()).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
