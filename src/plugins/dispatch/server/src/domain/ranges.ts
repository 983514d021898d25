/**
 * Time ranges as half-open intervals of epoch milliseconds, [start, end). Every function returns
 * a new, sorted, non-overlapping list and never changes its inputs (Cal.com's date-ranges style).
 *   subtract([09:00–18:00], [12:00–13:00]) → [09:00–12:00, 13:00–18:00]
 *   intersect([09:00–12:00], [11:00–14:00]) → [11:00–12:00]
 */
export interface Range {
  start: number;
  end: number;
}

export const range = (start: Date | number, end: Date | number): Range => ({ start: +start, end: +end });

/** Sorted, empty ranges dropped, touching or overlapping ranges joined: [9–11, 10–12, 12–13] → [9–13]. */
export function mergeOverlapping(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).map((r) => ({ ...r })).sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push(r);
  }
  return merged;
}

export function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  const left = mergeOverlapping(a);
  const right = mergeOverlapping(b);
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i].start, right[j].start);
    const end = Math.min(left[i].end, right[j].end);
    if (end > start) out.push({ start, end });
    if (left[i].end < right[j].end) i++;
    else j++;
  }
  return out;
}

export function subtract(from: readonly Range[], minus: readonly Range[]): Range[] {
  const cuts = mergeOverlapping(minus);
  const out: Range[] = [];
  for (const r of mergeOverlapping(from)) {
    let cursor = r.start;
    for (const cut of cuts) {
      if (cut.end <= cursor || cut.start >= r.end) continue;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= r.end) break;
    }
    if (cursor < r.end) out.push({ start: cursor, end: r.end });
  }
  return out;
}

/** True when one range of the list holds all of `target`. */
export function covers(ranges: readonly Range[], target: Range): boolean {
  return mergeOverlapping(ranges).some((r) => r.start <= target.start && r.end >= target.end);
}

export function overlapsAny(ranges: readonly Range[], target: Range): boolean {
  return ranges.some((r) => r.start < target.end && target.start < r.end);
}

export const totalLength = (ranges: readonly Range[]): number => mergeOverlapping(ranges).reduce((sum, r) => sum + r.end - r.start, 0);
