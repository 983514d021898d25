import * as React from 'react';
import { Box, Button, Divider, Flex, Grid, Loader, Modal, Typography } from '@strapi/design-system';
import type { OrderDetail } from '../api/contracts';
import { useOrderDetail } from '../api/use-orders';
import { operatorActions, PAYMENT_MODE_LABELS, SOURCE_LABELS } from '../domain/labels';
import { formatYuan } from '../domain/money';
import { formatShanghaiDateTime } from '../domain/shanghai-time';
import { describeProblem, useT, type MessageKey } from '../i18n';
import { ExceptionBadges, OrderStatusBadge } from './OrderBadges';
import { AssignWorkerDialog, CancelOrderDialog, ReassignOrderDialog } from './OrderActionDialogs';
import { OrderTimeline } from './OrderTimeline';

interface Props {
  documentId: string | null;
  canManage: boolean;
  cityName(order: OrderDetail): string;
  onClose(): void;
  /** An action changed the order: the list behind should re-read. */
  onChanged(): void;
}

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800">{children}</Typography>
  </Grid.Item>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={3}>
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
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

export function OrderDetailModal({ documentId, canManage, cityName, onClose, onChanged }: Props) {
  const t = useT();
  const { order, error, isLoading, replace } = useOrderDetail(documentId);
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const allowed = order && canManage ? operatorActions(order.status) : { cancel: false, reassign: false, assign: false };

  const done = (next: OrderDetail) => {
    replace(next);
    onChanged();
  };

  return (
    <Modal.Root open={documentId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {/* Facts and timeline side by side need more than the default 83rem. */}
      <Modal.Content style={{ maxWidth: '120rem' }}>
        <Modal.Header closeLabel={t('detail.close')}>
          <Flex gap={3}>
            <Modal.Title>{order ? t('detail.title', { orderNo: order.orderNo }) : t('detail.loading')}</Modal.Title>
            {order ? <OrderStatusBadge status={order.status} /> : null}
          </Flex>
        </Modal.Header>
        <Modal.Body>
          {order ? (
            <Flex direction="column" alignItems="stretch" gap={6}>
              {order.exceptions.length ? (
                <Flex gap={2} padding={3} background="danger100" hasRadius>
                  <Typography fontWeight="bold" textColor="danger700">
                    {t('detail.exceptions')}
                  </Typography>
                  <ExceptionBadges exceptions={order.exceptions} />
                </Flex>
              ) : null}
              <Grid.Root gap={6}>
                <Grid.Item col={7} s={12} direction="column" alignItems="stretch" gap={6}>
                  <Section title={t('detail.facts')}>
                    <OrderFacts order={order} cityName={cityName(order)} />
                  </Section>
                  <Divider />
                  <Section title={t('detail.amounts')}>
                    <OrderAmounts order={order} />
                  </Section>
                </Grid.Item>
                <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                  <Section title={t('detail.timeline')}>
                    <OrderTimeline events={order.events ?? []} />
                  </Section>
                </Grid.Item>
              </Grid.Root>
            </Flex>
          ) : error ? (
            <Typography textColor="danger600" role="alert">
              {describeProblem(t, error, 'error.detailFailed')}
            </Typography>
          ) : isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('detail.loading')}</Loader>
            </Flex>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('detail.close')}</Button>
          </Modal.Close>
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
        </Modal.Footer>
        {order ? (
          <>
            <CancelOrderDialog order={order} open={dialog === 'cancel'} onOpenChange={(open) => setDialog(open ? 'cancel' : null)} onDone={done} />
            <ReassignOrderDialog order={order} open={dialog === 'reassign'} onOpenChange={(open) => setDialog(open ? 'reassign' : null)} onDone={done} />
            <AssignWorkerDialog order={order} open={dialog === 'assign'} onOpenChange={(open) => setDialog(open ? 'assign' : null)} onDone={done} />
          </>
        ) : null}
      </Modal.Content>
    </Modal.Root>
  );
}
