import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAdminDetail } from '../../../../../admin/kit/use-admin-detail';
import { useAdminList } from '../../../../../admin/kit/use-admin-list';
import type { OrderDetail, OrderSummary } from './contracts';

export const AUTO_REFRESH_MS = 30_000;

const orderPath = (documentId: string) => `/orders/orders/${encodeURIComponent(documentId)}`;

/** The monitor's list for one query string, re-read every 30 s while the tab is visible and on demand. */
export const useOrderList = (search: string) => useAdminList<OrderSummary>(`/orders/orders?${search}`, { autoRefreshMs: AUTO_REFRESH_MS });

/** One order with its timeline; `replace` takes the detail an action answered with. */
export const useOrderDetail = (documentId: string | null) => useAdminDetail<OrderDetail>(documentId ? orderPath(documentId) : null);

/** Operator actions; each answers with the order's fresh detail and throws the server's error (see toRequestProblem). */
export function useOrderActions() {
  const { post } = useFetchClient();
  return React.useMemo(() => {
    const act = async (documentId: string, action: 'cancel' | 'reassign' | 'assign', body: Record<string, unknown>) => {
      const res = await post<{ data: OrderDetail }>(`${orderPath(documentId)}/${action}`, body);
      return res.data.data;
    };
    return {
      cancel: (documentId: string, reason: string, waiveFee: boolean) => act(documentId, 'cancel', { reason, waiveFee }),
      reassign: (documentId: string, reason: string, worker?: string) => act(documentId, 'reassign', worker ? { reason, worker } : { reason }),
      assign: (documentId: string, worker: string) => act(documentId, 'assign', { worker }),
    };
  }, [post]);
}
