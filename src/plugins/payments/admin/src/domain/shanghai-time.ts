/**
 * Payments are reconciled against channel statements in Beijing time, whatever the operator's
 * browser zone says. Day bounds are the orders monitor's (same business days).
 */
import { DEFAULT_TIMEZONE, zonedParts } from '../../../../../runtime/clock';

export { isYmd, pickedDateOfYmd, shanghaiDayEnd, shanghaiDayStart, ymdOfPickedDate } from '../../../../orders/admin/src/domain/shanghai-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-26T07:33:36.000Z" → "2026-11-26 15:33:36" (to the second, as channel statements list them). */
export function formatShanghaiTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const p = zonedParts(at, DEFAULT_TIMEZONE);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}
