import { filtersFromQuery, hasActiveFilters, queryForFilters, toListSearch } from './monitor-query';

describe('订单监控 filters in the URL', () => {
  it('should keep only known statuses and well-formed values from a hand-edited URL', () => {
    const filters = filtersFromQuery({
      status: 'pending_acceptance,nope,accepted,accepted',
      city: 'Shanghai',
      category: 'home-cleaning',
      from: '2026-11-01',
      to: '2026/11/30',
      q: '  SM2026  ',
      exceptions: 'true',
      page: '0',
      pageSize: '33',
    });
    expect(filters).toEqual({
      status: ['pending_acceptance', 'accepted'],
      city: undefined,
      category: 'home-cleaning',
      from: '2026-11-01',
      to: undefined,
      q: 'SM2026',
      exceptionsOnly: true,
      page: 1,
      pageSize: 20,
    });
  });

  it('should ask the server for whole Shanghai days, the end date included', () => {
    const search = new URLSearchParams(
      toListSearch({ ...filtersFromQuery({}), status: ['pending_acceptance'], city: '310100', from: '2026-11-01', to: '2026-11-30', exceptionsOnly: true }),
    );
    expect(Object.fromEntries(search)).toEqual({
      status: 'pending_acceptance',
      city: '310100',
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      exceptions: 'true',
      page: '1',
      pageSize: '20',
    });
  });

  it('should roll the end bound over month and year ends', () => {
    const search = new URLSearchParams(toListSearch({ ...filtersFromQuery({}), to: '2026-12-31' }));
    expect(search.get('to')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('should go back to the first page on any filter change and clear emptied filters', () => {
    expect(queryForFilters({ status: ['cancelled', 'completed'] })).toEqual({ page: '1', status: 'cancelled,completed' });
    expect(queryForFilters({ city: undefined, exceptionsOnly: false })).toEqual({ page: '1', city: '', exceptions: '' });
  });

  it('should tell whether anything is filtered', () => {
    expect(hasActiveFilters(filtersFromQuery({ page: '3', pageSize: '50' }))).toBe(false);
    expect(hasActiveFilters(filtersFromQuery({ q: 'SM' }))).toBe(true);
  });
});
