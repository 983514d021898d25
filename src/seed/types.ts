/**
 * Shapes of the demo data. Records point at each other by natural key (slug, adcode, code,
 * email); seed-demo.ts resolves those keys to documentIds when it writes.
 * Images are file names under src/seed/assets/ (made by scripts/generate-seed-images.js).
 */

export type Adcode = '110100' | '310100' | '330100';

export interface CitySeed {
  adcode: Adcode;
  name: string;
  centerLat: number;
  centerLng: number;
  averageSpeedKmh: number;
  sort: number;
}

export interface CategorySeed {
  slug: string;
  name: string;
  sort: number;
  description: string;
  icon: string;
}

export interface SkillSeed {
  slug: string;
  name: string;
  category: string;
  description: string;
  /** The certificate a worker must hold (valid) to serve with this skill. */
  requiredCertificate?: CertificateType;
}

export interface ProcessStepSeed {
  title: string;
  description: string;
  minutes?: number;
}

export interface PackageSeed {
  code: string;
  name: string;
  quantity: number;
  /** Package price in fen for the whole quantity. */
  price: number;
  description: string;
}

export type PriceUnit = 'time' | 'hour' | 'sqm' | 'unit' | 'day' | 'month';

export interface ServiceItemSeed {
  slug: string;
  name: string;
  category: string;
  sort: number;
  summary: string;
  /** Markdown (richtext). */
  description: string;
  process: ProcessStepSeed[];
  effect: string;
  /** Length of a booking of minQuantity units, in minutes. */
  durationMinutes: number;
  unit: PriceUnit;
  /** Fen per unit. */
  price: number;
  originalPrice?: number;
  minQuantity: number;
  maxQuantity?: number;
  depositPercent: number;
  priceNote?: string;
  tags: string[];
  packages: PackageSeed[];
  skills: string[];
  salesCount: number;
  cover: string;
  gallery: string[];
}

export type CertificateType =
  | 'health'
  | 'housekeeping'
  | 'childcare'
  | 'maternity'
  | 'elderly_care'
  | 'nursing'
  | 'electrician'
  | 'plumber'
  | 'other';

export interface CertificateSeed {
  type: CertificateType;
  name: string;
  number: string;
  issuedAt: string;
  expiresAt?: string;
}

export interface WorkHistorySeed {
  employer: string;
  role: string;
  from: string;
  to?: string;
  description: string;
}

export interface WorkerSeed {
  /** worker<n>@demo.shangmen */
  n: number;
  realName: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD; the profile stores the year, the ID number the full date. */
  birthDate: string;
  /** Region code of the hometown (first 6 digits of the ID number). */
  hometownRegion: string;
  city: Adcode;
  /** Where the worker lives: a real neighbourhood of the city. */
  district: string;
  neighbourhood: string;
  homeLat: number;
  homeLng: number;
  serviceRadiusMeters: number;
  skills: Array<{ skill: string; level: number }>;
  experienceYears: number;
  certificates: CertificateSeed[];
  workHistory: WorkHistorySeed[];
  bio: string;
  rating: number;
  ratingQuality: number;
  ratingAttitude: number;
  ratingSkill: number;
  reviewCount: number;
  completedOrders: number;
  photo: string;
  approvedAt: string;
}

export interface CouponSeed {
  code: string;
  name: string;
  type: 'fixed' | 'threshold' | 'percent';
  amountOff?: number;
  percentOff?: number;
  maxDiscount?: number;
  minSpend: number;
  categories: string[];
  validDays: number;
  stock?: number;
  perUserLimit: number;
  claimable: boolean;
  description: string;
}

export interface GiftSeed {
  name: string;
  kind: 'physical' | 'coupon';
  coupon?: string;
  pointsCost: number;
  stock?: number;
  image: string;
  description: string;
  sort: number;
}

export interface MessageTemplateSeed {
  code: string;
  channel: 'sms' | 'wechat' | 'in_app';
  name: string;
  content: string;
}

export interface AddressSeed {
  contact: string;
  phone: string;
  city: Adcode;
  district: string;
  detail: string;
  lat: number;
  lng: number;
  isDefault: boolean;
}

export interface PointsEntrySeed {
  ref: string;
  delta: number;
  reason: 'order_completed' | 'review' | 'register' | 'redeem_gift' | 'admin_adjust';
  note: string;
}

export interface OperatorSeed {
  email: string;
  firstname: string;
  lastname: string;
  /** Name of the admin role created by the app's bootstrap. */
  roleName: string;
  /** City scope for 城市运营 (api::settings.city-operator). */
  cities?: Adcode[];
}

/** Counts of rows that exist after a run, and how many rows that run wrote. */
export interface SeedSummary {
  counts: {
    cities: number;
    categories: number;
    skills: number;
    serviceItems: number;
    workers: number;
    users: number;
    customerProfiles: number;
    addresses: number;
    coupons: number;
    userCoupons: number;
    gifts: number;
    pointsEntries: number;
    messageTemplates: number;
    platformSettings: number;
    cityOperators: number;
    adminUsers: number;
    files: number;
  };
  changes: { created: number; updated: number };
  /** Steps left out, with the reason (e.g. an admin role that does not exist yet). */
  skipped: string[];
}
