import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Checkbox, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '../../../../../admin/kit/ConfirmDialog';
import { ReasonField } from '../../../../../admin/kit/ReasonField';
import type { OrderDetail } from '../api/contracts';
import { useCityWorkers } from '../api/reference-data';
import { useOrderActions } from '../api/use-orders';
import { useKitText, useT, type MessageKey } from '../i18n';

const REASON_MAX = 200;

function OrderReasonField({ value, onChange, label }: { value: string; onChange(value: string): void; label: MessageKey }) {
  const t = useT();
  return (
    <ReasonField
      label={t(label)}
      hint={t('action.reason.hint', { max: REASON_MAX })}
      placeholder={t('action.reason.placeholder')}
      maxLength={REASON_MAX}
      value={value}
      onChange={onChange}
    />
  );
}

/** Approved, active workers of the order's city; the server checks skill and time on assignment. */
function WorkerField({ order, value, onChange, required, label }: { order: OrderDetail; value: string; onChange(value: string): void; required: boolean; label: MessageKey }) {
  const t = useT();
  const { items, isLoading, failed } = useCityWorkers(order.city);
  const candidates = items.filter((w) => w.documentId !== order.worker?.documentId);
  const hint = failed ? t('action.worker.failed') : required ? t('action.worker.hint') : t('action.worker.optionalHint');
  return (
    <Field.Root name="worker" required={required} hint={hint}>
      <Field.Label>{t(label)}</Field.Label>
      <SingleSelect
        placeholder={isLoading ? t('action.worker.loading') : t('action.worker.placeholder')}
        value={value || null}
        onChange={(next: string | number) => onChange(String(next))}
        onClear={value && !required ? () => onChange('') : undefined}
        clearLabel={t('filters.clear')}
        disabled={isLoading}
      >
        {candidates.map((worker) => (
          <SingleSelectOption key={worker.documentId} value={worker.documentId}>
            {[worker.displayName, worker.skills.map((s) => s.name).join('、'), t('action.worker.rating', { rating: worker.rating.toFixed(1) })]
              .filter(Boolean)
              .join(' · ')}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  );
}

interface OrderDialogProps {
  order: OrderDetail;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Receives the order as the server left it after the action. */
  onDone(order: OrderDetail): void;
}

/**
 * What every order dialog shares: the kit dialog's state and words (spread onto ConfirmDialog), the
 * order actions, and what follows a success: the fresh order handed up, the dialog closed, a toast.
 */
function useOrderDialog({ open, onOpenChange, onDone }: Omit<OrderDialogProps, 'order'>) {
  const text = useKitText();
  const actions = useOrderActions();
  const { toggleNotification } = useNotification();
  const succeeded = (order: OrderDetail, message: string) => {
    onDone(order);
    onOpenChange(false);
    toggleNotification({ type: 'success', message });
  };
  return { dialog: { open, onOpenChange, text }, actions, succeeded };
}

export function CancelOrderDialog({ order, ...props }: OrderDialogProps) {
  const t = useT();
  const { dialog, actions, succeeded } = useOrderDialog(props);
  const [reason, setReason] = React.useState('');
  const [waiveFee, setWaiveFee] = React.useState(false);

  return (
    <ConfirmDialog
      {...dialog}
      onOpen={() => {
        setReason('');
        setWaiveFee(false);
      }}
      title={t('cancel.title', { orderNo: order.orderNo })}
      confirmLabel={t('cancel.confirm')}
      danger
      canConfirm={reason.trim().length > 0}
      onConfirm={async () => succeeded(await actions.cancel(order.documentId, reason.trim(), waiveFee), t('cancel.done'))}
    >
      <Typography textColor="neutral700">{t('cancel.explain')}</Typography>
      <OrderReasonField value={reason} onChange={setReason} label="cancel.reason" />
      <Checkbox checked={waiveFee} onCheckedChange={(checked) => setWaiveFee(checked === true)}>
        {t('cancel.waiveFee')}
      </Checkbox>
    </ConfirmDialog>
  );
}

export function ReassignOrderDialog({ order, ...props }: OrderDialogProps) {
  const t = useT();
  const { dialog, actions, succeeded } = useOrderDialog(props);
  const [reason, setReason] = React.useState('');
  const [worker, setWorker] = React.useState('');

  return (
    <ConfirmDialog
      {...dialog}
      onOpen={() => {
        setReason('');
        setWorker('');
      }}
      title={t('reassign.title', { orderNo: order.orderNo })}
      confirmLabel={t('reassign.confirm')}
      canConfirm={reason.trim().length > 0}
      onConfirm={async () => succeeded(await actions.reassign(order.documentId, reason.trim(), worker || undefined), t('reassign.done'))}
    >
      <Typography textColor="neutral700">
        {t('reassign.explain', { worker: order.workerName ?? order.worker?.displayName ?? '—' })}
      </Typography>
      <OrderReasonField value={reason} onChange={setReason} label="reassign.reason" />
      {props.open ? <WorkerField order={order} value={worker} onChange={setWorker} required={false} label="reassign.worker" /> : null}
    </ConfirmDialog>
  );
}

export function AssignWorkerDialog({ order, ...props }: OrderDialogProps) {
  const t = useT();
  const { dialog, actions, succeeded } = useOrderDialog(props);
  const [worker, setWorker] = React.useState('');

  return (
    <ConfirmDialog
      {...dialog}
      onOpen={() => setWorker('')}
      title={t('assign.title', { orderNo: order.orderNo })}
      confirmLabel={t('assign.confirm')}
      canConfirm={worker.length > 0}
      onConfirm={async () => succeeded(await actions.assign(order.documentId, worker), t('assign.done'))}
    >
      <Typography textColor="neutral700">{t('assign.explain')}</Typography>
      {props.open ? <WorkerField order={order} value={worker} onChange={setWorker} required label="assign.worker" /> : null}
    </ConfirmDialog>
  );
}
