import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createCategory, createCity, createItem, createMember, createSkill, createWorker, createWorkerUser, type TestUser } from '../../helpers/fixtures';

/** An attacker probing the public lists for private values (home positions, birth years…). */
let app: TestApp;
let member: TestUser;
let workerUser: TestUser;
const PRIVATE = ['homeLat', 'homeLng', 'birthYear', 'workHistory', 'auditLog', 'suspendedReason'];

beforeAll(async () => {
  app = await bootStrapi();
  const s = app.strapi;
  const city = await createCity(s);
  const cleaning = await createCategory(s, 'home-cleaning', '家庭清洁');
  const skill = await createSkill(s, 'cleaning', '保洁');
  await createItem(s, cleaning.documentId, 'daily-cleaning', '日常保洁', { price: 9900, tags: [{ label: '热销' }] });
  await createItem(s, cleaning.documentId, 'deep-cleaning', '深度清洁', { price: 29900 });
  for (const [i, gender] of (['female', 'male', 'female'] as const).entries()) {
    await createWorker(s, {
      realName: `测试${i}`,
      gender,
      city: city.documentId,
      skills: [{ skill: skill.documentId, level: 3 }],
      rating: 4 + i * 0.4,
      homeLat: 31.2 + i / 100,
      homeLng: 121.4,
      birthYear: 1980 + i,
      suspendedReason: '内部备注',
      workHistory: [{ employer: '某家政公司', role: '保洁', from: '2015-01-01' }],
      auditLog: [{ decision: 'approved', reason: '材料齐全', at: '2026-01-01T00:00:00.000Z' }],
    });
  }
  member = await createMember(s);
  workerUser = await createWorkerUser(s);
});
afterAll(async () => {
  await app?.close();
});

const callers = () => [
  ['anonymous', {}],
  ['member', member.auth],
  ['worker', workerUser.auth],
] as const;

describe('private worker fields cannot be probed through public filters', () => {
  it.each(PRIVATE.filter((f) => !['workHistory', 'auditLog'].includes(f)))('filters[%s] → 400 for every caller', async (field) => {
    for (const [, auth] of callers()) {
      const low = await app.http.get(`/api/workers?filters[${field}][$gt]=0`).set(auth);
      const high = await app.http.get(`/api/workers?filters[${field}][$gt]=90`).set(auth);
      // The same refusal either way: nothing to binary-search on.
      expect([low.status, high.status]).toEqual([400, 400]);
      expect(low.body.data).toBeNull();
      expect(low.body.error.details.code).toBe(high.body.error.details.code);
    }
  });

  it('refuses private components, sorting on private fields and the score-sort path alike', async () => {
    expect((await app.http.get('/api/workers?filters[workHistory][employer][$eq]=某家政公司')).status).toBe(400);
    expect((await app.http.get('/api/workers?filters[auditLog][decision][$eq]=approved')).status).toBe(400);
    expect((await app.http.get('/api/workers?sort=homeLat:asc')).status).toBe(400);
    expect((await app.http.get('/api/workers?sort[0]=birthYear:desc')).status).toBe(400);
    const scored = await app.http.get('/api/workers?lat=31.2&lng=121.4&city=310100&filters[homeLat][$lt]=31.21');
    expect(scored.status).toBe(400);
  });

  it('answers FILTER_NOT_ALLOWED for public fields a client has no reason to filter on', async () => {
    for (const [, auth] of callers()) {
      const res = await app.http.get('/api/workers?filters[auditStatus][$eq]=pending').set(auth).expect(400);
      expect(res.body.error.details).toMatchObject({ code: 'FILTER_NOT_ALLOWED', field: 'auditStatus' });
    }
    for (const url of [
      '/api/workers?filters[bio][$containsi]=a',
      '/api/workers?filters[employment][$eq]=suspended',
      '/api/workers?sort=serviceRadiusMeters:asc',
      '/api/workers?status=draft',
      '/api/workers?filters[gender][$regex]=.*',
      '/api/service-items?filters[active][$eq]=false',
      '/api/service-items?populate=*',
      '/api/service-items?populate[category][populate][items]=true',
      '/api/service-items?populate[skills][populate][serviceItems]=true',
      '/api/gifts?populate=coupon',
      '/api/service-categories?populate[items]=true',
      '/api/skills?populate=serviceItems',
      '/api/cities?filters[centerLat][$gt]=0',
    ]) {
      const res = await app.http.get(url);
      expect([url, res.status, res.body.error?.details?.code]).toEqual([url, 400, 'FILTER_NOT_ALLOWED']);
    }
  });

  it('caps the page size on public lists', async () => {
    const res = await app.http.get('/api/workers?pagination[pageSize]=1000').expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pagination.pageSize' });
    await app.http.get('/api/service-items?pagination[limit]=5000').expect(400);
    await app.http.get('/api/workers?pagination[pageSize]=100').expect(200);
  });
});

describe('the public filters that remain', () => {
  it('filter workers by city, skill, gender, rating and completed orders, and sort by rating', async () => {
    const female = await app.http.get('/api/workers?filters[city][adcode][$eq]=310100&filters[gender][$eq]=female&filters[skills][skill][slug][$eq]=cleaning').expect(200);
    expect(female.body.data).toHaveLength(2);
    const top = await app.http.get('/api/workers?filters[rating][$gte]=4.5&filters[completedOrders][$gte]=0&sort=rating:asc').expect(200);
    expect(top.body.data.map((w: any) => w.rating)).toEqual([4.8]);
  });

  it('filter items by category, tag and price', async () => {
    const cheap = await app.http.get('/api/service-items?filters[category][slug][$eq]=home-cleaning&filters[price][$lte]=10000').expect(200);
    expect(cheap.body.data.map((i: any) => i.slug)).toEqual(['daily-cleaning']);
    const hot = await app.http.get('/api/service-items').query({ 'filters[tags][label][$eq]': '热销' }).expect(200);
    expect(hot.body.data.map((i: any) => i.slug)).toEqual(['daily-cleaning']);
  });

  it('never returns the private worker fields, in the list or the detail', async () => {
    const list = await app.http.get('/api/workers').expect(200);
    expect(list.body.data).toHaveLength(3);
    const one = await app.http.get(`/api/workers/${list.body.data[0].documentId}`).expect(200);
    for (const body of [list.body, one.body]) {
      const text = JSON.stringify(body);
      for (const field of PRIVATE) expect(text).not.toContain(field);
      expect(text).not.toMatch(/某家政公司|内部备注|材料齐全/);
    }
  });
});
