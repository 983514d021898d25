import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { isAbort, toRequestProblem, type RequestProblem } from './api-error';

/** `meta.pagination` of a plugin's admin list route, as Strapi's content API shapes it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface AdminList<Row> {
  rows: Row[];
  pagination: Pagination | null;
  /** First load only; refreshes keep showing the previous rows. */
  isLoading: boolean;
  isRefreshing: boolean;
  error: RequestProblem | null;
  loadedAt: Date | null;
  refresh(): Promise<void>;
}

interface Options {
  /** Re-read this often while the browser tab is visible; no timer when left out. */
  autoRefreshMs?: number;
}

/**
 * One page of a plugin's admin list route (`GET <path> → { data, meta: { pagination } }`), read
 * again when `path` changes and on demand. A slower, older response never overwrites a newer one.
 */
export function useAdminList<Row>(path: string, { autoRefreshMs }: Options = {}): AdminList<Row> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<Omit<AdminList<Row>, 'refresh'>>({
    rows: [],
    pagination: null,
    isLoading: true,
    isRefreshing: false,
    error: null,
    loadedAt: null,
  });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, isRefreshing: true }));
    try {
      const res = await get<{ data: Row[]; meta: { pagination: Pagination } }>(path);
      if (ticket !== latest.current) return;
      setState({ rows: res.data.data, pagination: res.data.meta.pagination, isLoading: false, isRefreshing: false, error: null, loadedAt: new Date() });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState((s) => ({ ...s, isLoading: false, isRefreshing: false, error: toRequestProblem(error) }));
    }
  }, [get, path]);

  React.useEffect(() => {
    void load();
    if (!autoRefreshMs) return undefined;
    const timer = window.setInterval(() => {
      if (!document.hidden) void load();
    }, autoRefreshMs);
    return () => window.clearInterval(timer);
  }, [load, autoRefreshMs]);

  return { ...state, refresh: load };
}
