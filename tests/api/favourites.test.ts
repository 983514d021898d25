import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createCategory, createCity, createItem, createMember, createWorker, type TestUser } from '../helpers/fixtures';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let worker: string;
let suspended: string;
let item: string;

beforeAll(async () => {
  app = await bootStrapi();
  const city = await createCity(app.strapi);
  const category = await createCategory(app.strapi, 'home-cleaning', '家庭清洁');
  item = (await createItem(app.strapi, category.documentId, 'daily-cleaning', '日常保洁')).documentId;
  worker = (await createWorker(app.strapi, { realName: '王芳', city: city.documentId })).documentId;
  suspended = (await createWorker(app.strapi, { realName: '李强', gender: 'male', employment: 'suspended' })).documentId;
  alice = await createMember(app.strapi);
  bob = await createMember(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

describe('/api/me/favourites', () => {
  it('adds a worker and an item and lists them with their public view', async () => {
    const w = await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'worker', id: worker }).expect(201);
    expect(w.body.data).toMatchObject({ kind: 'worker', id: worker, target: { documentId: worker, displayName: '王阿姨' } });
    expect(w.body.data.target).not.toHaveProperty('realName');
    await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'item', id: item }).expect(201);
    const list = await app.http.get('/api/me/favourites').set(alice.auth).expect(200);
    expect(list.body.meta.total).toBe(2);
    expect(list.body.data.map((f: any) => [f.kind, f.id]).sort()).toEqual([
      ['item', item],
      ['worker', worker],
    ]);
    expect(list.body.data.find((f: any) => f.kind === 'item').target).toMatchObject({ name: '日常保洁', slug: 'daily-cleaning', price: 9900 });
    const workersOnly = await app.http.get('/api/me/favourites?kind=worker').set(alice.auth).expect(200);
    expect(workersOnly.body.data.map((f: any) => f.id)).toEqual([worker]);
  });

  it('treats a repeated add, also in parallel, as the same favourite', async () => {
    const again = await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'worker', id: worker }).expect(200);
    expect(again.body.data).toMatchObject({ kind: 'worker', id: worker });
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.http.post('/api/me/favourites').set(bob.auth).send({ kind: 'item', id: item })));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
    const rows = await app.strapi.db.query('api::people.favourite').count({ where: { kind: 'item', targetId: item } });
    expect(rows).toBe(2); // one for Alice, one for Bob
  });

  it('shows nobody else’s favourites and cannot remove them', async () => {
    const bobs = await app.http.get('/api/me/favourites').set(bob.auth).expect(200);
    expect(bobs.body.data.map((f: any) => [f.kind, f.id])).toEqual([['item', item]]);
    const res = await app.http.delete(`/api/me/favourites/worker/${worker}`).set(bob.auth).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    const alices = await app.http.get('/api/me/favourites?kind=worker').set(alice.auth).expect(200);
    expect(alices.body.data).toHaveLength(1);
  });

  it('removes a favourite; removing it again is 404', async () => {
    await app.http.delete(`/api/me/favourites/worker/${worker}`).set(alice.auth).expect(204);
    const list = await app.http.get('/api/me/favourites').set(alice.auth).expect(200);
    expect(list.body.data.map((f: any) => f.kind)).toEqual(['item']);
    await app.http.delete(`/api/me/favourites/worker/${worker}`).set(alice.auth).expect(404);
  });

  it('refuses unknown or non-public targets, bad kinds and anonymous callers', async () => {
    await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'worker', id: suspended }).expect(404);
    await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'worker', id: item }).expect(404);
    const bad = await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'shop', id: item }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
    await app.http.post('/api/me/favourites').set(alice.auth).send({ kind: 'item', id: item, note: 'x' }).expect(400);
    await app.http.delete(`/api/me/favourites/shop/${item}`).set(alice.auth).expect(400);
    const anon = await app.http.get('/api/me/favourites').expect(401);
    expect(anon.body.error.details.code).toBe('UNAUTHENTICATED');
  });
});
