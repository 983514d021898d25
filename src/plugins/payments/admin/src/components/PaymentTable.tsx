import { Td, Typography } from '@strapi/design-system';
import { ListTable, OpenableRow, OpenButton } from '../../../../../admin/kit/ListTable';
import { formatYuan } from '../../../../../admin/kit/money';
import { formatShanghaiTimestamp } from '../../../../../admin/kit/shanghai-time';
import type { PaymentSummary } from '../api/contracts';
import { channelLabel, stageLabel } from '../domain/labels';
import { useT } from '../i18n';
import { PaymentStatusBadge } from './PaymentBadges';

interface Props {
  payments: PaymentSummary[];
  onOpen(documentId: string): void;
}

const COLUMNS = ['table.outTradeNo', 'table.orderNo', 'table.channel', 'table.stage', 'table.amount', 'table.status', 'table.refunded', 'table.paidAt'] as const;

/** Payments held for review get a red tint: money arrived that does not match and someone must look. */
export function PaymentTable({ payments, onOpen }: Props) {
  const t = useT();
  return (
    <ListTable headers={COLUMNS.map((key) => t(key))} rowCount={payments.length}>
      {payments.map((payment) => (
        <OpenableRow
          key={payment.documentId}
          onOpen={() => onOpen(payment.documentId)}
          background={payment.status === 'review' ? 'danger100' : undefined}
          data-out-trade-no={payment.outTradeNo}
        >
          <Td>
            <OpenButton label={payment.outTradeNo} onOpen={() => onOpen(payment.documentId)} />
          </Td>
          <Td>
            <Typography textColor="neutral800">{payment.order?.orderNo ?? '—'}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{channelLabel(payment.channel)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{stageLabel(payment.stage)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" fontWeight="semiBold">
              {formatYuan(payment.amount)}
            </Typography>
          </Td>
          <Td>
            <PaymentStatusBadge status={payment.status} />
          </Td>
          <Td>
            <Typography textColor={payment.refundedAmount > 0 ? 'neutral800' : 'neutral500'}>{formatYuan(payment.refundedAmount)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{formatShanghaiTimestamp(payment.paidAt)}</Typography>
          </Td>
        </OpenableRow>
      ))}
    </ListTable>
  );
}
