import { Flex, Td, Typography } from '@strapi/design-system';
import { ListTable, OpenableRow, OpenButton } from '../../../../../admin/kit/ListTable';
import { formatYuan } from '../../../../../admin/kit/money';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import type { OrderSummary } from '../api/contracts';
import { useT } from '../i18n';
import { ExceptionBadges, OrderStatusBadge } from './OrderBadges';

interface Props {
  orders: OrderSummary[];
  cityName(order: OrderSummary): string;
  onOpen(documentId: string): void;
}

const COLUMNS = ['table.orderNo', 'table.service', 'table.city', 'table.scheduledAt', 'table.status', 'table.worker', 'table.amount', 'table.exceptions'] as const;

/** Rows with an exception get a tinted background so they stand out in a long list. */
export function OrderTable({ orders, cityName, onOpen }: Props) {
  const t = useT();
  return (
    <ListTable headers={COLUMNS.map((key) => t(key))} rowCount={orders.length}>
      {orders.map((order) => {
        const flagged = order.exceptions.length > 0;
        const severe = order.exceptions.some((e) => e.code === 'overdue_acceptance' || e.code === 'late_arrival');
        const open = () => onOpen(order.documentId);
        return (
          <OpenableRow
            key={order.documentId}
            onOpen={open}
            background={flagged ? (severe ? 'danger100' : 'warning100') : undefined}
            data-order-no={order.orderNo}
          >
            <Td>
              <OpenButton label={order.orderNo} onOpen={open} />
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography textColor="neutral800">{order.serviceItem.name ?? '—'}</Typography>
                {order.category ? (
                  <Typography variant="pi" textColor="neutral600">
                    {order.category.name}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Typography textColor="neutral800">{cityName(order)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{formatShanghaiDateTime(order.scheduledAt)}</Typography>
            </Td>
            <Td>
              <OrderStatusBadge status={order.status} />
            </Td>
            <Td>
              <Typography textColor={order.workerName ? 'neutral800' : 'neutral500'}>
                {order.workerName ?? order.worker?.displayName ?? t('table.noWorker')}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {formatYuan(order.amounts.total)}
              </Typography>
            </Td>
            <Td>
              <ExceptionBadges exceptions={order.exceptions} />
            </Td>
          </OpenableRow>
        );
      })}
    </ListTable>
  );
}
