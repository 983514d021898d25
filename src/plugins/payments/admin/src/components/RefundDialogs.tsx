import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Field, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { PaymentDetail, RefundOutcome, RefundRecord } from '../api/contracts';
import { useRefundActions } from '../api/use-payments';
import { channelLabel, type RefundStatus } from '../domain/labels';
import { checkRefundAmount, formatYuan } from '../domain/money';
import { useT, type MessageKey } from '../i18n';
import { ActionDialog } from './ActionDialog';

const REASON_MAX = 200;

interface DialogProps {
  payment: PaymentDetail;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Receives the payment as the server left it after the action. */
  onDone(payment: PaymentDetail): void;
}

/** A refund the channel did not complete at once is not a success: say what happened to it. */
function useSettled(onDone: DialogProps['onDone'], onOpenChange: DialogProps['onOpenChange'], prefix: 'refund' | 'retry') {
  const t = useT();
  const { toggleNotification } = useNotification();
  return (outcome: RefundOutcome) => {
    onDone(outcome.payment);
    onOpenChange(false);
    const status: RefundStatus = outcome.refund?.status ?? 'pending';
    const type = status === 'success' ? 'success' : status === 'processing' ? 'info' : 'warning';
    toggleNotification({ type, message: t(`${prefix}.done.${status}` as MessageKey) });
  };
}

/** Partial or full refund in yuan, at most what is left, with a reason. */
export function RefundDialog({ payment, open, onOpenChange, onDone }: DialogProps) {
  const t = useT();
  const actions = useRefundActions();
  const settled = useSettled(onDone, onOpenChange, 'refund');
  const [amount, setAmount] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [touched, setTouched] = React.useState(false);

  React.useEffect(() => {
    if (open) {
      setAmount('');
      setReason('');
      setTouched(false);
    }
  }, [open]);

  const max = formatYuan(payment.refundable);
  const check = checkRefundAmount(amount, payment.refundable);
  const amountError = touched && !check.ok ? t(check.error, { max }) : undefined;

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('refund.title', { outTradeNo: payment.outTradeNo })}
      confirmLabel={t('refund.confirm')}
      danger
      canConfirm={check.ok && reason.trim().length > 0}
      onConfirm={async () => {
        if (!check.ok) return;
        settled(await actions.refund(payment.documentId, check.fen, reason.trim()));
      }}
    >
      <Typography textColor="neutral700">{t('refund.explain', { channel: channelLabel(payment.channel) })}</Typography>
      <Field.Root name="amount" required error={amountError} hint={t('refund.amount.hint', { max })}>
        <Field.Label>{t('refund.amount')}</Field.Label>
        <TextInput
          inputMode="decimal"
          placeholder={t('refund.amount.placeholder')}
          value={amount}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAmount(e.target.value)}
          onBlur={() => setTouched(true)}
          startAction={<Typography textColor="neutral600">¥</Typography>}
        />
        {amountError ? <Field.Error /> : <Field.Hint />}
      </Field.Root>
      <Field.Root name="reason" required hint={t('refund.reason.hint', { max: REASON_MAX })}>
        <Field.Label>{t('refund.reason')}</Field.Label>
        <Textarea
          value={reason}
          maxLength={REASON_MAX}
          placeholder={t('refund.reason.placeholder')}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
    </ActionDialog>
  );
}

/** Sends a pending or failed refund to the channel again. */
export function RetryRefundDialog({ payment, refund, open, onOpenChange, onDone }: DialogProps & { refund: RefundRecord | null }) {
  const t = useT();
  const actions = useRefundActions();
  const settled = useSettled(onDone, onOpenChange, 'retry');
  if (!refund) return null;
  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('retry.title', { outRefundNo: refund.outRefundNo })}
      confirmLabel={t('retry.confirm')}
      canConfirm
      onConfirm={async () => settled(await actions.retry(refund.documentId))}
    >
      <Typography textColor="neutral700">{t('retry.explain', { amount: formatYuan(refund.amount), channel: channelLabel(payment.channel) })}</Typography>
      {refund.lastError ? <Typography textColor="danger600">{t('refunds.lastError', { error: refund.lastError })}</Typography> : null}
    </ActionDialog>
  );
}
