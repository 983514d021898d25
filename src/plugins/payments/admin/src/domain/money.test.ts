import { checkRefundAmount, formatYuan } from './money';
import { formatShanghaiTimestamp } from './shanghai-time';

describe('refund amounts typed in yuan', () => {
  it('should turn yuan into fen exactly', () => {
    expect(checkRefundAmount('10', 9000)).toEqual({ ok: true, fen: 1000 });
    expect(checkRefundAmount(' 10.1 ', 9000)).toEqual({ ok: true, fen: 1010 });
    expect(checkRefundAmount('¥0.29', 9000)).toEqual({ ok: true, fen: 29 });
    expect(checkRefundAmount('90.00', 9000)).toEqual({ ok: true, fen: 9000 });
  });

  it('should refuse what is not an amount, nothing, or more than is left', () => {
    expect(checkRefundAmount('', 9000)).toEqual({ ok: false, error: 'refund.amount.required' });
    expect(checkRefundAmount('10.005', 9000)).toEqual({ ok: false, error: 'refund.amount.format' });
    expect(checkRefundAmount('-5', 9000)).toEqual({ ok: false, error: 'refund.amount.format' });
    expect(checkRefundAmount('十元', 9000)).toEqual({ ok: false, error: 'refund.amount.format' });
    expect(checkRefundAmount('0.00', 9000)).toEqual({ ok: false, error: 'refund.amount.zero' });
    expect(checkRefundAmount('90.01', 9000)).toEqual({ ok: false, error: 'refund.amount.tooMuch' });
  });

  it('should show fen as yuan with two decimals', () => {
    expect(formatYuan(1000)).toBe('¥10.00');
    expect(formatYuan(null)).toBe('—');
  });
});

describe('payment times in Beijing time', () => {
  it('should show the Shanghai wall clock to the second', () => {
    expect(formatShanghaiTimestamp('2026-11-26T07:33:36.000Z')).toBe('2026-11-26 15:33:36');
    expect(formatShanghaiTimestamp('2026-11-30T17:30:05.000Z')).toBe('2026-12-01 01:30:05');
    expect(formatShanghaiTimestamp(null)).toBe('—');
  });
});
