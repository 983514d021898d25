import * as React from 'react';
import { Box, Button, Divider, Flex, Grid, Typography } from '@strapi/design-system';
import { DetailModal, DetailSection as Section, type DetailModalBinding } from '../../../../../admin/kit/DetailModal';
import { formatYuan } from '../../../../../admin/kit/money';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import type { OrderDetail } from '../api/contracts';
import { useOrderDetail } from '../api/use-orders';
import { operatorActions, PAYMENT_MODE_LABELS, SOURCE_LABELS } from '../domain/labels';
import { useKitText, useT, type MessageKey } from '../i18n';
import { ExceptionBadges, OrderStatusBadge } from './OrderBadges';
import { AssignWorkerDialog, CancelOrderDialog, ReassignOrderDialog } from './OrderActionDialogs';
import { OrderTimeline } from './OrderTimeline';

interface Props extends DetailModalBinding {
  canManage: boolean;
  cityName(order: OrderDetail): string;
}

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800">{children}</Typography>
  </Grid.Item>
);

/** Amount lines worth showing for this order; zero discounts and refunds are noise. */
function amountLines(order: OrderDetail): Array<[MessageKey, number]> {
  const a = order.amounts;
  const lines: Array<[MessageKey, number, boolean]> = [
    ['amounts.subtotal', a.subtotal, true],
    ['amounts.discount', -a.discount, a.discount > 0],
    ['amounts.points', -a.pointsDeduction, a.pointsDeduction > 0],
    ['amounts.total', a.total, true],
    ['amounts.deposit', a.deposit, order.paymentMode === 'deposit'],
    ['amounts.paid', a.paid, true],
    ['amounts.payNow', a.payNow, a.payNow > 0],
    ['amounts.cancellationFee', a.cancellationFee, a.cancellationFee > 0 || order.status === 'cancelled'],
    ['amounts.refundPending', a.refundPending, a.refundPending > 0],
    ['amounts.refunded', a.refunded, a.refunded > 0],
  ];
  return lines.filter(([, , shown]) => shown).map(([key, fen]) => [key, fen]);
}

function OrderFacts({ order, cityName }: { order: OrderDetail; cityName: string }) {
  const t = useT();
  const address = [cityName, order.address.district, order.address.detail].filter(Boolean).join(' ');
  const requirements = order.requirements ?? {};
  return (
    <Grid.Root gap={4}>
      <Fact label={t('detail.service')}>
        {t('detail.serviceValue', { name: order.serviceItem.name ?? '—', quantity: order.quantity, minutes: order.durationMinutes })}
      </Fact>
      <Fact label={t('detail.scheduledAt')}>
        {formatShanghaiDateTime(order.scheduledAt)}
        {order.instant ? ` · ${t('detail.instant')}` : ''}
      </Fact>
      <Fact label={t('detail.address')}>{address || '—'}</Fact>
      <Fact label={t('detail.contact')}>{[order.address.contact, order.address.phone].filter(Boolean).join(' ') || '—'}</Fact>
      <Fact label={t('detail.member')}>{order.member ? [order.member.nickname, order.member.phone].filter(Boolean).join(' ') : '—'}</Fact>
      <Fact label={t('detail.worker')}>
        {order.worker ? [order.workerName ?? order.worker.displayName, order.worker.phone].filter(Boolean).join(' ') : t('table.noWorker')}
      </Fact>
      <Fact label={t('detail.paymentMode')}>{PAYMENT_MODE_LABELS[order.paymentMode] ?? order.paymentMode}</Fact>
      <Fact label={t('detail.source')}>{SOURCE_LABELS[order.source] ?? order.source}</Fact>
      <Fact label={t('detail.createdAt')}>{formatShanghaiDateTime(order.timestamps.createdAt)}</Fact>
      <Fact label={t('detail.category')}>{order.category?.name ?? '—'}</Fact>
      {requirements.note ? <Fact label={t('detail.note')}>{requirements.note}</Fact> : null}
      {order.cancelReason ? <Fact label={t('detail.cancelReason')}>{order.cancelReason}</Fact> : null}
    </Grid.Root>
  );
}

function OrderAmounts({ order }: { order: OrderDetail }) {
  const t = useT();
  return (
    <Box background="neutral100" padding={4} hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {amountLines(order).map(([key, fen]) => (
          <Flex key={key} justifyContent="space-between" data-amount={key}>
            <Typography textColor="neutral700">{t(key)}</Typography>
            <Typography textColor="neutral800" fontWeight={key === 'amounts.total' ? 'bold' : undefined}>
              {formatYuan(fen)}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
}

type Dialog = 'cancel' | 'reassign' | 'assign' | null;

export function OrderDetailModal({ canManage, cityName, ...binding }: Props) {
  const t = useT();
  const text = useKitText();
  const detail = useOrderDetail(binding.documentId);
  const order = detail.data;
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const allowed = order && canManage ? operatorActions(order.status) : { cancel: false, reassign: false, assign: false };

  return (
    <DetailModal
      {...binding}
      text={text}
      detail={detail}
      // Facts and timeline side by side need more than the default 83rem.
      maxWidth="120rem"
      title={(entry) => t('detail.title', { orderNo: entry.orderNo })}
      badge={(entry) => <OrderStatusBadge status={entry.status} />}
      actions={
        <Flex gap={2}>
          {allowed.assign ? <Button onClick={() => setDialog('assign')}>{t('assign.open')}</Button> : null}
          {allowed.reassign ? (
            <Button variant="secondary" onClick={() => setDialog('reassign')}>
              {t('reassign.open')}
            </Button>
          ) : null}
          {allowed.cancel ? (
            <Button variant="danger-light" onClick={() => setDialog('cancel')}>
              {t('cancel.open')}
            </Button>
          ) : null}
        </Flex>
      }
      dialogs={(entry, done) => (
        <>
          <CancelOrderDialog order={entry} open={dialog === 'cancel'} onOpenChange={(open) => setDialog(open ? 'cancel' : null)} onDone={done} />
          <ReassignOrderDialog order={entry} open={dialog === 'reassign'} onOpenChange={(open) => setDialog(open ? 'reassign' : null)} onDone={done} />
          <AssignWorkerDialog order={entry} open={dialog === 'assign'} onOpenChange={(open) => setDialog(open ? 'assign' : null)} onDone={done} />
        </>
      )}
    >
      {(entry) => (
        <>
          {entry.exceptions.length ? (
            <Flex gap={2} padding={3} background="danger100" hasRadius>
              <Typography fontWeight="bold" textColor="danger700">
                {t('detail.exceptions')}
              </Typography>
              <ExceptionBadges exceptions={entry.exceptions} />
            </Flex>
          ) : null}
          <Grid.Root gap={6}>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch" gap={6}>
              <Section title={t('detail.facts')}>
                <OrderFacts order={entry} cityName={cityName(entry)} />
              </Section>
              <Divider />
              <Section title={t('detail.amounts')}>
                <OrderAmounts order={entry} />
              </Section>
            </Grid.Item>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Section title={t('detail.timeline')}>
                <OrderTimeline events={entry.events ?? []} />
              </Section>
            </Grid.Item>
          </Grid.Root>
        </>
      )}
    </DetailModal>
  );
}
