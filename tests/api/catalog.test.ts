import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createCategory, createCity, createItem, createSkill, createWorker } from '../helpers/fixtures';

let app: TestApp;
let cleaning: { documentId: string };

beforeAll(async () => {
  app = await bootStrapi();
  const s = app.strapi;
  await createCity(s);
  await createCity(s, '330100', '杭州', [30.2741, 120.1551]);
  cleaning = await createCategory(s, 'home-cleaning', '家庭清洁', { sort: 1 });
  const repair = await createCategory(s, 'appliance-repair', '家电维修', { sort: 2 });
  await createCategory(s, 'aircon', '空调维修', { sort: 1, parent: repair.documentId });
  await createCategory(s, 'hidden', '已下架分类', { active: false });
  const skill = await createSkill(s, 'cleaning', '保洁');
  await createItem(s, cleaning.documentId, 'deep-cleaning', '深度清洁', { sort: 2, skills: [skill.documentId] });
  await createItem(s, cleaning.documentId, 'daily-cleaning', '日常保洁', { sort: 1, skills: [skill.documentId] });
  await createItem(s, cleaning.documentId, 'off-sale', '下架项目', { active: false });
  await createWorker(s, { realName: '王秀英', gender: 'female', idNumber: '110101199003071233', city: (await s.documents('api::settings.city').findFirst({ filters: { adcode: '310100' } } as any))!.documentId, skills: [{ skill: skill.documentId, level: 4 }], rating: 4.9 });
  await createWorker(s, { realName: '欧阳娜', gender: 'female', auditStatus: 'pending' });
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/service-categories', () => {
  it('returns the active roots as a tree sorted by sort, with children and items', async () => {
    const res = await app.http.get('/api/service-categories').expect(200);
    expect(res.body.data.map((c: any) => c.slug)).toEqual(['home-cleaning', 'appliance-repair']);
    const [home, repair] = res.body.data;
    expect(home.children).toEqual([]);
    expect(home.items.map((i: any) => i.slug)).toEqual(['daily-cleaning', 'deep-cleaning']);
    expect(repair.children.map((c: any) => c.slug)).toEqual(['aircon']);
    expect(repair.children[0].parent).toBe(repair.documentId);
  });

  it('falls back to the flat Strapi list when filtered', async () => {
    const res = await app.http.get('/api/service-categories?filters[slug][$eq]=aircon').expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.meta.pagination.total).toBe(1);
  });
});

