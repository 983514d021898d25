import { actionsByRole, ensureUserRoles, findRoleId } from '../../../src/bootstrap/users-roles';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createMember, createWorkerUser, type TestUser } from '../../helpers/fixtures';

let app: TestApp;
let member: TestUser;
let worker: TestUser;
beforeAll(async () => {
  app = await bootStrapi();
  member = await createMember(app.strapi);
  worker = await createWorkerUser(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

const PERMISSION = 'plugin::users-permissions.permission';
const actionsOf = async (type: string) =>
  ((await app.strapi.db.query(PERMISSION).findMany({ where: { role: await findRoleId(app.strapi, type) }, select: ['action'] })) as Array<{ action: string }>).map((p) => p.action).sort();

describe('stock users-permissions routes an attacker would try', () => {
  it.each([
    ['post', '/api/auth/forgot-password', { email: 'member@demo.shangmen' }],
    ['post', '/api/auth/reset-password', { code: 'x', password: 'Aa123456!', passwordConfirmation: 'Aa123456!' }],
    ['get', '/api/connect/github', undefined],
    ['get', '/api/auth/github/callback?access_token=x', undefined],
    ['get', '/api/auth/email-confirmation?confirmation=abc', undefined],
    ['post', '/api/auth/send-email-confirmation', { email: 'member@demo.shangmen' }],
  ] as const)('%s %s is switched off with a 404 and a code, never a 500', async (method, url, body) => {
    for (const auth of [{}, member.auth, worker.auth]) {
      const req = method === 'post' ? app.http.post(url).set(auth).send(body ?? {}) : app.http.get(url).set(auth);
      const res = await req;
      expect([url, res.status, res.body?.error?.details?.code]).toEqual([url, 404, 'NOT_FOUND']);
    }
  });

  it('keeps email/password registration and sign-in (fixed contract) without letting it set a phone or role', async () => {
    const reg = await app.http.post('/api/auth/local/register').send({ username: 'reg-user', email: 'reg@example.com', password: 'Reg12345!', phone: '13911112222' });
    expect(reg.status).toBe(400);
    const ok = await app.http.post('/api/auth/local/register').send({ username: 'reg-user', email: 'reg@example.com', password: 'Reg12345!' }).expect(200);
    expect(ok.body.jwt).toEqual(expect.any(String));
    const login = await app.http.post('/api/auth/local').send({ identifier: 'reg@example.com', password: 'Reg12345!' }).expect(200);
    const me = await app.http.get('/api/users/me').set({ Authorization: `Bearer ${login.body.jwt}` }).expect(200);
    expect(me.body).toMatchObject({ roleType: 'authenticated', isWorker: false });
  });

  it('refuses the stock upload action to members, workers and anonymous callers', async () => {
    expect((await app.http.post('/api/upload').set(member.auth).send({})).status).toBe(403);
    expect((await app.http.post('/api/upload').set(worker.auth).send({})).status).toBe(403);
    expect((await app.http.post('/api/upload?id=1').set(member.auth).send({})).status).toBe(403);
    expect((await app.http.post('/api/upload').send({})).status).toBe(401);
  });
});

describe('CORS in development', () => {
  it('answers local origins with credentials and a foreign page with nothing', async () => {
    const evil = await app.http.post('/api/auth/local').set('Origin', 'https://evil.example').send({ identifier: 'x@example.com', password: 'x' });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.headers['access-control-allow-credentials']).toBeUndefined();
    const local = await app.http.get('/api/cities').set('Origin', 'http://localhost:1337');
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:1337');
    expect(local.headers['x-powered-by']).toBeUndefined();
  });
});

describe('role reconciliation at boot', () => {
  it('leaves each role with exactly its listed actions, removing what was added by hand', async () => {
    const stray = [
      ['public', 'plugin::users-permissions.auth.forgotPassword'],
      ['public', 'plugin::users-permissions.auth.connect'],
      ['public', 'api::people.address.find'],
      ['authenticated', 'plugin::upload.content-api.upload'],
      ['authenticated', 'plugin::orders.order.complete'],
      ['worker', 'plugin::upload.content-api.destroy'],
    ];
    for (const [type, action] of stray) await app.strapi.db.query(PERMISSION).create({ data: { action, role: await findRoleId(app.strapi, type) } });
    // A duplicate row of a listed action is folded too.
    await app.strapi.db.query(PERMISSION).create({ data: { action: 'api::catalog.skill.find', role: await findRoleId(app.strapi, 'public') } });
    await ensureUserRoles(app.strapi);
    const expected = actionsByRole();
    for (const type of ['public', 'authenticated', 'worker']) {
      expect(await actionsOf(type)).toEqual([...new Set(expected[type])].sort());
    }
    for (const type of ['public', 'authenticated', 'worker']) expect((await actionsOf(type)).filter((a) => a.startsWith('plugin::upload.'))).toEqual([]);
    // …and the API follows: the public role can no longer list addresses.
    expect((await app.http.get('/api/addresses')).status).toBe(401);
  });

  it('strips a role nobody listed', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').create({ data: { type: 'vip', name: 'VIP', description: 'by hand' } });
    await app.strapi.db.query(PERMISSION).create({ data: { action: 'plugin::orders.order.accept', role: role.id } });
    await ensureUserRoles(app.strapi);
    expect(await actionsOf('vip')).toEqual([]);
  });
});
