import { checkRefundNotice } from '../../../src/plugins/payments/server/src/domain/refund-notice';

const ours = { amount: 3000, payment: { outTradeNo: 'PY20261202A', transactionId: 'T1', amount: 9000 } };

describe('a refund notification against our refund', () => {
  it('accepts the refund we asked for', () => {
    expect(checkRefundNotice('wechat', ours, { outTradeNo: 'PY20261202A', transactionId: 'T1', refundAmount: 3000, currency: 'CNY' })).toEqual({ ok: true });
    // UnionPay names neither trade nor currency when the refund was made elsewhere.
    expect(checkRefundNotice('unionpay', ours, { outTradeNo: '', refundAmount: 3000 })).toEqual({ ok: true });
  });

  it('refuses another trade, another amount or another currency', () => {
    expect(checkRefundNotice('wechat', ours, { outTradeNo: 'PY20261202B', refundAmount: 3000 })).toMatchObject({ ok: false, mismatch: 'trade' });
    expect(checkRefundNotice('wechat', ours, { outTradeNo: 'PY20261202A', transactionId: 'T2', refundAmount: 3000 })).toMatchObject({ ok: false, mismatch: 'trade' });
    expect(checkRefundNotice('wechat', ours, { outTradeNo: 'PY20261202A', refundAmount: 3001 })).toMatchObject({ ok: false, mismatch: 'amount' });
    expect(checkRefundNotice('unionpay', ours, { refundAmount: 3000, currency: 'USD' })).toMatchObject({ ok: false, mismatch: 'currency' });
  });

  it('reads Alipay’s refund_fee as the trade’s refunded total', () => {
    expect(checkRefundNotice('alipay', ours, { outTradeNo: 'PY20261202A', refundAmount: 5000 })).toEqual({ ok: true });
    expect(checkRefundNotice('alipay', ours, { outTradeNo: 'PY20261202A', refundAmount: 2999 })).toMatchObject({ ok: false, mismatch: 'amount' });
    expect(checkRefundNotice('alipay', ours, { outTradeNo: 'PY20261202A', refundAmount: 9001 })).toMatchObject({ ok: false, mismatch: 'amount' });
  });
});
