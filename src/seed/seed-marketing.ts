import { DEFAULT_SETTINGS } from '../api/settings/settings-defaults';
import { GIFTS, COUPONS } from './marketing';
import { MESSAGE_TEMPLATES } from './message-templates';
import { documents, KeyMap, syncDocument, type SeedContext } from './seed-context';
import type { SeedMedia } from './seed-media';

export async function seedCoupons(ctx: SeedContext, categories: KeyMap): Promise<KeyMap> {
  const coupons = new KeyMap('coupon');
  for (const coupon of COUPONS) {
    const doc = await syncDocument(
      ctx,
      'api::marketing.coupon',
      { code: coupon.code },
      {
        code: coupon.code,
        name: coupon.name,
        type: coupon.type,
        amountOff: coupon.amountOff ?? null,
        percentOff: coupon.percentOff ?? null,
        maxDiscount: coupon.maxDiscount ?? null,
        minSpend: coupon.minSpend,
        categories: coupon.categories.map((slug) => categories.get(slug)),
        validFrom: null,
        validUntil: null,
        validDays: coupon.validDays,
        stock: coupon.stock ?? null,
        perUserLimit: coupon.perUserLimit,
        claimable: coupon.claimable,
        description: coupon.description,
      },
      // Operators switch coupons on and off; issuedCount is maintained by granting.
      { populate: ['categories'], createOnly: { active: true, issuedCount: 0 } },
    );
    coupons.set(coupon.code, doc.documentId);
  }
  ctx.log(`coupons: ${COUPONS.length}`);
  return coupons;
}

export async function seedGifts(ctx: SeedContext, media: SeedMedia, coupons: KeyMap): Promise<void> {
  for (const gift of GIFTS) {
    await syncDocument(
      ctx,
      'api::marketing.gift',
      { name: gift.name },
      {
        name: gift.name,
        kind: gift.kind,
        coupon: gift.coupon ? coupons.get(gift.coupon) : null,
        pointsCost: gift.pointsCost,
        description: gift.description,
        sort: gift.sort,
        image: await media.fileId(gift.image, gift.name),
      },
      // Stock goes down as members redeem; set it once.
      { populate: ['coupon', 'image'], createOnly: { active: true, stock: gift.stock ?? null } },
    );
  }
  ctx.log(`gifts: ${GIFTS.length}`);
}

export async function seedMessageTemplates(ctx: SeedContext): Promise<void> {
  for (const template of MESSAGE_TEMPLATES) {
    await syncDocument(
      ctx,
      'api::settings.message-template',
      { code: template.code, channel: template.channel },
      { ...template },
      { createOnly: { active: true } },
    );
  }
  ctx.log(`message templates: ${MESSAGE_TEMPLATES.length}`);
}

/** Settings groups written to the single type; category commissions stay empty (default rate). */
const SETTING_GROUPS = [
  'timezone',
  'businessHours',
  'booking',
  'dispatch',
  'cancellationPolicy',
  'commission',
  'points',
  'rating',
  'sms',
] as const;

const isUnset = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * Fills the platform-setting single type with the shipped defaults so operators see and edit
 * real values. Groups an operator already saved are never overwritten.
 */
export async function seedPlatformSettings(ctx: SeedContext): Promise<void> {
  const uid = 'api::settings.platform-setting';
  const api = documents(ctx.strapi, uid);
  const existing = await api.findFirst({ populate: [...SETTING_GROUPS.filter((g) => g !== 'timezone')] });
  const defaults = Object.fromEntries(SETTING_GROUPS.map((group) => [group, DEFAULT_SETTINGS[group]]));
  if (!existing) {
    await api.create({ data: defaults });
    ctx.changes.created += 1;
    ctx.log('platform settings: created from defaults');
    return;
  }
  const missing = SETTING_GROUPS.filter((group) => isUnset(existing[group]));
  if (missing.length === 0) return;
  await api.update({ documentId: existing.documentId, data: Object.fromEntries(missing.map((g) => [g, defaults[g]])) });
  ctx.changes.updated += 1;
  ctx.log(`platform settings: filled ${missing.join(', ')}`);
}
