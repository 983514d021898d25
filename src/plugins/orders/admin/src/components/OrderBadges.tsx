import { Badge, Flex } from '@strapi/design-system';
import { exceptionTone, statusLabel, statusTone } from '../domain/labels';

export const OrderStatusBadge = ({ status }: { status: string }) => (
  <Badge variant={statusTone(status)} data-status={status}>
    {statusLabel(status)}
  </Badge>
);

/** Exceptions in red (customer already affected) or orange (still recoverable). */
export const ExceptionBadges = ({ exceptions }: { exceptions: Array<{ code: string; label: string }> }) => {
  if (!exceptions.length) return null;
  return (
    <Flex gap={1} wrap="wrap">
      {exceptions.map((exception) => (
        <Badge key={exception.code} variant={exceptionTone(exception.code)} data-exception={exception.code}>
          {exception.label}
        </Badge>
      ))}
    </Flex>
  );
};
