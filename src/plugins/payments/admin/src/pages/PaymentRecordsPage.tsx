import * as React from 'react';
import { Layouts, Page, Pagination, useRBAC } from '@strapi/strapi/admin';
import { Box, Button, EmptyStateLayout, Flex, Loader, Main, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useSearchParams } from 'react-router-dom';
import { usePaymentList } from '../api/use-payments';
import { PaymentDetailModal } from '../components/PaymentDetailModal';
import { PaymentFilters } from '../components/PaymentFilters';
import { PaymentTable } from '../components/PaymentTable';
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, filtersFromQuery, queryForFilters, toListSearch, type FilterChange } from '../domain/payment-query';
import { describeProblem, useT } from '../i18n';
import { PERMISSIONS } from '../permissions';

const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.refund];

/** 支付流水: payments searched by order / transaction / trade number, with refunds for roles allowed to make them. */
export function PaymentRecordsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = React.useMemo(() => filtersFromQuery(Object.fromEntries(searchParams)), [searchParams]);
  const search = React.useMemo(() => toListSearch(filters), [filters]);
  const { payments, pagination, isLoading, isRefreshing, error, refresh } = usePaymentList(search);
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const [openPayment, setOpenPayment] = React.useState<string | null>(null);

  const changeFilters = (change: FilterChange) => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(queryForFilters(change))) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  };

  const resetFilters = () => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      FILTER_KEYS.forEach((key) => next.delete(key));
      return next;
    });
  };

  return (
    <Layouts.Root>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Main aria-busy={isLoading}>
        <Layouts.Header
          title={t('plugin.name')}
          subtitle={pagination ? t('list.total', { total: pagination.total }) : undefined}
          primaryAction={
            <Button variant="secondary" startIcon={<ArrowClockwise />} loading={isRefreshing && !isLoading} onClick={() => void refresh()}>
              {t('list.refresh')}
            </Button>
          }
        />
        <Layouts.Content>
          <PaymentFilters filters={filters} onChange={changeFilters} onReset={resetFilters} />
          {error ? (
            <Box background="danger100" padding={3} hasRadius marginBottom={4}>
              <Typography textColor="danger700" role="alert">
                {describeProblem(t, error, 'error.listFailed')}
              </Typography>
            </Box>
          ) : null}
          {isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('list.loading')}</Loader>
            </Flex>
          ) : payments.length === 0 ? (
            <EmptyStateLayout content={error ? t('error.listFailed') : t('list.empty')} />
          ) : (
            <PaymentTable payments={payments} onOpen={setOpenPayment} />
          )}
          {pagination && pagination.total > 0 ? (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={['10', '20', '50', '100']} />
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
        </Layouts.Content>
      </Main>
      <PaymentDetailModal
        documentId={openPayment}
        canRefund={Boolean(allowedActions.canRefund)}
        onClose={() => setOpenPayment(null)}
        onChanged={() => void refresh()}
      />
    </Layouts.Root>
  );
}
