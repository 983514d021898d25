import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createCity, createWorker } from '../../helpers/fixtures';

/** A 城市运营 of 上海 who also holds 财务 (two roles), trying to reach 北京. */
let app: TestApp;
let sh: { documentId: string };
let bj: { documentId: string };
const WORKERS = '/content-manager/collection-types/api::people.worker';

async function adminWithRoles(email: string, roleNames: string[]) {
  const roles = await Promise.all(roleNames.map((name) => app.strapi.db.query('admin::role').findOne({ where: { name } })));
  const user = await app.strapi.service('admin::user').create({ email, firstname: '测试', password: 'Admin12345!', isActive: true, registrationToken: null, roles: roles.map((r: any) => r.id) });
  const res = await app.http.post('/admin/login').send({ email, password: 'Admin12345!' }).expect(200);
  return { id: user.id as number, auth: { Authorization: `Bearer ${res.body.data.token ?? res.body.data.accessToken}` } };
}

const worker = (realName: string) => app.strapi.db.query('api::people.worker').findOne({ where: { realName }, populate: { city: { select: ['adcode'] } } });

beforeAll(async () => {
  app = await bootStrapi();
  sh = await createCity(app.strapi);
  bj = await createCity(app.strapi, '110100', '北京', [39.9042, 116.4074]);
  await createWorker(app.strapi, { realName: '上海师傅', gender: 'male', city: sh.documentId, rating: 4.2 });
  await createWorker(app.strapi, { realName: '北京阿姨', gender: 'female', city: bj.documentId });
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-two@test.shangmen', cities: [sh.documentId] } } as any);
});
afterAll(async () => {
  await app?.close();
});

describe('a 城市运营 with a second role', () => {
  let auth: { Authorization: string };
  beforeAll(async () => {
    auth = (await adminWithRoles('ops-two@test.shangmen', ['城市运营', '财务'])).auth;
  });

  it('stays scoped in the 调度台 (the other role does not grant dispatch)', async () => {
    const res = await app.http.get('/dispatch/workers').set(auth).expect(200);
    const names = JSON.stringify(res.body);
    expect(names).toContain('上海师傅');
    expect(names).not.toContain('北京阿姨');
    const other = await worker('北京阿姨');
    expect((await app.http.get(`/dispatch/workers/${other.documentId}/schedule`).set(auth)).status).toBe(404);
  });

  it('cannot create a worker in another city through the Content Manager', async () => {
    const res = await app.http.post(WORKERS).set(auth).send({ realName: '越权新人', gender: 'female', city: { connect: [{ documentId: bj.documentId }] } });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('FORBIDDEN');
    expect(await worker('越权新人')).toBeNull();
    const ok = await app.http.post(WORKERS).set(auth).send({ realName: '本地新人', gender: 'female', city: { connect: [{ documentId: sh.documentId }] } });
    expect([200, 201]).toContain(ok.status);
    expect((await worker('本地新人')).city.adcode).toBe('310100');
  });

  it('cannot create a worker without a city either', async () => {
    const res = await app.http.post(WORKERS).set(auth).send({ realName: '无城市', gender: 'male' });
    expect(res.status).toBe(403);
  });

  it('cannot move one of their workers into another city', async () => {
    const mine = await worker('上海师傅');
    const res = await app.http.put(`${WORKERS}/${mine.documentId}`).set(auth).send({ city: { connect: [{ documentId: bj.documentId }], disconnect: [] } });
    expect(res.status).toBe(403);
    expect((await worker('上海师傅')).city.adcode).toBe('310100');
    await app.http.put(`${WORKERS}/${mine.documentId}`).set(auth).send({ bio: '十年经验' }).expect(200);
    expect((await worker('上海师傅')).bio).toBe('十年经验');
  });

  it('cannot edit ratings, counters, the audit status or the linked account', async () => {
    await createWorker(app.strapi, { realName: '评分师傅', gender: 'male', city: sh.documentId, rating: 4.2 });
    const mine = await worker('评分师傅');
    const res = await app.http.put(`${WORKERS}/${mine.documentId}`).set(auth).send({ rating: 5, completedOrders: 999, reviewCount: 50, auditStatus: 'rejected', bio: '改过' });
    // The allowed field is saved; the others are dropped.
    expect(res.status).toBe(200);
    const after = await worker('评分师傅');
    expect(after.bio).toBe('改过');
    expect(Number(after.rating)).toBeCloseTo(4.2);
    expect(after.completedOrders).toBe(0);
    expect(after.reviewCount).toBe(0);
    expect(after.auditStatus).toBe('approved');
  });
});

describe('city grants follow the admin account, not its e-mail', () => {
  it('does not hand a renamed admin’s cities to the next account with that address', async () => {
    await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-sh2@test.shangmen', cities: [sh.documentId] } } as any);
    const first = await adminWithRoles('ops-sh2@test.shangmen', ['城市运营']);
    const mine = await app.http.get(WORKERS).set(first.auth).expect(200);
    expect(mine.body.results.map((w: any) => w.realName)).toContain('上海师傅');
    await app.strapi.db.query('admin::user').update({ where: { id: first.id }, data: { email: 'ops-sh2-old@test.shangmen' } });
    const second = await adminWithRoles('ops-sh2@test.shangmen', ['城市运营']);
    await app.http.get(WORKERS).set(second.auth).expect(403);
    // The first admin keeps the grant under the new address.
    expect((await app.http.get(WORKERS).set(first.auth).expect(200)).body.results.length).toBeGreaterThan(0);
  });
});
