import * as React from 'react';
import { Box, Button, Divider, Flex, Grid, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { DetailModal, DetailSection as Section, type DetailModalBinding } from '../../../../../admin/kit/DetailModal';
import { ListTable } from '../../../../../admin/kit/ListTable';
import { formatYuan } from '../../../../../admin/kit/money';
import { formatShanghaiTimestamp } from '../../../../../admin/kit/shanghai-time';
import type { PaymentDetail, RefundRecord } from '../api/contracts';
import { usePaymentDetail } from '../api/use-payments';
import { acceptsRefunds, channelLabel, isRetryableRefund, requesterLabel, stageLabel } from '../domain/labels';
import { useKitText, useT, type MessageKey } from '../i18n';
import { PaymentStatusBadge, RefundStatusBadge } from './PaymentBadges';
import { RefundDialog, RetryRefundDialog } from './RefundDialogs';

interface Props extends DetailModalBinding {
  canRefund: boolean;
}

const Fact = ({ label, children, name }: { label: string; children: React.ReactNode; name?: string }) => (
  <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1} data-fact={name}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800" style={{ wordBreak: 'break-all' }}>
      {children}
    </Typography>
  </Grid.Item>
);

function PaymentFacts({ payment }: { payment: PaymentDetail }) {
  const t = useT();
  const member = payment.member ? [payment.member.nickname, payment.member.phone].filter(Boolean).join(' ') : '';
  return (
    <Grid.Root gap={4}>
      <Fact label={t('detail.outTradeNo')}>{payment.outTradeNo}</Fact>
      <Fact label={t('detail.transactionId')}>{payment.transactionId ?? '—'}</Fact>
      <Fact label={t('detail.order')}>
        {payment.order ? t('detail.orderValue', { orderNo: payment.order.orderNo, status: payment.order.statusLabel }) : t('detail.noOrder')}
      </Fact>
      <Fact label={t('detail.member')}>{member || '—'}</Fact>
      <Fact label={t('detail.channel')}>{channelLabel(payment.channel)}</Fact>
      <Fact label={t('detail.stage')}>{stageLabel(payment.stage)}</Fact>
      <Fact label={t('detail.amount')} name="amount">
        {formatYuan(payment.amount)}
      </Fact>
      <Fact label={t('detail.refunded')} name="refunded">
        {formatYuan(payment.refundedAmount)}
      </Fact>
      <Fact label={t('detail.refundable')} name="refundable">
        {formatYuan(payment.refundable)}
      </Fact>
      <Fact label={t('detail.paidAt')}>{formatShanghaiTimestamp(payment.paidAt)}</Fact>
      <Fact label={t('detail.createdAt')}>{formatShanghaiTimestamp(payment.createdAt)}</Fact>
      {payment.closedAt ? <Fact label={t('detail.closedAt')}>{formatShanghaiTimestamp(payment.closedAt)}</Fact> : null}
      {payment.reviewReason ? <Fact label={t('detail.reviewReason')}>{payment.reviewReason}</Fact> : null}
    </Grid.Root>
  );
}

const REFUND_COLUMNS: MessageKey[] = ['refunds.outRefundNo', 'refunds.amount', 'refunds.reason', 'refunds.status', 'refunds.requestedBy', 'refunds.at'];

function RefundList({ refunds, canRetry, onRetry }: { refunds: RefundRecord[]; canRetry: boolean; onRetry(refund: RefundRecord): void }) {
  const t = useT();
  if (!refunds.length) return <Typography textColor="neutral600">{t('detail.refunds.empty')}</Typography>;
  // The last, unnamed column holds 重试.
  return (
    <ListTable headers={[...REFUND_COLUMNS.map((key) => t(key)), '']} rowCount={refunds.length}>
      {refunds.map((refund) => (
        <Tr key={refund.documentId} data-refund={refund.outRefundNo}>
          <Td>
            <Typography textColor="neutral800">{refund.outRefundNo}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" fontWeight="semiBold">
              {formatYuan(refund.amount)}
            </Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography textColor="neutral800">{refund.reason}</Typography>
              {refund.lastError ? (
                <Typography variant="pi" textColor="danger600">
                  {t('refunds.lastError', { error: refund.lastError })}
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <RefundStatusBadge status={refund.status} />
          </Td>
          <Td>
            <Typography textColor="neutral800">
              {refund.operator?.name ? `${requesterLabel(refund.requestedBy)} · ${refund.operator.name}` : requesterLabel(refund.requestedBy)}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{formatShanghaiTimestamp(refund.createdAt)}</Typography>
          </Td>
          <Td>
            {canRetry && isRetryableRefund(refund.status) ? (
              <TextButton onClick={() => onRetry(refund)}>{t('refunds.retry')}</TextButton>
            ) : null}
          </Td>
        </Tr>
      ))}
    </ListTable>
  );
}

/** The decrypted / parsed notification as the channel sent it, for disputes; folded by default. */
function RawNotification({ raw }: { raw: unknown }) {
  const t = useT();
  const [shown, setShown] = React.useState(false);
  if (raw === null || raw === undefined) return <Typography textColor="neutral600">{t('detail.raw.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box>
        <TextButton onClick={() => setShown((s) => !s)}>{shown ? t('detail.raw.hide') : t('detail.raw.show')}</TextButton>
      </Box>
      {shown ? (
        <Box background="neutral100" padding={3} hasRadius style={{ maxHeight: '24rem', overflow: 'auto' }}>
          <pre style={{ margin: 0, fontSize: '1.2rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(raw, null, 2)}</pre>
        </Box>
      ) : null}
    </Flex>
  );
}

type Dialog = { kind: 'refund' } | { kind: 'retry'; refund: RefundRecord } | null;

export function PaymentDetailModal({ canRefund, ...binding }: Props) {
  const t = useT();
  const text = useKitText();
  const detail = usePaymentDetail(binding.documentId);
  const payment = detail.data;
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const refundable = Boolean(payment && canRefund && acceptsRefunds(payment.status) && payment.stage !== 'topup' && payment.refundable > 0);

  return (
    <DetailModal
      {...binding}
      text={text}
      detail={detail}
      maxWidth="110rem"
      title={(entry) => t('detail.title', { outTradeNo: entry.outTradeNo })}
      badge={(entry) => <PaymentStatusBadge status={entry.status} />}
      actions={
        refundable ? (
          <Button variant="danger-light" onClick={() => setDialog({ kind: 'refund' })}>
            {t('refund.open')}
          </Button>
        ) : null
      }
      dialogs={(entry, done) => (
        <>
          <RefundDialog payment={entry} open={dialog?.kind === 'refund'} onOpenChange={(open) => setDialog(open ? { kind: 'refund' } : null)} onDone={done} />
          <RetryRefundDialog
            payment={entry}
            refund={dialog?.kind === 'retry' ? dialog.refund : null}
            open={dialog?.kind === 'retry'}
            onOpenChange={(open) => (open ? undefined : setDialog(null))}
            onDone={done}
          />
        </>
      )}
    >
      {(entry) => (
        <>
          <Section title={t('detail.facts')}>
            <PaymentFacts payment={entry} />
          </Section>
          <Divider />
          <Section title={t('detail.refunds')}>
            <RefundList refunds={entry.refunds} canRetry={canRefund} onRetry={(refund) => setDialog({ kind: 'retry', refund })} />
          </Section>
          <Divider />
          <Section title={t('detail.raw')}>
            <RawNotification raw={entry.rawNotification} />
          </Section>
        </>
      )}
    </DetailModal>
  );
}
