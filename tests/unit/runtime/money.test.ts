import fc from 'fast-check';
import {
  allocate,
  applyBasisPoints,
  assertFen,
  fenToYuan,
  formatYuan,
  isFen,
  percentToBasisPoints,
  sumFen,
  yuanToFen,
} from '../../../src/runtime/money';

const fen = fc.integer({ min: 0, max: 100_000_000_000 });

describe('yuan ↔ fen', () => {
  it('should parse yuan text without float error', () => {
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen(' 99 ')).toBe(9900);
    expect(yuanToFen('0.1') + yuanToFen('0.2')).toBe(yuanToFen('0.3'));
  });

  it('should take numbers whose binary form is inexact at face value', () => {
    // 19.99 * 100 is 1998.9999999999998 in floating point
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.3)).toBe(30);
  });

  it('should refuse negative amounts, sub-fen precision and junk', () => {
    for (const bad of ['-1', '12.345', 'abc', '', '1,000', '1e3']) {
      expect(() => yuanToFen(bad)).toThrow(RangeError);
    }
  });

  it('should print two decimals', () => {
    expect(fenToYuan(1230)).toBe('12.30');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-250)).toBe('-2.50');
    expect(formatYuan(9900)).toBe('¥99.00');
  });

  it('should round-trip every amount through yuan text', () => {
    fc.assert(fc.property(fen, (amount) => yuanToFen(fenToYuan(amount)) === amount));
  });

  it('should accept only non-negative safe integers as fen', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen(-1)).toBe(false);
    expect(isFen('100')).toBe(false);
    expect(() => assertFen(0.5, 'price')).toThrow('price must be a non-negative integer number of fen');
    expect(assertFen(100)).toBe(100);
  });
});

describe('applyBasisPoints', () => {
  it('should take a 30% deposit of ¥99 as ¥29.70', () => {
    expect(applyBasisPoints(9900, 3000)).toBe(2970);
  });

  it('should round half up', () => {
    expect(applyBasisPoints(1, 5000)).toBe(1); // 0.5 → 1
    expect(applyBasisPoints(3, 5000)).toBe(2); // 1.5 → 2
    expect(applyBasisPoints(1, 4999)).toBe(0); // 0.4999 → 0
    expect(applyBasisPoints(999, 1250)).toBe(125); // 124.875 → 125
  });

  it('should equal exact integer arithmetic rounded half up', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = (BigInt(amount) * BigInt(bp) * 2n + 10_000n) / 20_000n;
        return applyBasisPoints(amount, bp) === Number(exact);
      }),
    );
  });

  it('should refuse fractional or negative basis points', () => {
    expect(() => applyBasisPoints(100, 12.5)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, -1)).toThrow(RangeError);
  });

  it('should convert admin percentages to basis points', () => {
    expect(percentToBasisPoints(30)).toBe(3000);
    expect(percentToBasisPoints(12.5)).toBe(1250);
    expect(percentToBasisPoints(0.07)).toBe(7);
  });
});

describe('allocate', () => {
  it('should give the spare fen to the largest remainders, then the earliest lines', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
    expect(allocate(1000, [3000, 5000, 2000])).toEqual([300, 500, 200]);
  });

  it('should handle no lines and all-zero weights', () => {
    expect(allocate(500, [])).toEqual([]);
    expect(allocate(500, [0, 0])).toEqual([500, 0]);
  });

  it('should split so the parts sum exactly and each is within one fen of its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          if (sumFen(parts) !== total || parts.length !== weights.length) return false;
          if (weightSum === 0) return true;
          return parts.every((part, i) => Number.isInteger(part) && Math.abs(part - (total * weights[i]) / weightSum) < 1);
        },
      ),
    );
  });

  it('should not reorder or modify the weights it was given', () => {
    const weights = [5, 1, 3];
    allocate(99, weights);
    expect(weights).toEqual([5, 1, 3]);
  });
});
