import { normaliseSearchQuery, searchIndexFor, searchRank } from '../../../src/api/catalog/domain/search-index';

describe('searchIndexFor', () => {
  const index = searchIndexFor(['日常保洁', '家庭清洁', null, 'Deep Clean']);

  it.each(['日常保洁', '保洁', 'baojie', 'richangbaojie', 'bj', 'rcbj', 'jiatingqingjie', 'deep clean'])('matches %s', (q) => {
    expect(index.includes(normaliseSearchQuery(q))).toBe(true);
  });

  it('does not match unrelated text', () => {
    expect(index.includes('weixiu')).toBe(false);
  });
});

describe('normaliseSearchQuery', () => {
  it('folds case and spaces of pinyin queries', () => {
    expect(normaliseSearchQuery(' Bao Jie ')).toBe('baojie');
    expect(normaliseSearchQuery("xi'an")).toBe('xian');
    expect(normaliseSearchQuery('日常 保洁')).toBe('日常保洁');
  });
});

describe('searchRank', () => {
  it('prefers exact, then prefix, then contains, then pinyin hits', () => {
    const ranks = ['保洁', '保洁套餐', '日常保洁', '清洁'].map((name) => searchRank(name, '保洁', searchIndexFor([name])));
    expect(ranks).toEqual([0, 1, 2, 4]);
    expect(searchRank('日常保洁', 'rc', searchIndexFor(['日常保洁']))).toBe(3);
    expect(searchRank('日常保洁', 'bj', searchIndexFor(['日常保洁']))).toBe(4);
  });
});
