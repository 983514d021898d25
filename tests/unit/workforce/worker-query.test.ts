import { filtersFromQuery, queryForFilters, toListSearch } from '../../../src/plugins/workforce/admin/src/domain/worker-query';

describe('师傅审核 URL filters', () => {
  it('opens on the queue of pending applications', () => {
    expect(filtersFromQuery({})).toEqual({ auditStatus: 'pending', employment: undefined, page: 1, pageSize: 20 });
  });

  it('keeps 全部状态 as auditStatus=all and ignores hand-typed nonsense', () => {
    expect(filtersFromQuery({ auditStatus: 'all' }).auditStatus).toBeUndefined();
    expect(filtersFromQuery({ auditStatus: 'approved', employment: 'suspended', page: '3' })).toMatchObject({ auditStatus: 'approved', employment: 'suspended', page: 3 });
    expect(filtersFromQuery({ auditStatus: 'bogus', employment: 'x', page: '-1', pageSize: '1000' })).toEqual({ auditStatus: undefined, employment: undefined, page: 1, pageSize: 20 });
  });

  it('starts a changed filter from page 1 and writes a cleared status as all', () => {
    expect(queryForFilters({ auditStatus: undefined })).toEqual({ page: '', auditStatus: 'all' });
    expect(queryForFilters({ employment: 'active' })).toEqual({ page: '', employment: 'active' });
  });

  it('asks the server only for the filters that are set', () => {
    expect(toListSearch({ auditStatus: 'pending', page: 2, pageSize: 20 })).toBe('page=2&pageSize=20&auditStatus=pending');
    expect(toListSearch({ page: 1, pageSize: 50 })).toBe('page=1&pageSize=50');
  });
});
