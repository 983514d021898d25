import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_ADMIN } from './accounts';
import { seedAdmins } from './seed-admins';
import { seedCatalog, seedCities } from './seed-catalog';
import type { SeedContext } from './seed-context';
import { seedCoupons, seedGifts, seedMessageTemplates, seedPlatformSettings } from './seed-marketing';
import { SeedMedia } from './seed-media';
import { seedMember, seedWorkers } from './seed-people';
import type { SeedSummary } from './types';

export type { SeedSummary } from './types';

export interface SeedDemoOptions {
  /** Demo member, workers, admin and staff. Ignored (never created) when NODE_ENV=production. */
  accounts: boolean;
  /** Upload the shipped pictures and link them. */
  images: boolean;
  /** With images on, upload only the assets this accepts (tests keep uploads small). */
  imageFilter?: (fileName: string) => boolean;
  log?: (message: string) => void;
  /** Grant time of the member's coupons; defaults to now. */
  now?: Date;
}

const COUNTED: Record<keyof SeedSummary['counts'], string> = {
  cities: 'api::settings.city',
  categories: 'api::catalog.service-category',
  skills: 'api::catalog.skill',
  serviceItems: 'api::catalog.service-item',
  workers: 'api::people.worker',
  users: 'plugin::users-permissions.user',
  customerProfiles: 'api::people.customer-profile',
  addresses: 'api::people.address',
  coupons: 'api::marketing.coupon',
  userCoupons: 'api::marketing.user-coupon',
  gifts: 'api::marketing.gift',
  pointsEntries: 'api::marketing.points-entry',
  messageTemplates: 'api::settings.message-template',
  platformSettings: 'api::settings.platform-setting',
  cityOperators: 'api::settings.city-operator',
  adminUsers: 'admin::user',
  files: 'plugin::upload.file',
};

async function countRows(strapi: Core.Strapi): Promise<SeedSummary['counts']> {
  const entries = await Promise.all(
    Object.entries(COUNTED).map(async ([key, uid]) => [key, await strapi.db.query(uid as UID.Schema).count()] as const),
  );
  return Object.fromEntries(entries) as SeedSummary['counts'];
}

/**
 * Seeds the demo data of API.md "Demo data". Idempotent: every record is looked up by its
 * natural key (adcode, slug, code, email) and only created or updated when it differs.
 */
export async function seedDemo(strapi: Core.Strapi, options: SeedDemoOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const ctx: SeedContext = { strapi, log, changes: { created: 0, updated: 0 }, skipped: [] };
  const production = process.env.NODE_ENV === 'production';
  const accounts = options.accounts && !production;
  if (options.accounts && production) {
    ctx.skipped.push('demo accounts: NODE_ENV=production');
    log('skipped demo accounts: NODE_ENV=production');
  }

  const media = new SeedMedia(ctx, { enabled: options.images, filter: options.imageFilter });
  const cities = await seedCities(ctx);
  const catalog = await seedCatalog(ctx, media);
  const coupons = await seedCoupons(ctx, catalog.categories);
  await seedGifts(ctx, media, coupons);
  await seedMessageTemplates(ctx);
  await seedPlatformSettings(ctx);

  if (accounts) {
    const admin = {
      email: process.env.ADMIN_EMAIL || DEFAULT_ADMIN.email,
      password: process.env.ADMIN_PASSWORD || DEFAULT_ADMIN.password,
      firstname: DEFAULT_ADMIN.firstname,
      lastname: DEFAULT_ADMIN.lastname,
    };
    await seedMember(ctx, { cities, categories: catalog.categories, coupons }, options.now ?? new Date());
    await seedWorkers(ctx, media, { cities, skills: catalog.skills }, admin.email);
    await seedAdmins(ctx, admin, cities);
  }

  return { counts: await countRows(strapi), changes: ctx.changes, skipped: ctx.skipped };
}
