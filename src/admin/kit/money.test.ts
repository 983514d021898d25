import { formatYuan } from './money';

describe('amounts shown in yuan', () => {
  it('should show fen as yuan with two decimals', () => {
    expect(formatYuan(12345)).toBe('¥123.45');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(1000)).toBe('¥10.00');
  });

  it('should show a dash for a missing amount', () => {
    expect(formatYuan(undefined)).toBe('—');
    expect(formatYuan(null)).toBe('—');
  });
});