describe('GET /api/service-items', () => {
  it('filters by category slug and hides items off sale', async () => {
    const res = await app.http.get('/api/service-items?filters[category][slug][$eq]=home-cleaning').expect(200);
    expect(res.body.data.map((i: any) => i.slug)).toEqual(['daily-cleaning', 'deep-cleaning']);
    expect(res.body.data[0].category.slug).toBe('home-cleaning');
    expect(res.body.data[0].searchIndex).toBeUndefined();
  });

  it('shows an item with its details, and 404 for one off sale', async () => {
    const list = await app.http.get('/api/service-items?filters[slug][$eq]=daily-cleaning').expect(200);
    const detail = await app.http.get(`/api/service-items/${list.body.data[0].documentId}`).expect(200);
    expect(detail.body.data).toMatchObject({ name: '日常保洁', price: 9900, category: { slug: 'home-cleaning' } });
    expect(detail.body.data.skills.map((s: any) => s.slug)).toEqual(['cleaning']);
    const off = await app.strapi.db.query('api::catalog.service-item').findOne({ where: { slug: 'off-sale' } });
    const res = await app.http.get(`/api/service-items/${off.documentId}`).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
  });

  it('rejects filters on unknown fields with a 400 and a code', async () => {
    const res = await app.http.get('/api/service-items?filters[nope][$eq]=1').expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/workers', () => {
  it('lists approved workers with the public view only', async () => {
    const res = await app.http.get('/api/workers?filters[city][adcode][$eq]=310100').expect(200);
    expect(res.body.data).toHaveLength(1);
    const [w] = res.body.data;
    expect(w).toMatchObject({ displayName: '王阿姨', gender: 'female', city: '310100', rating: 4.9 });
    expect(w.skills).toEqual([{ slug: 'cleaning', name: '保洁', level: 4 }]);
    expect(JSON.stringify(w)).not.toMatch(/王秀英|110101199003071233/);
    expect(w.homeLat).toBeUndefined();
  });

  it('refuses to filter on private fields', async () => {
    const res = await app.http.get('/api/workers?filters[idNumber][$eq]=110101199003071233');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('shows one worker with reviews and hides pending ones', async () => {
    const list = await app.http.get('/api/workers').expect(200);
    const one = await app.http.get(`/api/workers/${list.body.data[0].documentId}`).expect(200);
    expect(one.body.data.recentReviews).toEqual([]);
    const pending = await app.strapi.db.query('api::people.worker').findOne({ where: { auditStatus: 'pending' } });
    await app.http.get(`/api/workers/${pending.documentId}`).expect(404);
  });
});

describe('GET /api/search', () => {
  it.each([['保洁'], ['baojie'], ['bj'], ['Bao Jie']])('finds 日常保洁 by %s', async (q) => {
    const res = await app.http.get('/api/search').query({ q }).expect(200);
    expect(res.body.data.services.map((s: any) => s.slug)).toContain('daily-cleaning');
    expect(res.body.data.services.map((s: any) => s.slug)).not.toContain('off-sale');
  });

  it('finds workers by display name and skills by name, scoped to a city', async () => {
    const res = await app.http.get('/api/search').query({ q: '王阿姨', type: 'worker', city: '310100' }).expect(200);
    expect(res.body.data.workers.map((w: any) => w.displayName)).toEqual(['王阿姨']);
    expect(res.body.data.services).toEqual([]);
    const none = await app.http.get('/api/search').query({ q: '王阿姨', type: 'worker', city: '330100' }).expect(200);
    expect(none.body.data.workers).toEqual([]);
    const skills = await app.http.get('/api/search').query({ q: 'baojie', type: 'skill' }).expect(200);
    expect(skills.body.data.skills.map((s: any) => s.slug)).toEqual(['cleaning']);
  });

  it('follows a renamed category and skill into the items and workers that carry their names', async () => {
    const s = app.strapi;
    const search = async (q: string, type: string) => (await app.http.get('/api/search').query({ q, type }).expect(200)).body.data;
    expect((await search('jiatingqingjie', 'service')).services.map((x: any) => x.slug)).toContain('deep-cleaning');

    await s.documents('api::catalog.service-category').update({ documentId: cleaning.documentId, data: { name: '居家保洁' } } as any);
    expect((await search('jiatingqingjie', 'service')).services).toEqual([]);
    expect((await search('jujia', 'service')).services.map((x: any) => x.slug).sort()).toEqual(['daily-cleaning', 'deep-cleaning']);

    const skill = (await s.documents('api::catalog.skill').findFirst({ filters: { slug: 'cleaning' } } as any))!;
    await s.documents('api::catalog.skill').update({ documentId: skill.documentId, data: { name: '收纳整理' } } as any);
    expect((await search('shouna', 'worker')).workers.map((w: any) => w.displayName)).toEqual(['王阿姨']);
    expect((await search('shouna', 'skill')).skills.map((x: any) => x.slug)).toEqual(['cleaning']);
    expect((await search('shouna', 'service')).services.map((x: any) => x.slug).sort()).toEqual(['daily-cleaning', 'deep-cleaning']);

    // Put the names back for the other tests in this file.
    await s.documents('api::catalog.skill').update({ documentId: skill.documentId, data: { name: '保洁' } } as any);
    await s.documents('api::catalog.service-category').update({ documentId: cleaning.documentId, data: { name: '家庭清洁' } } as any);
    expect((await search('shouna', 'worker')).workers).toEqual([]);
  });

  it('requires a keyword and rejects unknown parameters', async () => {
    const res = await app.http.get('/api/search').expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    await app.http.get('/api/search').query({ q: 'a', evil: 1 }).expect(400);
  });
});

describe('errors', () => {
  it('answers unknown routes with a coded 404', async () => {
    const res = await app.http.get('/api/nothing-here').expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
  });

  it('answers a wrong method with a coded JSON 405', async () => {
    const res = await app.http.delete('/api/service-categories').expect(405);
    expect(res.body.error).toMatchObject({ status: 405, name: 'MethodNotAllowedError', details: { code: 'METHOD_NOT_ALLOWED' } });
    expect(res.body.error.details.code).toEqual(expect.any(String));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.http.post('/api/auth/local').set('Content-Type', 'application/json').send('{"identifier":');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('answers oversize payloads with 413', async () => {
    const res = await app.http.post('/api/auth/local').set('Content-Type', 'application/json').send(JSON.stringify({ identifier: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.details.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
