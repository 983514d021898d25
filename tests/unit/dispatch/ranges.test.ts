import fc from 'fast-check';
import { covers, intersect, mergeOverlapping, overlapsAny, subtract, totalLength, type Range } from '../../../src/plugins/dispatch/server/src/domain/ranges';

const r = (start: number, end: number): Range => ({ start, end });
const arbRanges = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => r(Math.min(a, b), Math.max(a, b))), { maxLength: 8 });
const member = (ranges: Range[], t: number) => ranges.some((x) => x.start <= t && t < x.end);

describe('time ranges', () => {
  it('merges touching and overlapping ranges and drops empty ones', () => {
    expect(mergeOverlapping([r(10, 12), r(9, 11), r(12, 13), r(20, 20)])).toEqual([r(9, 13)]);
  });

  it('cuts a lunch break out of a working day', () => {
    expect(subtract([r(9, 18)], [r(12, 13)])).toEqual([r(9, 12), r(13, 18)]);
    expect(subtract([r(9, 18)], [r(8, 19)])).toEqual([]);
  });

  it('intersects two lists', () => {
    expect(intersect([r(9, 12), r(14, 18)], [r(11, 15)])).toEqual([r(11, 12), r(14, 15)]);
  });

  it('agrees with point membership for any lists (property)', () => {
    fc.assert(
      fc.property(arbRanges, arbRanges, fc.integer({ min: 0, max: 100 }), (a, b, t) => {
        expect(member(subtract(a, b), t)).toBe(member(a, t) && !member(b, t));
        expect(member(intersect(a, b), t)).toBe(member(a, t) && member(b, t));
        expect(member(mergeOverlapping(a), t)).toBe(member(a, t));
      }),
    );
  });

  it('never changes its inputs', () => {
    const a = [r(5, 9), r(1, 3)];
    const copy = JSON.parse(JSON.stringify(a));
    mergeOverlapping(a);
    subtract(a, [r(2, 6)]);
    expect(a).toEqual(copy);
  });

  it('covers only when one range holds the whole target', () => {
    expect(covers([r(9, 12), r(12, 18)], r(11, 13))).toBe(true);
    expect(covers([r(9, 12), r(13, 18)], r(11, 14))).toBe(false);
    expect(overlapsAny([r(9, 12)], r(12, 13))).toBe(false);
    expect(totalLength([r(0, 5), r(3, 8)])).toBe(8);
  });
});
