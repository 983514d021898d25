/**
 * Free time = working windows − leave − bookings. Bookings arrive already widened by the travel
 * buffer (they are the worker's held slots), so an order is free when its own buffered interval
 * misses every booking and its service time lies inside one working window and outside leave.
 *   windows Mon 09:00–18:00, leave none, booking 10:00–12:30 (10:00–12:00 + 30 min buffer)
 *   order 12:30–14:30 (held 12:30–15:00) → free; order 12:00–14:00 (held 12:00–14:30) → booked
 */
import { covers, overlapsAny, subtract, type Range } from './ranges';
import { leaveRanges, weeklyRanges, type LeavePeriod, type WeeklyWindow } from './weekly-schedule';

export interface WorkerTime {
  /** Effective windows (a worker without any gets the business hours, see defaultWeek). */
  windows: readonly WeeklyWindow[];
  leave: readonly LeavePeriod[];
  /** Held slots of accepted orders, buffer included. */
  bookings: readonly Range[];
}

export interface OrderTime {
  /** The service itself: [start, start + duration). */
  service: Range;
  /** The service plus the travel buffer after it: what the order would hold. */
  held: Range;
}

export type TimeConflict = 'outside_availability' | 'on_leave' | 'booked';

/** Why the worker cannot take an order at this time, or null when they can. */
export function timeConflict(worker: Pick<WorkerTime, 'windows' | 'leave'> & { bookings?: readonly Range[] }, order: OrderTime, timeZone: string): TimeConflict | null {
  const leave = leaveRanges(worker.leave);
  if (overlapsAny(leave, order.service)) return 'on_leave';
  const working = weeklyRanges(worker.windows, order.service.start, order.service.end, timeZone);
  if (!covers(working, order.service)) return 'outside_availability';
  if (worker.bookings && overlapsAny(worker.bookings, order.held)) return 'booked';
  return null;
}

/** What the worker has free in [from, to): for the day timeline and for "free windows" answers. */
export function freeRanges(worker: WorkerTime, from: number, to: number, timeZone: string): Range[] {
  const working = weeklyRanges(worker.windows, from, to, timeZone);
  return subtract(subtract(working, leaveRanges(worker.leave)), worker.bookings);
}
