/** 收藏: what a member may favourite. */

export const FAVOURITE_KINDS = ['worker', 'item'] as const;
export type FavouriteKind = (typeof FAVOURITE_KINDS)[number];

/** A member keeps at most this many favourites per kind; a list beyond it is no longer a shortlist. */
export const MAX_FAVOURITES_PER_KIND = 200;
