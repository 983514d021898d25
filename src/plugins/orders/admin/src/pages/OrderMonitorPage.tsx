import * as React from 'react';
import { useRBAC } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../admin/kit/ListPage';
import { formatShanghaiClock } from '../../../../../admin/kit/shanghai-time';
import { useUrlFilters } from '../../../../../admin/kit/use-url-filters';
import type { OrderSummary } from '../api/contracts';
import { useCategories, useCities } from '../api/reference-data';
import { AUTO_REFRESH_MS, useOrderList } from '../api/use-orders';
import { OrderDetailModal } from '../components/OrderDetailModal';
import { OrderFilters } from '../components/OrderFilters';
import { OrderTable } from '../components/OrderTable';
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, filtersFromQuery, queryForFilters, toListSearch } from '../domain/monitor-query';
import { useKitText, useT } from '../i18n';
import { PERMISSIONS } from '../permissions';

const URL_FILTERS = { fromQuery: filtersFromQuery, toQuery: queryForFilters, keys: FILTER_KEYS };
const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.manage];

/** 订单监控: filtered, auto-refreshing list of orders with exceptions highlighted, and the detail with operator actions. */
export function OrderMonitorPage() {
  const t = useT();
  const text = useKitText();
  const { filters, change, reset } = useUrlFilters(URL_FILTERS);
  const search = React.useMemo(() => toListSearch(filters), [filters]);
  const list = useOrderList(search);
  const { rows: orders, pagination, loadedAt } = list;
  const cities = useCities();
  const categories = useCategories();
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const [openOrder, setOpenOrder] = React.useState<string | null>(null);

  const cityNames = React.useMemo(() => new Map(cities.items.map((c) => [c.adcode, c.name])), [cities.items]);
  const cityName = React.useCallback(
    (order: Pick<OrderSummary, 'city' | 'address'>) => order.address.cityName ?? (order.city ? cityNames.get(order.city) ?? order.city : '—'),
    [cityNames],
  );

  const subtitle = [
    pagination ? t('list.total', { total: pagination.total }) : null,
    t('list.autoRefresh', { seconds: AUTO_REFRESH_MS / 1000 }),
    loadedAt ? t('list.loadedAt', { time: formatShanghaiClock(loadedAt) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <ListPage
      text={text}
      subtitle={subtitle}
      list={list}
      defaultPageSize={DEFAULT_PAGE_SIZE}
      filters={<OrderFilters filters={filters} cities={cities.items} categories={categories.items} onChange={change} onReset={reset} />}
      table={<OrderTable orders={orders} cityName={cityName} onOpen={setOpenOrder} />}
    >
      <OrderDetailModal
        documentId={openOrder}
        canManage={Boolean(allowedActions.canManage)}
        cityName={cityName}
        onClose={() => setOpenOrder(null)}
        onChanged={() => void list.refresh()}
      />
    </ListPage>
  );
}
