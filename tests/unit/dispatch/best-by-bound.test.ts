import fc from 'fast-check';
import { bestByBound } from '../../../src/plugins/dispatch/server/src/domain/best-by-bound';

interface Item {
  id: number;
  score: number;
  slack: number;
  fits: boolean;
}

const compare = (a: Item, b: Item) => b.score - a.score || a.id - b.id;

describe('bestByBound', () => {
  it('scores only the first batch when nothing later can beat it', async () => {
    const items = [
      { id: 1, bound: 90, score: 70 },
      { id: 2, bound: 80, score: 75 },
      { id: 3, bound: 40, score: 35 },
      { id: 4, bound: 30, score: 20 },
    ];
    const seen: number[] = [];
    const best = await bestByBound(items, {
      limit: 1,
      step: 2,
      bound: (i) => i.bound,
      evaluate: async (batch) => (seen.push(...batch.map((i) => i.id)), batch),
      score: (i) => i.score,
      compare: (a, b) => b.score - a.score,
    });
    expect(best.map((i) => i.id)).toEqual([2]);
    expect(seen).toEqual([1, 2]);
  });

  it('equals scoring everyone (random scores, bounds above them, items that drop out)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 100 }), slack: fc.integer({ min: 0, max: 30 }), fits: fc.boolean() }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 20 }),
        async (raw, limit, step) => {
          const items: Item[] = raw.map((r, id) => ({ id, ...r }));
          const brute = items.filter((i) => i.fits).sort(compare).slice(0, limit);
          const best = await bestByBound(items, {
            limit,
            step,
            bound: (i) => i.score + i.slack,
            evaluate: async (batch) => batch.filter((i) => i.fits),
            score: (i) => i.score,
            compare,
          });
          expect(best).toEqual(brute);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
