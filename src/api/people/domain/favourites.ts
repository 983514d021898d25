/** 收藏: what a member may favourite, and the small ranking nudge a favourite worker gets. */

export const FAVOURITE_KINDS = ['worker', 'item'] as const;
export type FavouriteKind = (typeof FAVOURITE_KINDS)[number];

export const FAVOURITE_KIND_LABELS: Readonly<Record<FavouriteKind, string>> = { worker: '师傅', item: '服务项目' };

/** A member keeps at most this many favourites per kind; a list beyond it is no longer a shortlist. */
export const MAX_FAVOURITES_PER_KIND = 200;

export const isFavouriteKind = (value: unknown): value is FavouriteKind =>
  typeof value === 'string' && (FAVOURITE_KINDS as readonly string[]).includes(value);
