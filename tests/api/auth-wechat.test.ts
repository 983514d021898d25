import http from 'http';
import type { AddressInfo } from 'net';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const USER_UID = 'plugin::users-permissions.user';

/** Stands in for api.weixin.qq.com: js_code decides the answer, like real codes map to users. */
const ANSWERS: Record<string, { status: number; body: unknown }> = {
  'code-alice-1': { status: 200, body: { openid: 'openid-alice', session_key: 'SESSION-KEY-ALICE', unionid: 'union-alice' } },
  'code-alice-2': { status: 200, body: { openid: 'openid-alice', session_key: 'SESSION-KEY-ALICE-2', unionid: 'union-alice' } },
  'code-bob': { status: 200, body: { openid: 'openid-bob', session_key: 'SESSION-KEY-BOB' } },
  'code-carol': { status: 200, body: { openid: 'openid-carol', session_key: 'k' } },
  'code-dave': { status: 200, body: { openid: 'openid-dave', session_key: 'k' } },
  'code-erin': { status: 200, body: { openid: 'openid-erin', session_key: 'k' } },
  'code-invalid': { status: 200, body: { errcode: 40029, errmsg: 'invalid code' } },
  'code-used': { status: 200, body: { errcode: 40163, errmsg: 'code been used' } },
  'code-busy': { status: 200, body: { errcode: -1, errmsg: 'system error' } },
  'code-5xx': { status: 503, body: 'Service Unavailable' },
};

const queries: URLSearchParams[] = [];
const wechat = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  queries.push(url.searchParams);
  const reply = url.pathname === '/sns/jscode2session' ? ANSWERS[url.searchParams.get('js_code') ?? ''] : undefined;
  const { status, body } = reply ?? { status: 404, body: 'not found' };
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
});

let app: TestApp;
const wechatLogin = (body: unknown) => app.http.post('/api/auth/wechat/login').send(body as object);

beforeAll(async () => {
  await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
  const { port } = wechat.address() as AddressInfo;
  app = await bootStrapi({
    env: { WECHAT_MP_APPID: 'wx-test-app', WECHAT_MP_SECRET: 'wx-test-secret', WECHAT_API_BASE: `http://127.0.0.1:${port}` },
  });
});
afterAll(async () => {
  await app?.close();
  if (wechat.listening) await new Promise<void>((resolve) => wechat.close(() => resolve()));
});

describe('WeChat mini-program login', () => {
  it('should create a member on first login and never expose the WeChat secrets', async () => {
    const res = await wechatLogin({ code: 'code-alice-1' }).expect(200);
    expect(Object.fromEntries(queries.at(-1)!)).toEqual({
      appid: 'wx-test-app',
      secret: 'wx-test-secret',
      js_code: 'code-alice-1',
      grant_type: 'authorization_code',
    });
    expect(typeof res.body.jwt).toBe('string');
    expect(typeof res.body.refreshToken).toBe('string');
    expect(res.body.user).toMatchObject({ provider: 'wechat', confirmed: true, nickname: '微信用户' });
    expect(res.body.user.username).toMatch(/^wx_[0-9a-f]{16}$/);
    for (const secret of ['openid-alice', 'union-alice', 'SESSION-KEY-ALICE', 'session_key', 'wx-test-secret']) {
      expect(res.text).not.toContain(secret);
    }

    const stored = await app.strapi.db.query(USER_UID).findOne({ where: { id: res.body.user.id }, populate: ['role'] });
    expect(stored).toMatchObject({ wechatOpenId: 'openid-alice', wechatUnionId: 'union-alice' });
    expect(stored.role.type).toBe('authenticated');
    expect(JSON.stringify(stored)).not.toContain('SESSION-KEY');
  });

  it('should sign the same member in on a later login', async () => {
    const first = await wechatLogin({ code: 'code-alice-1' }).expect(200);
    const again = await wechatLogin({ code: 'code-alice-2' }).expect(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(await app.strapi.db.query(USER_UID).count({ where: { wechatOpenId: 'openid-alice' } })).toBe(1);
  });

  it('should renew the session with the refresh token of a WeChat login', async () => {
    const { body } = await wechatLogin({ code: 'code-erin' }).expect(200);
    const renewed = await app.http.post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(200);
    const me = await app.http.get('/api/users/me').set('Authorization', `Bearer ${renewed.body.jwt}`).expect(200);
    expect(me.body.id).toBe(body.user.id);
  });

  it('should keep private fields out of /api/users/me', async () => {
    const { body } = await wechatLogin({ code: 'code-bob' }).expect(200);
    const me = await app.http.get('/api/users/me').set('Authorization', `Bearer ${body.jwt}`).expect(200);
    expect(me.body).toMatchObject({ id: body.user.id, provider: 'wechat', isWorker: false, roleType: 'authenticated' });
    expect(me.body).not.toHaveProperty('wechatOpenId');
    expect(me.text).not.toContain('openid-bob');
  });

  it.each(['code-invalid', 'code-used'])('should answer %s with 400 on the code field', async (code) => {
    const res = await wechatLogin({ code }).expect(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
  });

  it.each(['code-busy', 'code-5xx'])('should answer %s with 502 UPSTREAM_UNAVAILABLE', async (code) => {
    const res = await wechatLogin({ code }).expect(502);
    expect(res.body.error.details.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('should refuse a missing code or extra fields with 400 VALIDATION_FAILED', async () => {
    expect((await wechatLogin({}).expect(400)).body.error.details.code).toBe('VALIDATION_FAILED');
    const forged = await wechatLogin({ code: 'code-bob', openid: 'openid-alice' }).expect(400);
    expect(forged.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', unknownFields: ['openid'] });
  });

  it('should end with one member when two first logins race', async () => {
    const results = await Promise.all([wechatLogin({ code: 'code-carol' }), wechatLogin({ code: 'code-carol' })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results[0].body.user.id).toBe(results[1].body.user.id);
    expect(await app.strapi.db.query(USER_UID).count({ where: { wechatOpenId: 'openid-carol' } })).toBe(1);
  });

  it('should refuse a blocked member with 403 FORBIDDEN', async () => {
    const { body } = await wechatLogin({ code: 'code-dave' }).expect(200);
    await app.strapi.db.query(USER_UID).update({ where: { id: body.user.id }, data: { blocked: true } });
    const res = await wechatLogin({ code: 'code-dave' }).expect(403);
    expect(res.body.error.details.code).toBe('FORBIDDEN');
  });

  it('should answer 502 when WeChat cannot be reached', async () => {
    await new Promise<void>((resolve) => wechat.close(() => resolve()));
    const res = await wechatLogin({ code: 'code-alice-1' }).expect(502);
    expect(res.body.error.details.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
