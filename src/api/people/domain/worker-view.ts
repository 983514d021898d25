import { workerDisplayName } from './privacy';

/**
 * What anyone may see of a worker (API.md "worker (public view)"): no real name, ID number,
 * phone or exact home position.
 */
export interface PublicWorker {
  documentId: string;
  displayName: string;
  gender: 'male' | 'female';
  city: string | null;
  cityName: string | null;
  photo: string | null;
  bio: string | null;
  skills: Array<{ slug: string; name: string; level: number }>;
  certificates: Array<{ type: string; name: string | null; verified: boolean }>;
  experienceYears: number;
  idVerified: boolean;
  rating: number;
  ratings: { quality: number; attitude: number; skill: number };
  reviewCount: number;
  completedOrders: number;
}

const num = (value: unknown, fallback = 0): number => {
  const n = typeof value === 'string' ? Number(value) : (value as number);
  return Number.isFinite(n) ? n : fallback;
};

const oneDecimal = (value: unknown) => Math.round(num(value, 5) * 10) / 10;

export function toPublicWorker(row: any): PublicWorker {
  return {
    documentId: row.documentId,
    displayName: workerDisplayName(row.realName ?? '', row.gender),
    gender: row.gender,
    city: row.city?.adcode ?? null,
    cityName: row.city?.name ?? null,
    photo: row.photo?.url ?? null,
    bio: row.bio ?? null,
    skills: (row.skills ?? [])
      .filter((s: any) => s.skill)
      .map((s: any) => ({ slug: s.skill.slug, name: s.skill.name, level: s.level })),
    certificates: (row.certificates ?? []).map((c: any) => ({ type: c.type, name: c.name ?? null, verified: Boolean(c.verified) })),
    experienceYears: num(row.experienceYears),
    idVerified: Boolean(row.idVerified),
    rating: oneDecimal(row.rating),
    ratings: { quality: oneDecimal(row.ratingQuality), attitude: oneDecimal(row.ratingAttitude), skill: oneDecimal(row.ratingSkill) },
    reviewCount: num(row.reviewCount),
    completedOrders: num(row.completedOrders),
  };
}
