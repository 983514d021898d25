import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAdminDetail } from '../../../../../admin/kit/use-admin-detail';
import { useAdminList } from '../../../../../admin/kit/use-admin-list';
import type { PaymentDetail, PaymentSummary, RefundOutcome } from './contracts';

const paymentPath = (documentId: string) => `/payments/payments/${encodeURIComponent(documentId)}`;

/** The list for one query string, read again on demand. */
export const usePaymentList = (search: string) => useAdminList<PaymentSummary>(`/payments/payments?${search}`);

/** One payment with its refunds; `replace` takes the detail an action answered with. */
export const usePaymentDetail = (documentId: string | null) => useAdminDetail<PaymentDetail>(documentId ? paymentPath(documentId) : null);

/** Refund actions; each answers with the refund and the payment's fresh detail, and throws the server's error. */
export function useRefundActions() {
  const { post } = useFetchClient();
  return React.useMemo(
    () => ({
      refund: async (paymentDocumentId: string, amount: number, reason: string) =>
        (await post<{ data: RefundOutcome }>(`${paymentPath(paymentDocumentId)}/refunds`, { amount, reason })).data.data,
      retry: async (refundDocumentId: string) =>
        (await post<{ data: RefundOutcome }>(`/payments/refunds/${encodeURIComponent(refundDocumentId)}/retry`, {})).data.data,
    }),
    [post],
  );
}
