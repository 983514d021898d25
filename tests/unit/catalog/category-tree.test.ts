import { buildCategoryTree } from '../../../src/api/catalog/domain/category-tree';

const row = (id: number, slug: string, sort: number, parent?: string) => ({
  id,
  documentId: `d${id}`,
  name: slug,
  slug,
  sort,
  parent: parent ? { documentId: parent } : null,
});

describe('buildCategoryTree', () => {
  it('nests children under parents, sorted by sort then id', () => {
    const tree = buildCategoryTree([row(1, 'b', 2), row(2, 'a', 1), row(3, 'a2', 5, 'd2'), row(4, 'a1', 1, 'd2'), row(5, 'a1x', 0, 'd4')]);
    expect(tree.map((n) => n.slug)).toEqual(['a', 'b']);
    expect(tree[0].children.map((n) => n.slug)).toEqual(['a1', 'a2']);
    expect(tree[0].children[0].children.map((n) => n.slug)).toEqual(['a1x']);
    expect(tree[0].children[0].parent).toBe('d2');
  });

  it('keeps orphans whose parent is missing as roots', () => {
    expect(buildCategoryTree([row(1, 'x', 0, 'gone')]).map((n) => n.slug)).toEqual(['x']);
  });

  it('does not mutate its input order', () => {
    const input = [row(1, 'b', 2), row(2, 'a', 1)];
    buildCategoryTree(input);
    expect(input.map((r) => r.slug)).toEqual(['b', 'a']);
  });
});
