import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OrderDetail, OrderSummary, Pagination } from './contracts';
import { isAbort, toRequestProblem, type RequestProblem } from './api-error';

export const AUTO_REFRESH_MS = 30_000;

interface ListState {
  orders: OrderSummary[];
  pagination: Pagination | null;
  /** First load only; refreshes keep showing the previous rows. */
  isLoading: boolean;
  isRefreshing: boolean;
  error: RequestProblem | null;
  loadedAt: Date | null;
}

/**
 * The monitor's list for one query string, re-read every 30 s while the tab is visible and on
 * demand. A slower, older response never overwrites a newer one.
 */
export function useOrderList(search: string) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<ListState>({ orders: [], pagination: null, isLoading: true, isRefreshing: false, error: null, loadedAt: null });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, isRefreshing: true }));
    try {
      const res = await get<{ data: OrderSummary[]; meta: { pagination: Pagination } }>(`/orders/orders?${search}`);
      if (ticket !== latest.current) return;
      setState({ orders: res.data.data, pagination: res.data.meta.pagination, isLoading: false, isRefreshing: false, error: null, loadedAt: new Date() });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState((s) => ({ ...s, isLoading: false, isRefreshing: false, error: toRequestProblem(error) }));
    }
  }, [get, search]);

  React.useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (!document.hidden) void load();
    }, AUTO_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return { ...state, refresh: load };
}

interface DetailState {
  order: OrderDetail | null;
  error: RequestProblem | null;
  isLoading: boolean;
}

/** One order with its timeline; `replace` takes the detail an action answered with. */
export function useOrderDetail(documentId: string | null) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<DetailState>({ order: null, error: null, isLoading: false });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    if (!documentId) {
      setState({ order: null, error: null, isLoading: false });
      return;
    }
    setState((s) => ({ order: s.order?.documentId === documentId ? s.order : null, error: null, isLoading: true }));
    try {
      const res = await get<{ data: OrderDetail }>(`/orders/orders/${encodeURIComponent(documentId)}`);
      if (ticket === latest.current) setState({ order: res.data.data, error: null, isLoading: false });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState({ order: null, error: toRequestProblem(error), isLoading: false });
    }
  }, [get, documentId]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const replace = React.useCallback((order: OrderDetail) => {
    latest.current++;
    setState({ order, error: null, isLoading: false });
  }, []);

  return { ...state, reload: load, replace };
}

/** Operator actions; each answers with the order's fresh detail and throws the server's error (see toRequestProblem). */
export function useOrderActions() {
  const { post } = useFetchClient();
  return React.useMemo(() => {
    const act = async (documentId: string, action: 'cancel' | 'reassign' | 'assign', body: Record<string, unknown>) => {
      const res = await post<{ data: OrderDetail }>(`/orders/orders/${encodeURIComponent(documentId)}/${action}`, body);
      return res.data.data;
    };
    return {
      cancel: (documentId: string, reason: string, waiveFee: boolean) => act(documentId, 'cancel', { reason, waiveFee }),
      reassign: (documentId: string, reason: string, worker?: string) => act(documentId, 'reassign', worker ? { reason, worker } : { reason }),
      assign: (documentId: string, worker: string) => act(documentId, 'assign', { worker }),
    };
  }, [post]);
}
