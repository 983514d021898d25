import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Pagination, PaymentDetail, PaymentSummary, RefundOutcome } from './contracts';
import { isAbort, toRequestProblem, type RequestProblem } from './api-error';

interface ListState {
  payments: PaymentSummary[];
  pagination: Pagination | null;
  /** First load only; reloads keep showing the previous rows. */
  isLoading: boolean;
  isRefreshing: boolean;
  error: RequestProblem | null;
}

/** The list for one query string; a slower, older response never overwrites a newer one. */
export function usePaymentList(search: string) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<ListState>({ payments: [], pagination: null, isLoading: true, isRefreshing: false, error: null });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, isRefreshing: true }));
    try {
      const res = await get<{ data: PaymentSummary[]; meta: { pagination: Pagination } }>(`/payments/payments?${search}`);
      if (ticket !== latest.current) return;
      setState({ payments: res.data.data, pagination: res.data.meta.pagination, isLoading: false, isRefreshing: false, error: null });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState((s) => ({ ...s, isLoading: false, isRefreshing: false, error: toRequestProblem(error) }));
    }
  }, [get, search]);

  React.useEffect(() => {
    void load();
  }, [load]);

  return { ...state, refresh: load };
}

interface DetailState {
  payment: PaymentDetail | null;
  error: RequestProblem | null;
  isLoading: boolean;
}

/** One payment with its refunds; `replace` takes the detail an action answered with. */
export function usePaymentDetail(documentId: string | null) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<DetailState>({ payment: null, error: null, isLoading: false });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    if (!documentId) {
      setState({ payment: null, error: null, isLoading: false });
      return;
    }
    setState((s) => ({ payment: s.payment?.documentId === documentId ? s.payment : null, error: null, isLoading: true }));
    try {
      const res = await get<{ data: PaymentDetail }>(`/payments/payments/${encodeURIComponent(documentId)}`);
      if (ticket === latest.current) setState({ payment: res.data.data, error: null, isLoading: false });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState({ payment: null, error: toRequestProblem(error), isLoading: false });
    }
  }, [get, documentId]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const replace = React.useCallback((payment: PaymentDetail) => {
    latest.current++;
    setState({ payment, error: null, isLoading: false });
  }, []);

  return { ...state, reload: load, replace };
}

/** Refund actions; each answers with the refund and the payment's fresh detail, and throws the server's error. */
export function useRefundActions() {
  const { post } = useFetchClient();
  return React.useMemo(
    () => ({
      refund: async (paymentDocumentId: string, amount: number, reason: string) =>
        (await post<{ data: RefundOutcome }>(`/payments/payments/${encodeURIComponent(paymentDocumentId)}/refunds`, { amount, reason })).data.data,
      retry: async (refundDocumentId: string) =>
        (await post<{ data: RefundOutcome }>(`/payments/refunds/${encodeURIComponent(refundDocumentId)}/retry`, {})).data.data,
    }),
    [post],
  );
}
