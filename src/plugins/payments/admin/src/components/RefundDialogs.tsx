import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Field, TextInput, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '../../../../../admin/kit/ConfirmDialog';
import { ReasonField } from '../../../../../admin/kit/ReasonField';
import { formatYuan } from '../../../../../admin/kit/money';
import type { PaymentDetail, RefundOutcome, RefundRecord } from '../api/contracts';
import { useRefundActions } from '../api/use-payments';
import { channelLabel, type RefundStatus } from '../domain/labels';
import { checkRefundAmount } from '../domain/money';
import { useKitText, useT, type MessageKey } from '../i18n';

const REASON_MAX = 200;

interface DialogProps {
  payment: PaymentDetail;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Receives the payment as the server left it after the action. */
  onDone(payment: PaymentDetail): void;
}

/**
 * What both refund dialogs share: the kit dialog's state and words (spread onto ConfirmDialog), the
 * refund actions, and what follows: the fresh payment handed up, the dialog closed, and a toast
 * that says what happened to the refund (one the channel did not complete at once is no success).
 */
function useRefundDialog({ open, onOpenChange, onDone }: Omit<DialogProps, 'payment'>, prefix: 'refund' | 'retry') {
  const t = useT();
  const text = useKitText();
  const actions = useRefundActions();
  const { toggleNotification } = useNotification();
  const settled = (outcome: RefundOutcome) => {
    onDone(outcome.payment);
    onOpenChange(false);
    const status: RefundStatus = outcome.refund?.status ?? 'pending';
    const type = status === 'success' ? 'success' : status === 'processing' ? 'info' : 'warning';
    toggleNotification({ type, message: t(`${prefix}.done.${status}` as MessageKey) });
  };
  return { dialog: { open, onOpenChange, text }, actions, settled };
}

/** Partial or full refund in yuan, at most what is left, with a reason. */
export function RefundDialog({ payment, ...props }: DialogProps) {
  const t = useT();
  const { dialog, actions, settled } = useRefundDialog(props, 'refund');
  const [amount, setAmount] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [touched, setTouched] = React.useState(false);

  const max = formatYuan(payment.refundable);
  const check = checkRefundAmount(amount, payment.refundable);
  const amountError = touched && !check.ok ? t(check.error, { max }) : undefined;

  return (
    <ConfirmDialog
      {...dialog}
      onOpen={() => {
        setAmount('');
        setReason('');
        setTouched(false);
      }}
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
      <ReasonField
        label={t('refund.reason')}
        hint={t('refund.reason.hint', { max: REASON_MAX })}
        placeholder={t('refund.reason.placeholder')}
        maxLength={REASON_MAX}
        value={reason}
        onChange={setReason}
      />
    </ConfirmDialog>
  );
}

/** Sends a pending or failed refund to the channel again. */
export function RetryRefundDialog({ payment, refund, ...props }: DialogProps & { refund: RefundRecord | null }) {
  const t = useT();
  const { dialog, actions, settled } = useRefundDialog(props, 'retry');
  if (!refund) return null;
  return (
    <ConfirmDialog
      {...dialog}
      title={t('retry.title', { outRefundNo: refund.outRefundNo })}
      confirmLabel={t('retry.confirm')}
      canConfirm
      onConfirm={async () => settled(await actions.retry(refund.documentId))}
    >
      <Typography textColor="neutral700">{t('retry.explain', { amount: formatYuan(refund.amount), channel: channelLabel(payment.channel) })}</Typography>
      {refund.lastError ? <Typography textColor="danger600">{t('refunds.lastError', { error: refund.lastError })}</Typography> : null}
    </ConfirmDialog>
  );
}
