import { cellOf, DEFAULT_AVERAGE_SPEED_KMH, estimateEta, ROAD_DETOUR_FACTOR, routeKey } from '../../../src/plugins/tracking/server/src/domain';

// 人民广场 → 陆家嘴: about 2.7 km in a straight line.
const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 };
const LUJIAZUI = { lat: 31.2397, lng: 121.4998 };

describe('estimateEta (no route service)', () => {
  it('should report the straight-line distance and time at the city speed with the road detour', () => {
    const eta = estimateEta(PEOPLES_SQUARE, LUJIAZUI, 20);
    expect(eta.source).toBe('estimate');
    expect(eta.distanceMeters).toBeGreaterThan(2600);
    expect(eta.distanceMeters).toBeLessThan(2800);
    // 20 km/h = 5.556 m/s
    expect(eta.etaSeconds).toBe(Math.round((eta.distanceMeters * ROAD_DETOUR_FACTOR) / (20000 / 3600)));
  });

  it('should take twice as long at half the speed', () => {
    const fast = estimateEta(PEOPLES_SQUARE, LUJIAZUI, 40);
    const slow = estimateEta(PEOPLES_SQUARE, LUJIAZUI, 20);
    expect(Math.abs(slow.etaSeconds - 2 * fast.etaSeconds)).toBeLessThanOrEqual(1);
  });

  it.each([null, undefined, 0, -5, Number.NaN])('should fall back to the default speed for a city speed of %p', (speed) => {
    expect(estimateEta(PEOPLES_SQUARE, LUJIAZUI, speed as number | null | undefined)).toEqual(estimateEta(PEOPLES_SQUARE, LUJIAZUI, DEFAULT_AVERAGE_SPEED_KMH));
  });

  it('should be zero at the door', () => {
    expect(estimateEta(LUJIAZUI, LUJIAZUI, 25)).toEqual({ distanceMeters: 0, etaSeconds: 0, source: 'estimate' });
  });
});

describe('route cache cells', () => {
  it('should share a cell for points a few metres apart and not for points a kilometre apart', () => {
    const base = { lat: 31.2321, lng: 121.4721 };
    expect(cellOf({ lat: base.lat + 0.0001, lng: base.lng + 0.0001 })).toBe(cellOf(base));
    expect(cellOf({ lat: base.lat + 0.01, lng: base.lng })).not.toBe(cellOf(base));
  });

  it('should tell the two directions of a route apart', () => {
    expect(routeKey(PEOPLES_SQUARE, LUJIAZUI)).not.toBe(routeKey(LUJIAZUI, PEOPLES_SQUARE));
  });

  it('should put negative coordinates in their own cells (floor, not truncation)', () => {
    expect(cellOf({ lat: -0.001, lng: 0.001 })).not.toBe(cellOf({ lat: 0.001, lng: 0.001 }));
  });
});
