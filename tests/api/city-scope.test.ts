import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdminSession, createCity, createWorker } from '../helpers/fixtures';

let app: TestApp;

const adminAuth = async (email: string, roleName: string) => (await createAdminSession(app.strapi, app.http, email, roleName)).auth;

const WORKERS = '/content-manager/collection-types/api::people.worker';

beforeAll(async () => {
  app = await bootStrapi();
  const sh = await createCity(app.strapi);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  await createWorker(app.strapi, { realName: '上海师傅', gender: 'male', city: sh.documentId });
  await createWorker(app.strapi, { realName: '杭州阿姨', gender: 'female', city: hz.documentId });
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'Ops-SH@Test.Shangmen', cities: [sh.documentId] } } as any);
});
afterAll(async () => {
  await app?.close();
});

it('shows a 城市运营 only the workers of their cities in the Content Manager', async () => {
  const auth = await adminAuth('ops-sh@test.shangmen', '城市运营');
  const res = await app.http.get(WORKERS).set(auth).expect(200);
  expect(res.body.results.map((w: any) => w.realName)).toEqual(['上海师傅']);
  const other = await app.strapi.db.query('api::people.worker').findOne({ where: { realName: '杭州阿姨' } });
  const denied = await app.http.get(`${WORKERS}/${other.documentId}`).set(auth);
  expect([403, 404]).toContain(denied.status);
});

it('refuses a 城市运营 who has no city yet', async () => {
  const auth = await adminAuth('ops-none@test.shangmen', '城市运营');
  await app.http.get(WORKERS).set(auth).expect(403);
});

it('shows 客服 every city', async () => {
  const auth = await adminAuth('kefu@test.shangmen', '客服');
  const res = await app.http.get(WORKERS).set(auth).expect(200);
  expect(res.body.results.map((w: any) => w.realName).sort()).toEqual(['上海师傅', '杭州阿姨']);
});

it('does not let 客服 edit workers', async () => {
  const auth = await adminAuth('kefu2@test.shangmen', '客服');
  const w = await app.strapi.db.query('api::people.worker').findOne({ where: { realName: '杭州阿姨' } });
  await app.http.put(`${WORKERS}/${w.documentId}`).set(auth).send({ bio: 'x' }).expect(403);
});
