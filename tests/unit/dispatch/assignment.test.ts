import fc from 'fast-check';
import { optimalAssignment, totalScore } from '../../../src/plugins/dispatch/server/src/domain/assignment';

/** The best total over every partial matching, by trying them all (small instances only). */
function bruteForce(scores: number[][]): number {
  const cols = scores[0]?.length ?? 0;
  const best = (row: number, used: number): number => {
    if (row === scores.length) return 0;
    let value = best(row + 1, used); // this order stays unmatched
    for (let c = 0; c < cols; c++) {
      if (used & (1 << c) || !(scores[row][c] > 0)) continue;
      value = Math.max(value, scores[row][c] + best(row + 1, used | (1 << c)));
    }
    return value;
  };
  return best(0, 0);
}

describe('batch assignment (Kuhn–Munkres)', () => {
  it('gives up a greedy best pair when two others add up to more', () => {
    const matches = optimalAssignment([
      [80, 60],
      [70, 0],
    ]);
    expect(matches).toEqual([
      { row: 0, col: 1, score: 60 },
      { row: 1, col: 0, score: 70 },
    ]);
  });

  it('never matches an infeasible pair and leaves an order without a fitting worker unmatched', () => {
    expect(optimalAssignment([[0, 0], [0, 50]])).toEqual([{ row: 1, col: 1, score: 50 }]);
    expect(optimalAssignment([])).toEqual([]);
  });

  it('equals brute force on small random rectangular instances, each worker used once (property)', () => {
    const cell = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }));
    const instance = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(instance, (scores) => {
        const matches = optimalAssignment(scores);
        expect(new Set(matches.map((m) => m.col)).size).toBe(matches.length);
        expect(new Set(matches.map((m) => m.row)).size).toBe(matches.length);
        expect(matches.every((m) => scores[m.row][m.col] > 0)).toBe(true);
        expect(totalScore(matches)).toBe(bruteForce(scores));
      }),
      { numRuns: 300 },
    );
  });
});
