import { checkPublicQuery } from '../../../src/runtime/public-query';

const rules = { filters: ['gender', 'city.adcode'], sort: ['rating'], populate: ['skills.skill'], params: ['lat'] };
const exposes = (path: string) => !['homeLat', 'nope'].includes(path.split('.')[0]);
const code = (query: Record<string, unknown>) => {
  try {
    checkPublicQuery(query, rules, exposes);
    return 'ok';
  } catch (err: any) {
    return err.details.code;
  }
};

describe('checkPublicQuery', () => {
  it('accepts listed filters, sorts, populates and params', () => {
    expect(code({ filters: { gender: 'male', $or: [{ city: { adcode: { $in: ['310100', '110100'] } } }] }, sort: ['rating:desc'], populate: { skills: { populate: { skill: { fields: ['slug'] } } } }, lat: '31', pagination: { pageSize: '100' } })).toBe('ok');
  });
  it('refuses unlisted public fields, operators, params and populates with FILTER_NOT_ALLOWED', () => {
    expect(code({ filters: { rating: { $gt: 4 } } })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ filters: { $and: [{ $not: { bio: 'x' } }] } })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ filters: { gender: { $regex: '.' } } })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ sort: 'gender:asc' })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ sort: { city: { name: 'asc' } } })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ populate: '*' })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ populate: { skills: { populate: { skill: { populate: { serviceItems: true } } } } } })).toBe('FILTER_NOT_ALLOWED');
    expect(code({ status: 'draft' })).toBe('FILTER_NOT_ALLOWED');
  });
  it('keeps VALIDATION_FAILED for unknown or private keys, malformed values and oversize pages', () => {
    expect(code({ filters: { homeLat: { $gt: 0 } } })).toBe('VALIDATION_FAILED');
    expect(code({ sort: 'nope:asc' })).toBe('VALIDATION_FAILED');
    expect(code({ filters: { gender: { $eq: { $gt: 1 } } } })).toBe('VALIDATION_FAILED');
    expect(code({ pagination: { pageSize: '101' } })).toBe('VALIDATION_FAILED');
    expect(code({ pagination: { limit: '0' } })).toBe('VALIDATION_FAILED');
  });
});
