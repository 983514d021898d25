import { pinyin } from 'pinyin-pro';

/**
 * Search text for Chinese names that also matches pinyin and initials, so 日常保洁 is found by
 * "保洁", "baojie" and "bj". Stored in a private `searchIndex` column and matched with a plain
 * case-insensitive contains, which works the same on SQLite, MariaDB and PostgreSQL.
 */
export function searchIndexFor(texts: ReadonlyArray<string | null | undefined>): string {
  const parts = new Set<string>();
  for (const raw of texts) {
    const text = raw?.trim();
    if (!text) continue;
    parts.add(text.toLowerCase());
    // Queries are normalised without spaces, so "Deep Clean" must be findable as "deepclean".
    if (/\s/.test(text)) parts.add(text.toLowerCase().replace(/\s+/g, ''));
    if (/[\u4e00-\u9fff]/.test(text)) {
      const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
      parts.add(syllables.join(''));
      parts.add(syllables.map((s) => s[0]).join(''));
    }
  }
  return [...parts].join(' ');
}

/** What users type: "Bao Jie " → "baojie"; Chinese kept as typed. */
export function normaliseSearchQuery(query: string): string {
  const trimmed = query.trim().toLowerCase();
  return /[\u4e00-\u9fff]/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed.replace(/[\s']+/g, '');
}

/** Rank: exact name, name prefix, name contains, then pinyin/initials hits. */
export function searchRank(name: string, query: string, index: string): number {
  const n = name.toLowerCase();
  if (n === query) return 0;
  if (n.startsWith(query)) return 1;
  if (n.includes(query)) return 2;
  const tokens = index.split(' ');
  if (tokens.some((t) => t.startsWith(query))) return 3;
  return 4;
}
