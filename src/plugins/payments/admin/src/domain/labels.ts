/**
 * Names come from the server's domain (server/src/domain/payment-labels.ts), so the page and the
 * server's messages agree; badge colours are the page's own business.
 */
import {
  acceptsRefunds,
  CHANNEL_LABELS,
  CHANNELS,
  isRetryableRefund,
  PAYMENT_STATUS_LABELS,
  PAYMENT_STATUSES,
  REFUND_REQUESTERS,
  REFUND_STATUS_LABELS,
  STAGE_LABELS,
  type PaymentStage,
  type RefundStatus,
} from '../../../server/src/domain/payment-labels';
import type { PaymentStatus } from '../../../server/src/domain/payment-status';
import type { Channel } from '../../../server/src/providers/types';

export { acceptsRefunds, CHANNELS, isRetryableRefund, PAYMENT_STATUSES };
export type { Channel, PaymentStage, PaymentStatus, RefundStatus };

const named = (labels: Readonly<Record<string, string>>) => (value: string | null | undefined) => (value ? labels[value] ?? value : '—');

export const channelLabel = named(CHANNEL_LABELS);
export const paymentStatusLabel = named(PAYMENT_STATUS_LABELS);
export const stageLabel = named(STAGE_LABELS);
export const refundStatusLabel = named(REFUND_STATUS_LABELS);
export const requesterLabel = named(REFUND_REQUESTERS);

export type BadgeTone = 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

/** Money in: green; money (partly) back: purple/amber; needs a human: red; nothing happened: grey. */
const PAYMENT_TONES: Readonly<Record<PaymentStatus, BadgeTone>> = {
  created: 'neutral',
  paid: 'success',
  closed: 'neutral',
  refunded: 'secondary',
  partially_refunded: 'warning',
  review: 'danger',
};

const REFUND_TONES: Readonly<Record<RefundStatus, BadgeTone>> = {
  pending: 'warning',
  processing: 'primary',
  success: 'success',
  failed: 'danger',
  // Held for 支付流水: WeChat could not pay it back to the original account.
  abnormal: 'danger',
};

export const paymentTone = (status: string): BadgeTone => PAYMENT_TONES[status as PaymentStatus] ?? 'neutral';
export const refundTone = (status: string): BadgeTone => REFUND_TONES[status as RefundStatus] ?? 'neutral';
