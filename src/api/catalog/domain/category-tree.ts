/**
 * Flat category rows → the tree clients render. Orphans (parent inactive or missing) become
 * roots rather than disappearing; children follow `sort`, then insertion order.
 */
export interface CategoryRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  sort: number | null;
  parent?: { documentId: string } | null;
}

export type CategoryNode<T extends CategoryRow = CategoryRow> = Omit<T, 'parent'> & {
  parent: string | null;
  children: CategoryNode<T>[];
};

export function buildCategoryTree<T extends CategoryRow>(rows: readonly T[]): CategoryNode<T>[] {
  type Node = CategoryNode<T>;
  const nodes = new Map<string, Node>();
  for (const row of rows) {
    nodes.set(row.documentId, { ...row, parent: row.parent?.documentId ?? null, children: [] } as Node);
  }
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent ? nodes.get(node.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const bySort = (a: Node, b: Node) => (a.sort ?? 0) - (b.sort ?? 0) || a.id - b.id;
  const sortDeep = (list: Node[]) => {
    list.sort(bySort);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}
