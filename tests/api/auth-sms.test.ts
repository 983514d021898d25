import type { Core } from '@strapi/strapi';
import { findRoleId, ROLE_WORKER } from '../../src/bootstrap/users-roles';
import { lastSmsTo } from '../../src/runtime/sms';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const USER_UID = 'plugin::users-permissions.user';

let app: TestApp;

async function saveSmsSettings(strapi: Core.Strapi, sms: Record<string, number>) {
  const settings = strapi.documents('api::settings.platform-setting');
  const data = {
    sms: { codeTtlSeconds: 300, resendSeconds: 60, maxPerPhonePerDay: 10, maxPerIpPerHour: 30, maxVerifyAttempts: 5, ...sms },
  };
  const existing = await settings.findFirst();
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

const send = (phone: unknown) => app.http.post('/api/auth/sms/send').send({ phone });
const login = (phone: string, code: string) => app.http.post('/api/auth/sms/login').send({ phone, code });

/** What the member would read on their phone. */
function codeSentTo(phone: string): string {
  const message = lastSmsTo(phone);
  if (!message) throw new Error(`no SMS to ${phone}`);
  return message.vars.code;
}

async function signIn(phone: string) {
  await send(phone).expect(200);
  const res = await login(phone, codeSentTo(phone)).expect(200);
  return res.body as { jwt: string; user: Record<string, unknown> };
}

const usersWithPhone = (phone: string) => app.strapi.db.query(USER_UID).count({ where: { phone } });

beforeAll(async () => {
  app = await bootStrapi();
  // Every request of this file comes from one IP; the per-IP cap has its own file.
  await saveSmsSettings(app.strapi, { maxPerIpPerHour: 1000 });
});
afterAll(async () => {
  await app?.close();
});

describe('SMS code login', () => {
  it('should send a code and sign a new member in with it', async () => {
    const sent = await send('13800138001').expect(200);
    expect(sent.body).toEqual({ data: { sent: true, retryAfter: 60 } });
    const code = codeSentTo('13800138001');
    expect(lastSmsTo('13800138001')?.text).toBe(`您的验证码为${code}，5分钟内有效。`);

    const res = await login('13800138001', code).expect(200);
    expect(typeof res.body.jwt).toBe('string');
    expect(res.body.user).toMatchObject({
      username: 'm13800138001',
      phone: '13800138001',
      nickname: '用户8001',
      provider: 'sms',
      confirmed: true,
      blocked: false,
    });
    for (const hidden of ['password', 'resetPasswordToken', 'confirmationToken', 'wechatOpenId', 'wechatUnionId']) {
      expect(res.body.user).not.toHaveProperty(hidden);
    }

    const stored = await app.strapi.db.query(USER_UID).findOne({ where: { phone: '13800138001' }, populate: ['role'] });
    expect(stored.role.type).toBe('authenticated');
    expect(stored.email).toBeNull();
    expect(stored.password).toBeNull();
  });

  it('should sign the same member in again with a new code', async () => {
    const first = await signIn('13800138002');
    const second = await signIn('13800138002');
    expect(second.user.id).toBe(first.user.id);
    expect(await usersWithPhone('13800138002')).toBe(1);
  });

  it('should accept a +86 number and treat it as the 11-digit one', async () => {
    await send('+86 138 0013 8003').expect(200);
    const res = await login('+8613800138003', codeSentTo('13800138003')).expect(200);
    expect(res.body.user.phone).toBe('13800138003');
  });

  it('should refuse a wrong code with SMS_CODE_INVALID in the error envelope', async () => {
    await send('13800138004').expect(200);
    const right = codeSentTo('13800138004');
    const wrong = right === '000000' ? '111111' : '000000';
    const res = await login('13800138004', wrong).expect(400);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '验证码错误，还可尝试 4 次',
        details: { code: 'SMS_CODE_INVALID', attemptsLeft: 4 },
      },
    });
    // The right code still works after one mistake.
    await login('13800138004', right).expect(200);
  });

  it('should refuse a code used once already', async () => {
    await send('13800138005').expect(200);
    const code = codeSentTo('13800138005');
    await login('13800138005', code).expect(200);
    const reuse = await login('13800138005', code).expect(400);
    expect(reuse.body.error.details.code).toBe('SMS_CODE_INVALID');
  });

  it('should burn the code after the allowed number of wrong tries', async () => {
    await send('13800138006').expect(200);
    const right = codeSentTo('13800138006');
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left -= 1) {
      const res = await login('13800138006', wrong).expect(400);
      expect(res.body.error.details).toEqual({ code: 'SMS_CODE_INVALID', attemptsLeft: left });
    }
    const late = await login('13800138006', right).expect(400);
    expect(late.body.error.details.code).toBe('SMS_CODE_INVALID');
    expect(await usersWithPhone('13800138006')).toBe(0);
  });

  it('should refuse a login when no code was sent', async () => {
    const res = await login('13800138007', '123456').expect(400);
    expect(res.body.error.details.code).toBe('SMS_CODE_INVALID');
  });

  it('should answer a resend inside the window with 429 and retryAfter', async () => {
    await send('13800138008').expect(200);
    const first = codeSentTo('13800138008');
    const res = await send('13800138008').expect(429);
    expect(res.body.error.details.code).toBe('RATE_LIMITED');
    expect(res.body.error.details.retryAfter).toBeGreaterThan(0);
    expect(res.body.error.details.retryAfter).toBeLessThanOrEqual(60);
    // No second message went out, so the first code is still the one.
    expect(codeSentTo('13800138008')).toBe(first);
    await login('13800138008', first).expect(200);
  });

  it.each([
    ['a malformed phone', { phone: '12345678901' }],
    ['a missing phone', {}],
    ['an unknown field', { phone: '13800138009', role: 1 }],
  ])('should refuse %s with 400 VALIDATION_FAILED', async (_name, body) => {
    const res = await app.http.post('/api/auth/sms/send').send(body).expect(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    expect(lastSmsTo('13800138009')).toBeUndefined();
  });

  it.each([
    ['a five-digit code', { phone: '13800138010', code: '12345' }],
    ['a missing code', { phone: '13800138010' }],
    ['an unknown field', { phone: '13800138010', code: '123456', provider: 'local' }],
  ])('should refuse a login with %s with 400 VALIDATION_FAILED', async (_name, body) => {
    const res = await app.http.post('/api/auth/sms/login').send(body).expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('should refuse a blocked member with 403 FORBIDDEN', async () => {
    const { user } = await signIn('13800138011');
    await app.strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { blocked: true } });
    await send('13800138011').expect(200);
    const res = await login('13800138011', codeSentTo('13800138011')).expect(403);
    expect(res.body.error.details.code).toBe('FORBIDDEN');
    expect(res.body).not.toHaveProperty('jwt');
  });

  it('should use the active sms_login template when an operator set one', async () => {
    const templates = app.strapi.documents('api::settings.message-template');
    const template = await templates.create({
      data: { code: 'sms_login', channel: 'sms', name: '登录验证码', content: '【上门】验证码{code}，{minutes}分钟内有效，{unknown}', active: true },
    } as any);
    try {
      await send('13800138012').expect(200);
      const message = lastSmsTo('13800138012');
      expect(message?.text).toBe(`【上门】验证码${message?.vars.code}，5分钟内有效，{unknown}`);
      expect(message?.templateCode).toBe('sms_login');

      await templates.update({ documentId: template.documentId, data: { active: false } } as any);
      await send('13800138013').expect(200);
      expect(lastSmsTo('13800138013')?.text).toMatch(/^您的验证码为\d{6}，5分钟内有效。$/);
    } finally {
      await templates.delete({ documentId: template.documentId });
    }
  });
});

