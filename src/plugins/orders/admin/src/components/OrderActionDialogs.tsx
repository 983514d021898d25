import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Button, Checkbox, Dialog, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { toRequestProblem } from '../api/api-error';
import type { OrderDetail } from '../api/contracts';
import { useCityWorkers } from '../api/reference-data';
import { useOrderActions } from '../api/use-orders';
import { describeProblem, useT, type MessageKey } from '../i18n';

const REASON_MAX = 200;

interface ActionDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  canConfirm: boolean;
  /** Runs the request; a thrown error keeps the dialog open with the server's message. */
  onConfirm(): Promise<void>;
  children: React.ReactNode;
}

/** A confirmation dialog that stays open on failure and shows why, instead of a toast that vanishes. */
function ActionDialog({ open, onOpenChange, title, confirmLabel, danger, canConfirm, onConfirm, children }: ActionDialogProps) {
  const t = useT();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (open) setError(null);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(describeProblem(t, toRequestProblem(err), 'error.actionFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill={danger ? 'danger600' : 'warning600'} />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            {children}
            {error ? (
              <Typography role="alert" textColor="danger600" data-testid="action-error">
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={busy}>
              {t('action.back')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant={danger ? 'danger-light' : 'default'} loading={busy} disabled={!canConfirm} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function ReasonField({ value, onChange, label }: { value: string; onChange(value: string): void; label: MessageKey }) {
  const t = useT();
  return (
    <Field.Root name="reason" required hint={t('action.reason.hint', { max: REASON_MAX })}>
      <Field.Label>{t(label)}</Field.Label>
      <Textarea
        value={value}
        maxLength={REASON_MAX}
        placeholder={t('action.reason.placeholder')}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
      <Field.Hint />
    </Field.Root>
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

function useSucceeded(onDone: OrderDialogProps['onDone'], onOpenChange: OrderDialogProps['onOpenChange']) {
  const { toggleNotification } = useNotification();
  return (order: OrderDetail, message: string) => {
    onDone(order);
    onOpenChange(false);
    toggleNotification({ type: 'success', message });
  };
}

export function CancelOrderDialog({ order, open, onOpenChange, onDone }: OrderDialogProps) {
  const t = useT();
  const actions = useOrderActions();
  const succeeded = useSucceeded(onDone, onOpenChange);
  const [reason, setReason] = React.useState('');
  const [waiveFee, setWaiveFee] = React.useState(false);

  React.useEffect(() => {
    if (open) {
      setReason('');
      setWaiveFee(false);
    }
  }, [open]);

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('cancel.title', { orderNo: order.orderNo })}
      confirmLabel={t('cancel.confirm')}
      danger
      canConfirm={reason.trim().length > 0}
      onConfirm={async () => succeeded(await actions.cancel(order.documentId, reason.trim(), waiveFee), t('cancel.done'))}
    >
      <Typography textColor="neutral700">{t('cancel.explain')}</Typography>
      <ReasonField value={reason} onChange={setReason} label="cancel.reason" />
      <Checkbox checked={waiveFee} onCheckedChange={(checked) => setWaiveFee(checked === true)}>
        {t('cancel.waiveFee')}
      </Checkbox>
    </ActionDialog>
  );
}

export function ReassignOrderDialog({ order, open, onOpenChange, onDone }: OrderDialogProps) {
  const t = useT();
  const actions = useOrderActions();
  const succeeded = useSucceeded(onDone, onOpenChange);
  const [reason, setReason] = React.useState('');
  const [worker, setWorker] = React.useState('');

  React.useEffect(() => {
    if (open) {
      setReason('');
      setWorker('');
    }
  }, [open]);

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('reassign.title', { orderNo: order.orderNo })}
      confirmLabel={t('reassign.confirm')}
      canConfirm={reason.trim().length > 0}
      onConfirm={async () => succeeded(await actions.reassign(order.documentId, reason.trim(), worker || undefined), t('reassign.done'))}
    >
      <Typography textColor="neutral700">
        {t('reassign.explain', { worker: order.workerName ?? order.worker?.displayName ?? '—' })}
      </Typography>
      <ReasonField value={reason} onChange={setReason} label="reassign.reason" />
      {open ? <WorkerField order={order} value={worker} onChange={setWorker} required={false} label="reassign.worker" /> : null}
    </ActionDialog>
  );
}

export function AssignWorkerDialog({ order, open, onOpenChange, onDone }: OrderDialogProps) {
  const t = useT();
  const actions = useOrderActions();
  const succeeded = useSucceeded(onDone, onOpenChange);
  const [worker, setWorker] = React.useState('');

  React.useEffect(() => {
    if (open) setWorker('');
  }, [open]);

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('assign.title', { orderNo: order.orderNo })}
      confirmLabel={t('assign.confirm')}
      canConfirm={worker.length > 0}
      onConfirm={async () => succeeded(await actions.assign(order.documentId, worker), t('assign.done'))}
    >
      <Typography textColor="neutral700">{t('assign.explain')}</Typography>
      {open ? <WorkerField order={order} value={worker} onChange={setWorker} required label="assign.worker" /> : null}
    </ActionDialog>
  );
}
