/** Amounts arrive in fen; operators read yuan with two decimals (the runtime's formatter, so ¥ reads the same everywhere). */
import { formatYuan as formatFen } from '../../runtime/money';

/** 12345 → "¥123.45"; a missing amount → "—". */
export function formatYuan(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '—';
  return formatFen(Math.round(fen));
}
