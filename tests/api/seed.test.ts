import fs from 'fs';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemo, type SeedSummary } from '../../src/seed/seed-demo';
import { CATEGORIES, SERVICE_ITEMS } from '../../src/seed/catalog';
import { CITIES } from '../../src/seed/cities';
import { GIFTS } from '../../src/seed/marketing';
import { WORKERS } from '../../src/seed/workers';

const ASSETS = path.resolve(__dirname, '..', '..', 'src', 'seed', 'assets');

let app: TestApp;
let productionRun: SeedSummary;
let first: SeedSummary;
let second: SeedSummary;

beforeAll(async () => {
  app = await bootStrapi();
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    productionRun = await seedDemo(app.strapi, { accounts: true, images: false });
  } finally {
    process.env.NODE_ENV = env;
  }
  first = await seedDemo(app.strapi, { accounts: true, images: false });
  second = await seedDemo(app.strapi, { accounts: true, images: false });
});
afterAll(async () => {
  await app?.close();
});

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('npm run seed in production', () => {
  it('seeds catalog, cities, coupons, templates and settings but no demo account', () => {
    expect(productionRun.counts).toMatchObject({
      users: 0,
      workers: 0,
      adminUsers: 0,
      customerProfiles: 0,
      addresses: 0,
      cityOperators: 0,
    });
    expect(productionRun.counts.serviceItems).toBe(SERVICE_ITEMS.length);
    expect(productionRun.counts.cities).toBe(3);
    expect(productionRun.counts.coupons).toBeGreaterThanOrEqual(1);
    expect(productionRun.counts.messageTemplates).toBeGreaterThanOrEqual(9);
    expect(productionRun.counts.platformSettings).toBe(1);
    expect(productionRun.skipped).toContain('demo accounts: NODE_ENV=production');
  });
});

