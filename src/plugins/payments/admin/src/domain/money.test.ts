import { checkRefundAmount } from './money';

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
});