describe('first logins racing', () => {
  it('should end with one member when the same code is submitted twice at once', async () => {
    await send('13800138014').expect(200);
    const code = codeSentTo('13800138014');
    const results = await Promise.all([login('13800138014', code), login('13800138014', code)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await usersWithPhone('13800138014')).toBe(1);
  });

  it('should end with one member when two first logins for a phone create at once', async () => {
    const service = app.strapi.plugin('users-permissions').service('member-auth');
    const [a, b, c] = await Promise.all([
      service.findOrCreateByPhone('13800138015'),
      service.findOrCreateByPhone('13800138015'),
      service.findOrCreateByPhone('13800138015'),
    ]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await usersWithPhone('13800138015')).toBe(1);
  });
});

describe('/api/users/me', () => {
  it('should show the phone and the role flags to the member, and no private field', async () => {
    const { jwt } = await signIn('13800138016');
    const res = await app.http.get('/api/users/me').set('Authorization', `Bearer ${jwt}`).expect(200);
    expect(res.body).toMatchObject({ phone: '13800138016', nickname: '用户8016', isWorker: false, roleType: 'authenticated' });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('wechatOpenId');
  });

  it('should flag a worker', async () => {
    const { jwt, user } = await signIn('13800138017');
    const workerRole = await findRoleId(app.strapi, ROLE_WORKER);
    await app.strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { role: workerRole } });
    const res = await app.http.get('/api/users/me').set('Authorization', `Bearer ${jwt}`).expect(200);
    expect(res.body).toMatchObject({ isWorker: true, roleType: 'worker' });
  });
});
