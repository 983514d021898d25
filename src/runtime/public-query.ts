import { DomainError, validationFailed } from './errors';

/**
 * What a public list or detail route lets an anonymous client ask for. Anything else is refused
 * rather than ignored: a filter that silently does nothing still answers "some rows" vs "none",
 * which is how private values (home positions, birth years) were found by binary search.
 * Pure: the caller says which paths the content type exposes at all (`exposes`).
 */
export interface PublicQueryRules {
  /** Dotted attribute paths that may be filtered on: `gender`, `city.adcode`, `skills.skill.slug`. */
  filters?: readonly string[];
  /** Dotted attribute paths that may be sorted on. */
  sort?: readonly string[];
  /** Dotted relation/component/media paths that may be populated (`skills.skill` allows `skills` too). */
  populate?: readonly string[];
  /** Further top-level query parameters the controller reads itself (`address`, `lat`…). */
  params?: readonly string[];
  /** Largest `pagination[pageSize]` / `pagination[limit]` (default 100). */
  maxPageSize?: number;
}

/** `false` when the content type has no public attribute at that dotted path (unknown or private). */
export type ExposesPath = (path: string) => boolean;

const STANDARD_PARAMS = new Set(['filters', 'sort', 'pagination', 'populate', 'fields', 'locale']);
const LOGICAL = new Set(['$and', '$or', '$not']);
const COMPARISON = new Set(['$eq', '$eqi', '$ne', '$nei', '$in', '$notIn', '$lt', '$lte', '$gt', '$gte', '$between', '$null', '$notNull', '$contains', '$containsi', '$startsWith', '$endsWith']);
const MAX_DEPTH = 6;
export const DEFAULT_MAX_PAGE_SIZE = 100;

const notAllowed = (kind: 'filter' | 'sort' | 'populate' | 'param' | 'operator', name: string) =>
  new DomainError('FILTER_NOT_ALLOWED', `不支持按 ${name} ${kind === 'sort' ? '排序' : kind === 'populate' ? '展开' : '查询'}`, { kind, field: name });

function refuseField(path: string, allowed: readonly string[] | undefined, exposes: ExposesPath, kind: 'filter' | 'sort' | 'populate') {
  if (allowed?.includes(path)) return;
  // Unknown and private keys keep Strapi's own answer for them (invalid key, 400 VALIDATION_FAILED).
  if (!exposes(path)) throw validationFailed(`无效的字段 ${path}`, { field: path });
  throw notAllowed(kind, path);
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function walkFilters(node: unknown, path: string[], rules: PublicQueryRules, exposes: ExposesPath, depth: number) {
  if (depth > MAX_DEPTH) throw validationFailed('筛选条件嵌套过深', { field: 'filters' });
  if (Array.isArray(node)) {
    // `filters[$and][0][...]`, or `filters[field][$in][0]=…`-style lists under an operator.
    for (const item of node) walkFilters(item, path, rules, exposes, depth + 1);
    return;
  }
  if (isScalar(node)) {
    // `filters[gender]=male` is an implicit $eq.
    if (!path.length) throw validationFailed('筛选条件格式不正确', { field: 'filters' });
    refuseField(path.join('.'), rules.filters, exposes, 'filter');
    return;
  }
  if (typeof node !== 'object') throw validationFailed('筛选条件格式不正确', { field: 'filters' });
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      walkFilters(value, path, rules, exposes, depth + 1);
    } else if (key.startsWith('$')) {
      if (!COMPARISON.has(key)) throw notAllowed('operator', key);
      if (!path.length) throw validationFailed('筛选条件格式不正确', { field: 'filters' });
      refuseField(path.join('.'), rules.filters, exposes, 'filter');
      const values = Array.isArray(value) ? value : [value];
      if (!values.every(isScalar)) throw validationFailed('筛选值格式不正确', { field: path.join('.') });
    } else {
      walkFilters(value, [...path, key], rules, exposes, depth + 1);
    }
  }
}

