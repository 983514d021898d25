import { CATEGORIES, SERVICE_ITEMS, SKILLS } from './catalog';
import { CITIES } from './cities';
import { KeyMap, syncDocument, type SeedContext } from './seed-context';
import type { SeedMedia } from './seed-media';

// `active` flags and sales counters are set on create only: after that they belong to the
// operators and the order flow, and a re-run must not undo their changes.
const LIVE_DEFAULTS = { active: true };

export interface CatalogKeys {
  categories: KeyMap;
  skills: KeyMap;
  items: KeyMap;
}

export async function seedCities(ctx: SeedContext): Promise<KeyMap> {
  const cities = new KeyMap('city');
  for (const city of CITIES) {
    const doc = await syncDocument(
      ctx,
      'api::settings.city',
      { adcode: city.adcode },
      { ...city },
      { createOnly: LIVE_DEFAULTS },
    );
    cities.set(city.adcode, doc.documentId);
  }
  ctx.log(`cities: ${CITIES.length}`);
  return cities;
}

export async function seedCatalog(ctx: SeedContext, media: SeedMedia): Promise<CatalogKeys> {
  const categories = new KeyMap('category');
  for (const category of CATEGORIES) {
    const doc = await syncDocument(
      ctx,
      'api::catalog.service-category',
      { slug: category.slug },
      {
        name: category.name,
        slug: category.slug,
        sort: category.sort,
        description: category.description,
        parent: null,
        icon: await media.fileId(category.icon, `${category.name}图标`),
      },
      { populate: ['icon', 'parent'], createOnly: LIVE_DEFAULTS },
    );
    categories.set(category.slug, doc.documentId);
  }

  const skills = new KeyMap('skill');
  for (const skill of SKILLS) {
    const doc = await syncDocument(
      ctx,
      'api::catalog.skill',
      { slug: skill.slug },
      { name: skill.name, slug: skill.slug, description: skill.description, category: categories.get(skill.category), requiredCertificate: skill.requiredCertificate ?? null },
      { populate: ['category'] },
    );
    skills.set(skill.slug, doc.documentId);
  }

  const items = new KeyMap('service item');
  for (const item of SERVICE_ITEMS) {
    const gallery: number[] = [];
    for (const [index, file] of item.gallery.entries()) {
      const id = await media.fileId(file, `${item.name}服务场景${index + 1}`);
      if (id !== undefined) gallery.push(id);
    }
    const doc = await syncDocument(
      ctx,
      'api::catalog.service-item',
      { slug: item.slug },
      {
        name: item.name,
        slug: item.slug,
        category: categories.get(item.category),
        sort: item.sort,
        summary: item.summary,
        description: item.description,
        process: item.process.map((step) => ({
          title: step.title,
          description: step.description,
          minutes: step.minutes ?? null,
        })),
        effect: item.effect,
        durationMinutes: item.durationMinutes,
        unit: item.unit,
        price: item.price,
        originalPrice: item.originalPrice ?? null,
        minQuantity: item.minQuantity,
        maxQuantity: item.maxQuantity ?? null,
        depositPercent: item.depositPercent,
        priceNote: item.priceNote ?? null,
        tags: item.tags.map((label) => ({ label })),
        packages: item.packages.map((p) => ({ ...p, active: true })),
        skills: item.skills.map((slug) => skills.get(slug)),
        cover: await media.fileId(item.cover, `${item.name}封面`),
        gallery: gallery.length > 0 ? gallery : undefined,
      },
      {
        populate: ['category', 'skills', 'cover', 'gallery', 'process', 'tags', 'packages'],
        createOnly: { ...LIVE_DEFAULTS, salesCount: item.salesCount },
      },
    );
    items.set(item.slug, doc.documentId);
  }
  ctx.log(`catalog: ${CATEGORIES.length} categories, ${SKILLS.length} skills, ${SERVICE_ITEMS.length} service items`);
  return { categories, skills, items };
}