describe('seedDemo', () => {
  it('is idempotent: a second run writes nothing and duplicates nothing', () => {
    expect(first.changes.created).toBeGreaterThan(0);
    expect(second.changes).toEqual({ created: 0, updated: 0 });
    expect(second.counts).toEqual(first.counts);
    expect(first.skipped).toEqual([]);
  });

  it('seeds the three cities with their adcodes', async () => {
    const cities = await app.strapi.db.query('api::settings.city').findMany({ orderBy: { sort: 'asc' } });
    expect(cities.map((c: { adcode: string; name: string }) => [c.adcode, c.name])).toEqual([
      ['110100', '北京'],
      ['310100', '上海'],
      ['330100', '杭州'],
    ]);
  });

  it('has the six top-level categories of API.md, each with at least two active items', async () => {
    const roots = await app.strapi.db.query('api::catalog.service-category').findMany({
      where: { parent: { id: { $null: true } } },
      populate: { items: true },
      orderBy: { sort: 'asc' },
    });
    expect(roots.map((c: { slug: string; name: string }) => [c.slug, c.name])).toEqual([
      ['home-cleaning', '家庭清洁'],
      ['maternity-nanny', '月嫂保姆'],
      ['childcare', '育儿嫂'],
      ['appliance-repair', '家电维修'],
      ['plumbing', '管道疏通'],
      ['home-nursing', '家庭护理'],
    ]);
    for (const category of roots) {
      const active = category.items.filter((i: { active: boolean }) => i.active);
      expect({ slug: category.slug, active: active.length >= 2 }).toEqual({ slug: category.slug, active: true });
    }
  });

  it('lists 日常保洁, 深度清洁 and 开荒保洁 under home-cleaning in the public API', async () => {
    const res = await app.http
      .get('/api/service-items')
      .query({ 'filters[category][slug][$eq]': 'home-cleaning', 'pagination[pageSize]': 50 })
      .expect(200);
    const bySlug = new Map(res.body.data.map((i: { slug: string; name: string }) => [i.slug, i.name]));
    expect(bySlug.get('daily-cleaning')).toBe('日常保洁');
    expect(bySlug.get('deep-cleaning')).toBe('深度清洁');
    expect(bySlug.get('move-in-cleaning')).toBe('开荒保洁');
  });

  it('gives every item Chinese content, process steps, a price in fen and required skills', async () => {
    const items = await app.strapi.db.query('api::catalog.service-item').findMany({ populate: { process: true, skills: true } });
    expect(items).toHaveLength(SERVICE_ITEMS.length);
    for (const item of items) {
      expect(item.summary).toMatch(/[\u4e00-\u9fa5]/);
      expect(item.process.length).toBeGreaterThanOrEqual(3);
      expect(Number.isInteger(item.price) && item.price > 0).toBe(true);
      expect(item.skills.length).toBeGreaterThanOrEqual(1);
    }
    const nurse = items.find((i: { slug: string }) => i.slug === 'maternity-nurse-26d');
    expect(nurse.depositPercent).toBeGreaterThan(0);
  });

  it('has at least 30 approved, active workers with skills, homes within 40 km of their city centre', async () => {
    const workers = await app.strapi.db.query('api::people.worker').findMany({
      where: { auditStatus: 'approved', employment: 'active' },
      populate: { city: true, skills: { populate: { skill: true } }, user: true },
    });
    expect(workers.length).toBeGreaterThanOrEqual(30);
    const perCity = new Map<string, number>();
    for (const worker of workers) {
      const city = CITIES.find((c) => c.adcode === worker.city?.adcode);
      expect(city).toBeDefined();
      perCity.set(city!.adcode, (perCity.get(city!.adcode) ?? 0) + 1);
      expect(worker.skills.length).toBeGreaterThanOrEqual(1);
      expect(worker.skills.every((s: { skill: unknown }) => s.skill)).toBe(true);
      const km = distanceKm({ lat: worker.homeLat, lng: worker.homeLng }, { lat: city!.centerLat, lng: city!.centerLng });
      expect(km).toBeLessThan(40);
      expect(worker.user.email).toMatch(/^worker\d+@demo\.shangmen$/);
    }
    expect([...perCity.keys()].sort()).toEqual(['110100', '310100', '330100']);
    const genders = new Set(workers.map((w: { gender: string }) => w.gender));
    expect(genders).toEqual(new Set(['male', 'female']));
  });

  it('gates the trades that need a licence, and every seeded worker holds the licence their skills need', async () => {
    const gated = await app.strapi.db.query('api::catalog.skill').findMany({ where: { requiredCertificate: { $notNull: true } }, select: ['slug', 'requiredCertificate'] });
    expect(Object.fromEntries(gated.map((s: any) => [s.slug, s.requiredCertificate]))).toMatchObject({ 'maternity-care': 'maternity', 'pipe-dredging': 'plumber', 'elderly-care': 'elderly_care' });
    const workers = await app.strapi.db.query('api::people.worker').findMany({ populate: { certificates: true, skills: { populate: { skill: true } } } });
    for (const worker of workers) {
      for (const { skill } of worker.skills) {
        if (!skill.requiredCertificate) continue;
        // A licence without expiry: the demo never loses a trade as the calendar moves on.
        expect(worker.certificates.some((c: any) => c.type === skill.requiredCertificate && !c.expiresAt)).toBe(true);
      }
    }
  });

  it('lets the demo member and worker1 sign in with Demo12345!, worker1 with the worker role', async () => {
    const member = await app.http
      .post('/api/auth/local')
      .send({ identifier: 'member@demo.shangmen', password: 'Demo12345!' })
      .expect(200);
    expect(member.body.jwt).toEqual(expect.any(String));
    const worker = await app.http
      .post('/api/auth/local')
      .send({ identifier: 'worker1@demo.shangmen', password: 'Demo12345!' })
      .expect(200);
    expect(worker.body.jwt).toEqual(expect.any(String));
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({
      where: { email: 'worker1@demo.shangmen' },
      populate: { role: true },
    });
    expect(user.role.type).toBe('worker');
    await app.http.post('/api/auth/local').send({ identifier: 'worker1@demo.shangmen', password: 'wrong-password' }).expect(400);
  });

  it('gives the member a profile, two Shanghai addresses, coupons and points', async () => {
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'member@demo.shangmen' } });
    const addresses = await app.strapi.db
      .query('api::people.address')
      .findMany({ where: { user: user.id }, populate: { city: true } });
    expect(addresses).toHaveLength(2);
    expect(addresses.every((a: { city: { adcode: string } }) => a.city.adcode === '310100')).toBe(true);
    expect(addresses.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
    const coupons = await app.strapi.db
      .query('api::marketing.user-coupon')
      .findMany({ where: { user: user.id, couponStatus: 'available' } });
    expect(coupons.length).toBeGreaterThanOrEqual(1);
    const points = await app.strapi.db
      .query('api::marketing.points-entry')
      .findMany({ where: { user: user.id }, orderBy: { id: 'asc' } });
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points[points.length - 1].balanceAfter).toBe(points.reduce((sum: number, p: { delta: number }) => sum + p.delta, 0));
  });

  it('has active coupons, a 家庭清洁-only coupon and the sms_login template', async () => {
    const active = await app.strapi.db
      .query('api::marketing.coupon')
      .findMany({ where: { active: true }, populate: { categories: true } });
    expect(active.length).toBeGreaterThanOrEqual(1);
    const cleaningOnly = active.find((c: { categories: Array<{ slug: string }> }) => c.categories.length === 1);
    expect(cleaningOnly.categories[0].slug).toBe('home-cleaning');
    const sms = await app.strapi.db
      .query('api::settings.message-template')
      .findOne({ where: { code: 'sms_login', channel: 'sms' } });
    expect(sms.content).toBe('您的验证码为{code}，{minutes}分钟内有效。');
    const gifts = await app.strapi.db.query('api::marketing.gift').findMany({ populate: { coupon: true } });
    expect(gifts.find((g: { kind: string }) => g.kind === 'coupon').coupon).not.toBeNull();
  });

  it('fills platform settings with the shipped defaults', async () => {
    const settings = await app.strapi.service('api::settings.platform-setting').current();
    const stored = await app.strapi
      .documents('api::settings.platform-setting')
      .findFirst({ populate: ['dispatch', 'cancellationPolicy'] } as never);
    expect(stored).not.toBeNull();
    expect((stored as unknown as { dispatch: { mode: string } }).dispatch.mode).toBe(settings.dispatch.mode);
    expect((stored as unknown as { cancellationPolicy: unknown[] }).cancellationPolicy.length).toBe(
      settings.cancellationPolicy.length,
    );
  });

  it('creates the super admin and the 客服/财务/城市运营 demo staff, who can sign in to the admin', async () => {
    const accounts: Array<[string, string]> = [
      ['admin@demo.shangmen', 'strapi-super-admin'],
      ['kefu@demo.shangmen', '客服'],
      ['caiwu@demo.shangmen', '财务'],
      ['ops-sh@demo.shangmen', '城市运营'],
    ];
    for (const [email, role] of accounts) {
      const res = await app.http.post('/admin/login').send({ email, password: 'Admin12345!' }).expect(200);
      expect(res.body.data.token).toEqual(expect.any(String));
      const user = await app.strapi.db.query('admin::user').findOne({ where: { email }, populate: { roles: true } });
      const roles = user.roles.map((r: { code: string; name: string }) => (role === 'strapi-super-admin' ? r.code : r.name));
      expect(roles).toEqual([role]);
      expect(user.preferedLanguage).toBe('zh-Hans');
    }
    const scope = await app.strapi.db.query('api::settings.city-operator').findOne({
      where: { adminEmail: 'ops-sh@demo.shangmen' },
      populate: { cities: true },
    });
    expect(scope.cities.map((c: { adcode: string }) => c.adcode)).toEqual(['310100']);
  });
});

