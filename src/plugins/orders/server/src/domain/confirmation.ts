/**
 * 确认完成: a completed order waits for the member's confirmation (or the system's, after
 * booking.autoConfirmHours) before it counts as settled for the worker. Not a status of its own:
 * clients and the transition table know `completed`; confirmation is a fact recorded on it.
 */
export type ConfirmedBy = 'member' | 'system' | 'operator';
export type ConfirmationStatus = 'pending' | 'confirmed';

export const CONFIRMATION_LABELS: Record<ConfirmationStatus, string> = { pending: '待确认', confirmed: '已确认' };

const HOUR_MS = 3_600_000;

/** When the system confirms an order completed at `completedAt`; 0 hours means at completion. */
export function autoConfirmDeadline(completedAt: Date, hours: number): Date {
  return new Date(completedAt.getTime() + Math.max(0, hours) * HOUR_MS);
}

export interface ConfirmationFacts {
  orderStatus: string;
  completedAt?: string | Date | null;
  autoConfirmAt?: string | Date | null;
  confirmedAt?: string | Date | null;
  confirmedBy?: ConfirmedBy | null;
}

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

/** The view's `confirmation`: null until the order is completed. */
export function confirmationView(row: ConfirmationFacts) {
  if (row.orderStatus !== 'completed') return null;
  const status: ConfirmationStatus = row.confirmedAt ? 'confirmed' : 'pending';
  return {
    status,
    label: CONFIRMATION_LABELS[status],
    confirmedAt: iso(row.confirmedAt),
    confirmedBy: row.confirmedBy ?? null,
    autoConfirmAt: iso(row.autoConfirmAt),
  };
}

/**
 * Whether the system should confirm the order now (the job and the sweep ask the same question).
 * Orders completed before confirmation existed carry no deadline: theirs is completion + `hours`.
 */
export function autoConfirmDue(row: ConfirmationFacts, now: Date, hours: number): boolean {
  if (row.orderStatus !== 'completed' || row.confirmedAt) return false;
  const deadline = row.autoConfirmAt ? new Date(row.autoConfirmAt) : row.completedAt ? autoConfirmDeadline(new Date(row.completedAt), hours) : null;
  return deadline !== null && deadline.getTime() <= now.getTime();
}
