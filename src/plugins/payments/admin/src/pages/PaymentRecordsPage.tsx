import * as React from 'react';
import { useRBAC } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../admin/kit/ListPage';
import { useUrlFilters } from '../../../../../admin/kit/use-url-filters';
import { usePaymentList } from '../api/use-payments';
import { PaymentDetailModal } from '../components/PaymentDetailModal';
import { PaymentFilters } from '../components/PaymentFilters';
import { PaymentTable } from '../components/PaymentTable';
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, filtersFromQuery, queryForFilters, toListSearch } from '../domain/payment-query';
import { useKitText, useT } from '../i18n';
import { PERMISSIONS } from '../permissions';

const URL_FILTERS = { fromQuery: filtersFromQuery, toQuery: queryForFilters, keys: FILTER_KEYS };
const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.refund];

/** 支付流水: payments searched by order / transaction / trade number, with refunds for roles allowed to make them. */
export function PaymentRecordsPage() {
  const t = useT();
  const text = useKitText();
  const { filters, change, reset } = useUrlFilters(URL_FILTERS);
  const search = React.useMemo(() => toListSearch(filters), [filters]);
  const list = usePaymentList(search);
  const { rows: payments, pagination } = list;
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const [openPayment, setOpenPayment] = React.useState<string | null>(null);

  return (
    <ListPage
      text={text}
      subtitle={pagination ? t('list.total', { total: pagination.total }) : undefined}
      list={list}
      defaultPageSize={DEFAULT_PAGE_SIZE}
      filters={<PaymentFilters filters={filters} onChange={change} onReset={reset} />}
      table={<PaymentTable payments={payments} onOpen={setOpenPayment} />}
    >
      <PaymentDetailModal
        documentId={openPayment}
        canRefund={Boolean(allowedActions.canRefund)}
        onClose={() => setOpenPayment(null)}
        onChanged={() => void list.refresh()}
      />
    </ListPage>
  );
}
