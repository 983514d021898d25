import { Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { PaymentSummary } from '../api/contracts';
import { channelLabel, stageLabel } from '../domain/labels';
import { formatYuan } from '../domain/money';
import { formatShanghaiTimestamp } from '../domain/shanghai-time';
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
    <Table colCount={COLUMNS.length} rowCount={payments.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((key) => (
            <Th key={key}>
              <Typography variant="sigma" textColor="neutral600">
                {t(key)}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {payments.map((payment) => (
          <Tr
            key={payment.documentId}
            onClick={() => onOpen(payment.documentId)}
            style={{ cursor: 'pointer' }}
            background={payment.status === 'review' ? 'danger100' : undefined}
            data-out-trade-no={payment.outTradeNo}
          >
            <Td>
              <TextButton
                onClick={(e: React.MouseEvent) => {
                  e.stopPropagation();
                  onOpen(payment.documentId);
                }}
              >
                <Typography fontWeight="semiBold" textColor="primary600">
                  {payment.outTradeNo}
                </Typography>
              </TextButton>
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
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
