/**
 * How long a booking lasts. The member buys a quantity (or a package) at a price; the time the
 * worker is held follows from that, never from a number the member types in, so time and price
 * cannot drift apart (15 minutes booked for a 3-hour job, 62 days reserved for one unit's price).
 *
 *   日常保洁 (hour, 120 min default) × 3         → 180 min
 *   日常保洁, package hours-12 (quantity 12)      → 720 min (the package's hours, not the default)
 *   空调清洗 (unit, 60 min), package units-3      → 60 min (per-visit duration from the catalog)
 */
import { validationFailed } from '../../../../../runtime/errors';
import type { PackageOption } from './pricing';

export interface DurationItem {
  unit: string;
  /** The catalog's duration of one visit. */
  durationMinutes: number;
  packages?: readonly PackageOption[] | null;
}

/** The quantity a line books: a package fixes it, otherwise the member's quantity. */
export function bookedQuantity(item: Pick<DurationItem, 'packages'>, quantity: number | null | undefined, packageCode: string | null | undefined): number | null {
  if (packageCode) {
    const pkg = item.packages?.find((p) => p.code === packageCode && p.active !== false);
    if (pkg) return pkg.quantity;
  }
  return quantity ?? null;
}

/** Hourly items last as many hours as booked; everything else lasts what the catalog says. */
export function bookedDuration(item: DurationItem, quantity: number | null | undefined, packageCode?: string | null): number {
  const booked = bookedQuantity(item, quantity, packageCode);
  if (item.unit === 'hour' && booked) return booked * 60;
  return item.durationMinutes;
}

/**
 * The catalog has no duration range or step per item, so the only duration a member may send is
 * the one the booking implies (clients that echo it back keep working); anything else is refused.
 */
export function assertMemberDuration(requested: number | null | undefined, computed: number): void {
  if (requested === undefined || requested === null || requested === computed) return;
  throw validationFailed(`服务时长由服务项目和数量决定，应为 ${computed} 分钟`, {
    field: 'durationMinutes',
    reason: 'fixed_by_item',
    expected: computed,
  });
}
