import { filtersFromQuery, hasActiveFilters, queryForFilters, toListSearch } from './payment-query';

describe('支付流水 filters in the URL', () => {
  it('should keep only known channels and statuses and well-formed values from a hand-edited URL', () => {
    expect(
      filtersFromQuery({ q: '  SM2026  ', channel: 'paypal', status: 'partially_refunded', from: '2026-11-01', to: '2026/11/30', page: '0', pageSize: '33' }),
    ).toEqual({ q: 'SM2026', channel: undefined, status: 'partially_refunded', from: '2026-11-01', to: undefined, page: 1, pageSize: 20 });
    expect(filtersFromQuery({ channel: 'wechat', status: 'nope', page: '3', pageSize: '50' })).toMatchObject({ channel: 'wechat', status: undefined, page: 3, pageSize: 50 });
  });

  it('should ask the server for whole Shanghai days, the end date included', () => {
    const search = new URLSearchParams(
      toListSearch({ ...filtersFromQuery({}), q: 'PY2026', channel: 'alipay', status: 'paid', from: '2026-11-01', to: '2026-11-30' }),
    );
    expect(Object.fromEntries(search)).toEqual({
      q: 'PY2026',
      channel: 'alipay',
      status: 'paid',
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      page: '1',
      pageSize: '20',
    });
  });

  it('should go back to the first page on any filter change and clear emptied filters', () => {
    expect(queryForFilters({ channel: 'unionpay' })).toEqual({ page: '1', channel: 'unionpay' });
    expect(queryForFilters({ q: undefined, status: undefined })).toEqual({ page: '1', q: '', status: '' });
  });

  it('should tell whether anything is filtered', () => {
    expect(hasActiveFilters(filtersFromQuery({ page: '2', pageSize: '50' }))).toBe(false);
    expect(hasActiveFilters(filtersFromQuery({ status: 'review' }))).toBe(true);
  });
});
