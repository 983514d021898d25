import * as React from 'react';
import { Layouts, Page, Pagination, useRBAC } from '@strapi/strapi/admin';
import { Box, Button, EmptyStateLayout, Flex, Loader, Main, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useSearchParams } from 'react-router-dom';
import type { OrderSummary } from '../api/contracts';
import { useCategories, useCities } from '../api/reference-data';
import { AUTO_REFRESH_MS, useOrderList } from '../api/use-orders';
import { OrderDetailModal } from '../components/OrderDetailModal';
import { OrderFilters, type FilterChange } from '../components/OrderFilters';
import { OrderTable } from '../components/OrderTable';
import { DEFAULT_PAGE_SIZE, filtersFromQuery, queryForFilters, toListSearch } from '../domain/monitor-query';
import { formatShanghaiClock } from '../domain/shanghai-time';
import { describeProblem, useT } from '../i18n';
import { PERMISSIONS } from '../permissions';

const FILTER_KEYS = ['status', 'city', 'category', 'from', 'to', 'q', 'exceptions', 'page'];
const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.manage];

/** 订单监控: filtered, auto-refreshing list of orders with exceptions highlighted, and the detail with operator actions. */
export function OrderMonitorPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = React.useMemo(() => filtersFromQuery(Object.fromEntries(searchParams)), [searchParams]);
  const search = React.useMemo(() => toListSearch(filters), [filters]);
  const { orders, pagination, isLoading, isRefreshing, error, loadedAt, refresh } = useOrderList(search);
  const cities = useCities();
  const categories = useCategories();
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const [openOrder, setOpenOrder] = React.useState<string | null>(null);

  const cityNames = React.useMemo(() => new Map(cities.items.map((c) => [c.adcode, c.name])), [cities.items]);
  const cityName = React.useCallback(
    (order: Pick<OrderSummary, 'city' | 'address'>) => order.address.cityName ?? (order.city ? cityNames.get(order.city) ?? order.city : '—'),
    [cityNames],
  );

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

  const subtitle = [
    pagination ? t('list.total', { total: pagination.total }) : null,
    t('list.autoRefresh', { seconds: AUTO_REFRESH_MS / 1000 }),
    loadedAt ? t('list.loadedAt', { time: formatShanghaiClock(loadedAt) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Layouts.Root>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Main aria-busy={isLoading}>
        <Layouts.Header
          title={t('plugin.name')}
          subtitle={subtitle}
          primaryAction={
            <Button variant="secondary" startIcon={<ArrowClockwise />} loading={isRefreshing && !isLoading} onClick={() => void refresh()}>
              {t('list.refresh')}
            </Button>
          }
        />
        <Layouts.Content>
          <OrderFilters filters={filters} cities={cities.items} categories={categories.items} onChange={changeFilters} onReset={resetFilters} />
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
          ) : orders.length === 0 ? (
            <EmptyStateLayout content={error ? t('error.listFailed') : t('list.empty')} />
          ) : (
            <OrderTable orders={orders} cityName={cityName} onOpen={setOpenOrder} />
          )}
          {pagination && pagination.total > 0 ? (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={['10', '20', '50', '100']} />
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
        </Layouts.Content>
      </Main>
      <OrderDetailModal
        documentId={openOrder}
        canManage={Boolean(allowedActions.canManage)}
        cityName={cityName}
        onClose={() => setOpenOrder(null)}
        onChanged={() => void refresh()}
      />
    </Layouts.Root>
  );
}