describe('seed pictures', () => {
  it('ships every picture the seed data refers to', () => {
    const referenced = [
      ...CATEGORIES.map((c) => c.icon),
      ...SERVICE_ITEMS.flatMap((i) => [i.cover, ...i.gallery]),
      ...GIFTS.map((g) => g.image),
      ...WORKERS.map((w) => w.photo),
    ];
    const missing = referenced.filter((name) => !fs.existsSync(path.join(ASSETS, name)));
    expect(missing).toEqual([]);
    const totalBytes = fs.readdirSync(ASSETS).reduce((sum, name) => sum + fs.statSync(path.join(ASSETS, name)).size, 0);
    expect(totalBytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('uploads a cover, gallery and icon once and links them', async () => {
    const wanted = new Set([
      'item-daily-cleaning.png',
      'gallery-home-cleaning-1.png',
      'gallery-home-cleaning-2.png',
      'category-home-cleaning.png',
    ]);
    const options = { accounts: false, images: true, imageFilter: (name: string) => wanted.has(name) };
    const uploaded: Array<{ id: number }> = [];
    try {
      const withImages = await seedDemo(app.strapi, options);
      const files = await app.strapi.db.query('plugin::upload.file').findMany({ where: { name: { $in: [...wanted] } } });
      uploaded.push(...files);
      expect(files).toHaveLength(wanted.size);
      expect(withImages.counts.files).toBe(first.counts.files + wanted.size);

      const item = (await app.strapi.documents('api::catalog.service-item').findFirst({
        filters: { slug: 'daily-cleaning' },
        populate: ['cover', 'gallery'],
      } as never)) as unknown as {
        cover: { name: string; url: string; alternativeText: string };
        gallery: Array<{ name: string }>;
      };
      expect(item.cover.name).toBe('item-daily-cleaning.png');
      expect(item.cover.alternativeText).toBe('日常保洁封面');
      expect(fs.existsSync(path.join(app.strapi.dirs.static.public, item.cover.url))).toBe(true);
      expect(item.gallery.map((g) => g.name)).toEqual(['gallery-home-cleaning-1.png', 'gallery-home-cleaning-2.png']);
      const category = (await app.strapi.documents('api::catalog.service-category').findFirst({
        filters: { slug: 'home-cleaning' },
        populate: ['icon'],
      } as never)) as unknown as { icon: { name: string } };
      expect(category.icon.name).toBe('category-home-cleaning.png');

      const again = await seedDemo(app.strapi, options);
      expect(again.changes).toEqual({ created: 0, updated: 0 });
      expect(again.counts.files).toBe(withImages.counts.files);
    } finally {
      // The files live in the checkout's public/uploads; take them away with the temp database.
      const upload = app.strapi.plugin('upload').service('upload');
      for (const file of uploaded) await upload.remove(await upload.findOne(file.id));
    }
  });
});
