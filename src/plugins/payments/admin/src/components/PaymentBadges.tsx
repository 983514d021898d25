import { Badge } from '@strapi/design-system';
import { paymentStatusLabel, paymentTone, refundStatusLabel, refundTone } from '../domain/labels';

export const PaymentStatusBadge = ({ status }: { status: string }) => (
  <Badge variant={paymentTone(status)} data-status={status}>
    {paymentStatusLabel(status)}
  </Badge>
);

export const RefundStatusBadge = ({ status }: { status: string }) => (
  <Badge variant={refundTone(status)} data-refund-status={status}>
    {refundStatusLabel(status)}
  </Badge>
);
