/**
 * Date bounds of admin list filters. A plain `YYYY-MM-DD` means that business day (Asia/Shanghai
 * by default), not UTC midnight, which is 08:00 there and would drop the morning's orders: `from`
 * is the day's first instant, `to` includes the whole day (the next day's first instant, exclusive).
 * A full ISO instant (what the admin page sends) is taken as is.
 *   from 2026-11-30 → 2026-11-29T16:00:00Z;  to 2026-11-30 → 2026-11-30T16:00:00Z
 */
import { fromZonedTime, DEFAULT_TIMEZONE } from '../../../../../runtime/clock';
import { validationFailed } from '../../../../../runtime/errors';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDateFilter(text: string, bound: 'from' | 'to', timeZone = DEFAULT_TIMEZONE): Date {
  const match = YMD.exec(text);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      throw validationFailed('日期无效', { field: bound });
    }
    const start = fromZonedTime({ year, month, day: day + (bound === 'to' ? 1 : 0), hour: 0, minute: 0 }, timeZone);
    return start;
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw validationFailed('日期无效，请使用 YYYY-MM-DD 或 ISO 8601 时间', { field: bound });
  return at;
}