function sortPaths(sort: unknown): string[] {
  if (typeof sort === 'string') return sort.split(',').map((s) => s.trim().split(':')[0]).filter(Boolean);
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (sort && typeof sort === 'object') {
    return Object.entries(sort as Record<string, unknown>).flatMap(([key, value]) =>
      typeof value === 'string' ? [key] : sortPaths(value).map((p) => `${key}.${p}`),
    );
  }
  throw validationFailed('排序参数格式不正确', { field: 'sort' });
}

function populatePaths(populate: unknown, prefix = ''): string[] {
  const join = (p: string) => (prefix ? `${prefix}.${p}` : p);
  if (typeof populate === 'string') {
    if (populate === 'true' || populate === '*') return prefix ? [prefix] : ['*'];
    return populate.split(',').map((p) => join(p.trim())).filter(Boolean);
  }
  if (populate === true) return prefix ? [prefix] : ['*'];
  if (Array.isArray(populate)) return populate.flatMap((p) => populatePaths(p, prefix));
  if (populate && typeof populate === 'object') {
    return Object.entries(populate as Record<string, unknown>).flatMap(([key, value]) => {
      const path = join(key);
      if (value === true || value === 'true' || value === '*') return [path];
      if (value && typeof value === 'object') {
        const { populate: nested, fields, sort, filters, ...rest } = value as Record<string, unknown>;
        if (Object.keys(rest).length) throw validationFailed('展开参数格式不正确', { field: `populate.${path}` });
        void fields;
        if (sort !== undefined || filters !== undefined) throw notAllowed('populate', `${path} (sort/filters)`);
        return [path, ...(nested === undefined ? [] : populatePaths(nested, path))];
      }
      throw validationFailed('展开参数格式不正确', { field: `populate.${path}` });
    });
  }
  throw validationFailed('展开参数格式不正确', { field: 'populate' });
}

function checkPageSize(pagination: unknown, max: number) {
  if (pagination === undefined) return;
  if (!pagination || typeof pagination !== 'object' || Array.isArray(pagination)) throw validationFailed('分页参数格式不正确', { field: 'pagination' });
  const p = pagination as Record<string, unknown>;
  for (const key of ['pageSize', 'limit'] as const) {
    if (p[key] === undefined) continue;
    const n = Number(p[key]);
    if (!Number.isInteger(n) || n < 1 || n > max) throw validationFailed(`每页数量须为 1–${max}`, { field: `pagination.${key}`, max });
  }
}

/** Throws FILTER_NOT_ALLOWED (or VALIDATION_FAILED for malformed/unknown keys); returns when the query is fine. */
export function checkPublicQuery(query: Record<string, unknown>, rules: PublicQueryRules, exposes: ExposesPath): void {
  const params = new Set(rules.params ?? []);
  for (const key of Object.keys(query)) {
    if (!STANDARD_PARAMS.has(key) && !params.has(key)) throw notAllowed('param', key);
  }
  if (query.filters !== undefined) walkFilters(query.filters, [], rules, exposes, 0);
  if (query.sort !== undefined) for (const path of sortPaths(query.sort)) refuseField(path, rules.sort, exposes, 'sort');
  if (query.populate !== undefined) {
    const allowed = new Set((rules.populate ?? []).flatMap((p) => p.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    for (const path of populatePaths(query.populate)) {
      if (path === '*' || !allowed.has(path)) {
        if (path !== '*' && !exposes(path)) throw validationFailed(`无效的字段 ${path}`, { field: path });
        throw notAllowed('populate', path);
      }
    }
  }
  checkPageSize(query.pagination, rules.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE);
}

/** The route policy entry for a public route: `config: { find: { policies: [publicQueryPolicy(uid, rules)] } }`. */
export const publicQueryPolicy = (uid: string, rules: PublicQueryRules) => ({ name: 'global::public-query', config: { uid, rules } });
