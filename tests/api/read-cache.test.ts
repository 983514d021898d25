import { createAdminSession } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { buildDispatchWorld } from '../helpers/dispatch';
import type { OrderWorld } from '../helpers/orders';
import { seedDemo } from '../../src/seed/seed-demo';

/**
 * The public reads are served from the response cache, yet every write shows on the very next
 * read: each test first reads (so the answer is cached), writes, and reads again.
 */
let app: TestApp;
let w: OrderWorld;
let admin: Record<string, string>;

const CM = '/content-manager/collection-types';

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  admin = (await createAdminSession(app.strapi, app.http, 'root@test.shangmen', '超级管理员')).auth;
});
afterAll(async () => {
  await app?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.http.get(url).set(headers).expect(200);
const itemIn = (res: any, documentId: string) => res.body.data.find((i: any) => i.documentId === documentId);
const treeItem = (res: any, documentId: string) =>
  res.body.data.flatMap((c: any) => [...c.items, ...c.children.flatMap((k: any) => k.items)]).find((i: any) => i.documentId === documentId);

async function upload(name: string) {
  return app.strapi.db.query('plugin::upload.file').create({
    data: { name, hash: name, ext: '.jpg', mime: 'image/jpeg', size: 1, url: `/uploads/${name}.jpg`, provider: 'local', width: 10, height: 10 },
  });
}

describe('cached reads', () => {
  it('serves a repeated read from the cache with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await get('/api/service-items?pagination[pageSize]=25&sort[0]=sort:asc');
    // The same query with its parameters in another order is the same entry.
    const second = await get('/api/service-items?sort[0]=sort:asc&pagination[pageSize]=25');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

    const notModified = await app.http.get('/api/service-items?pagination[pageSize]=25&sort[0]=sort:asc').set('If-None-Match', first.headers.etag).expect(304);
    expect(notModified.text).toBe('');
    await app.http.get('/api/service-items?pagination[pageSize]=25&sort[0]=sort:asc').set('If-None-Match', '"stale"').expect(200);

    for (const url of ['/api/service-categories', '/api/workers', `/api/workers/${w.workers[0].workerDocumentId}`, '/api/search?q=保洁', '/api/cities', '/api/gifts']) {
      const res = await get(url);
      expect([url, typeof res.headers.etag]).toEqual([url, 'string']);
      await app.http.get(url).set('If-None-Match', res.headers.etag).expect(304);
    }
  });

  it('shows an admin edit of an item\'s name, price and cover on the next list, detail, tree and search read', async () => {
    const list = '/api/service-items?pagination[pageSize]=25';
    const detail = `/api/service-items/${w.hourly}`;
    await get(list);
    await get(detail);
    await get('/api/service-categories');
    await get('/api/search?q=保洁');
    expect((await get(list)).headers['x-cache']).toBe('HIT');

    const cover = await upload('hourly-cover');
    await app.http.put(`${CM}/api::catalog.service-item/${w.hourly}`).set(admin).send({ name: '精品日常保洁', price: 5200, cover: cover.id }).expect(200);

    expect(itemIn(await get(list), w.hourly)).toMatchObject({ name: '精品日常保洁', price: 5200, cover: { url: '/uploads/hourly-cover.jpg' } });
    expect((await get(detail)).body.data).toMatchObject({ name: '精品日常保洁', price: 5200, cover: { url: '/uploads/hourly-cover.jpg' } });
    expect(treeItem(await get('/api/service-categories'), w.hourly)).toMatchObject({ name: '精品日常保洁', price: 5200, cover: { url: '/uploads/hourly-cover.jpg' } });
    const search = await get('/api/search?q=保洁');
    expect(search.body.data.services.find((s: any) => s.documentId === w.hourly)).toMatchObject({ name: '精品日常保洁', price: 5200 });
  });

  it('shows a media library edit of the cover on the next read', async () => {
    const detail = `/api/service-items/${w.hourly}`;
    const cover = (await get(detail)).body.data.cover;
    await app.strapi.plugin('upload').service('upload').updateFileInfo(cover.id, { alternativeText: '保洁师在擦窗' });
    expect((await get(detail)).body.data.cover.alternativeText).toBe('保洁师在擦窗');
  });

  it('hides an item taken off sale by an admin on the next read', async () => {
    const list = '/api/service-items?pagination[pageSize]=25';
    expect(itemIn(await get(list), w.deposit)).toBeDefined();
    await app.http.put(`${CM}/api::catalog.service-item/${w.deposit}`).set(admin).send({ active: false }).expect(200);
    expect(itemIn(await get(list), w.deposit)).toBeUndefined();
    await app.http.get(`/api/service-items/${w.deposit}`).expect(404);
    await app.http.put(`${CM}/api::catalog.service-item/${w.deposit}`).set(admin).send({ active: true }).expect(200);
    expect(itemIn(await get(list), w.deposit)).toBeDefined();
  });

  it('reorders the tree on the next read after an admin changes a category\'s sort', async () => {
    const slugs = async () => (await get('/api/service-categories')).body.data.map((c: any) => c.slug);
    const before = await slugs();
    expect(before).toHaveLength(2);
    const last = await app.strapi.db.query('api::catalog.service-category').findOne({ where: { slug: before[1] } });
    await app.http.put(`${CM}/api::catalog.service-category/${last.documentId}`).set(admin).send({ sort: -1 }).expect(200);
    expect(await slugs()).toEqual([before[1], before[0]]);
  });

  it('shows a worker\'s new rating on the next list and profile read, from an admin edit or a service update', async () => {
    const worker = w.workers[2];
    const list = '/api/workers?filters[city][adcode][$eq]=310100';
    const profile = `/api/workers/${worker.workerDocumentId}`;
    const ratingIn = async () => (await get(list)).body.data.find((x: any) => x.documentId === worker.workerDocumentId).rating;
    await ratingIn();
    await get(profile);

    await app.http.put(`${CM}/api::people.worker/${worker.workerDocumentId}`).set(admin).send({ rating: 3.2 }).expect(200);
    expect(await ratingIn()).toBe(3.2);
    expect((await get(profile)).body.data.rating).toBe(3.2);

    // What a review's rating update does: a plain db.query update, no document service.
    await app.strapi.db.query('api::people.worker').update({ where: { id: worker.workerId }, data: { rating: 4.4, reviewCount: 7 } });
    expect(await ratingIn()).toBe(4.4);
    expect((await get(profile)).body.data).toMatchObject({ rating: 4.4, reviewCount: 7 });
  });

  it('shows a new visible review on the worker\'s profile on the next read', async () => {
    const worker = w.workers[0];
    const profile = `/api/workers/${worker.workerDocumentId}`;
    expect((await get(profile)).body.data.recentReviews).toEqual([]);
    await app.strapi.documents('api::feedback.review').create({
      data: { orderRef: 'T-READ-CACHE-1', worker: worker.workerDocumentId, member: w.member.id, rating: 5, ratingQuality: 5, ratingAttitude: 5, ratingSkill: 5, content: '很细心', visible: true },
    } as any);
    expect((await get(profile)).body.data.recentReviews.map((r: any) => r.content)).toEqual(['很细心']);
  });

  it('shows the stock a redemption took (raw SQL, no lifecycle) on the next gift list read', async () => {
    const s = app.strapi;
    const gift = await s.documents('api::marketing.gift').create({ data: { name: '保洁布', kind: 'physical', pointsCost: 100, stock: 2, active: true } } as any);
    await s.db.transaction(async ({ trx }) => {
      await s.service('api::marketing.points').post(trx, w.member.id, { delta: 500, reason: 'admin_adjust', ref: 'test:read-cache' });
    });
    const stockOf = async () => (await get('/api/gifts')).body.data.find((g: any) => g.documentId === gift.documentId).stock;
    expect(await stockOf()).toBe(2);
    await app.http.post('/api/me/points/redeem').set(w.member.auth).send({ gift: gift.documentId, address: w.address }).expect(201);
    expect(await stockOf()).toBe(1);
  });

  it('shows a city added by the seed on the next read', async () => {
    const before = (await get('/api/cities')).body.data.map((c: any) => c.adcode);
    await seedDemo(app.strapi, { accounts: false, images: false });
    const after = (await get('/api/cities')).body.data.map((c: any) => c.adcode);
    expect(after.length).toBeGreaterThan(before.length);
  });
});

describe('role permissions (cached in-process under the same versions)', () => {
  it('applies a public permission withdrawn and granted again to the very next request', async () => {
    await get('/api/gifts');
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const row = await permissions.findOne({ where: { action: 'api::marketing.gift.find', role: { type: 'public' } }, populate: { role: { select: ['id'] } } });
    await permissions.delete({ where: { id: row.id } });
    const refused = await app.http.get('/api/gifts');
    expect([401, 403]).toContain(refused.status);
    await permissions.create({ data: { action: 'api::marketing.gift.find', role: row.role.id } });
    await get('/api/gifts');
  });
});

describe('per-user answers', () => {
  it('never serves one member\'s address-ranked workers to another member', async () => {
    const url = `/api/workers?address=${w.address}&serviceItem=${w.hourly}`;
    const mine = await app.http.get(url).set(w.member.auth).expect(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    // The same URL for someone else: that address is not theirs.
    await app.http.get(url).set(w.other.auth).expect(404);
    await app.http.get(url).expect(401);
    await app.http.get(url).set(w.member.auth).set('If-None-Match', mine.headers.etag).expect(304);
  });

  it('gives members the public body, marked private for their own caches', async () => {
    const anonymous = await get('/api/service-items?pagination[pageSize]=5');
    const member = await get('/api/service-items?pagination[pageSize]=5', w.member.auth);
    expect(member.body).toEqual(anonymous.body);
    expect(member.headers['cache-control']).toBe('private, no-cache');
    expect(member.headers.vary).toMatch(/Authorization/);
  });
});
