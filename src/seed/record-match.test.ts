import { changedFields, valueMatches } from './record-match';

describe('valueMatches (seed re-runs write nothing when the stored document already agrees)', () => {
  it('ignores fields the seed leaves out and compares plain scalars exactly', () => {
    expect(valueMatches({ name: '日常保洁' }, { name: '日常保洁', searchIndex: 'richangbaojie' })).toBe(true);
    expect(valueMatches({ name: '日常保洁' }, { name: '深度清洁' })).toBe(false);
    expect(valueMatches(undefined, 'anything')).toBe(true);
  });

  it('treats decimals returned as strings (MySQL) as the same number', () => {
    expect(valueMatches(4.9, '4.90')).toBe(true);
    expect(valueMatches(4.9, '4.80')).toBe(false);
    expect(valueMatches(0, '')).toBe(false);
  });

  it('treats 0/1 as booleans and compares datetimes as instants', () => {
    expect(valueMatches(true, 1)).toBe(true);
    expect(valueMatches(false, 1)).toBe(false);
    expect(valueMatches('2023-01-05T10:20:00+08:00', '2023-01-05T02:20:00.000Z')).toBe(true);
    expect(valueMatches('2023-01-05T10:20:00+08:00', '2023-01-05T10:20:00.000Z')).toBe(false);
    expect(valueMatches('2026-03-15', '2026-03-15')).toBe(true);
  });

  it('matches relations by documentId, order-free, and media by id, in order', () => {
    expect(valueMatches('doc-a', { id: 3, documentId: 'doc-a' })).toBe(true);
    expect(valueMatches('doc-a', null)).toBe(false);
    expect(valueMatches(['a', 'b'], [{ documentId: 'b' }, { documentId: 'a' }])).toBe(true);
    expect(valueMatches(['a', 'b'], [{ documentId: 'a' }])).toBe(false);
    expect(valueMatches(7, { id: 7, documentId: 'f' })).toBe(true);
    expect(valueMatches([7, 8], [{ id: 8 }, { id: 7 }])).toBe(false);
  });

  it('compares repeatable components element by element, ignoring stored ids', () => {
    const stored = [
      { id: 10, title: '上门确认', minutes: 5 },
      { id: 11, title: '整理除尘', minutes: 30 },
    ];
    expect(
      valueMatches(
        [
          { title: '上门确认', minutes: 5 },
          { title: '整理除尘', minutes: 30 },
        ],
        stored,
      ),
    ).toBe(true);
    expect(valueMatches([{ title: '上门确认', minutes: 5 }], stored)).toBe(false);
    expect(
      valueMatches(
        [
          { title: '整理除尘', minutes: 30 },
          { title: '上门确认', minutes: 5 },
        ],
        stored,
      ),
    ).toBe(false);
  });

  it('reads null as "no value" for scalars, relations and empty lists', () => {
    expect(valueMatches(null, null)).toBe(true);
    expect(valueMatches(null, undefined)).toBe(true);
    expect(valueMatches(null, [])).toBe(true);
    expect(valueMatches(null, 0)).toBe(false);
    expect(valueMatches([], null)).toBe(true);
  });

  it('lists the top-level fields that differ', () => {
    expect(
      changedFields({ price: 4500, tags: [{ label: '小时工' }] }, { price: 5000, tags: [{ id: 1, label: '小时工' }] }),
    ).toEqual(['price']);
  });
});
