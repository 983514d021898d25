import type { Core } from '@strapi/strapi';
import { lastSmsTo } from '../../../src/runtime/sms';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

/** An anonymous attacker behind (or pretending to be behind) the load balancer. */
let app: TestApp;
const BUDGET = 8;
let sent = 0;

async function saveSmsSettings(strapi: Core.Strapi, sms: Record<string, number>) {
  const settings = strapi.documents('api::settings.platform-setting');
  const data = { sms: { codeTtlSeconds: 300, resendSeconds: 60, maxPerPhonePerDay: 10, maxPerIpPerHour: 2, maxVerifyAttempts: 5, ...sms } };
  const existing = await settings.findFirst();
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

const send = (phone: string, forwardedFor: string) => app.http.post('/api/auth/sms/send').set('X-Forwarded-For', forwardedFor).send({ phone });
const smsLogin = (phone: string, code: string, forwardedFor: string) => app.http.post('/api/auth/sms/login').set('X-Forwarded-For', forwardedFor).send({ phone, code });
const expectSent = async (phone: string, forwardedFor: string) => {
  const res = await send(phone, forwardedFor);
  expect([phone, res.status]).toEqual([phone, 200]);
  sent += 1;
};
const expectLimited = (res: { status: number; body: any }) => {
  expect(res.status).toBe(429);
  expect(res.body.error.details.code).toBe('RATE_LIMITED');
  expect(res.body.error.details.retryAfter).toBeGreaterThan(0);
};

beforeAll(async () => {
  app = await bootStrapi({ env: { TRUST_PROXY: 'true', SMS_HOURLY_BUDGET: String(BUDGET) } });
  await saveSmsSettings(app.strapi, {});
});
afterAll(async () => {
  await app?.close();
});

describe('client IP behind a trusted proxy', () => {
  it('counts the address the proxy appended, not what the client wrote in front of it', async () => {
    await expectSent('13700000001', '9.9.9.9, 198.51.100.7');
    await expectSent('13700000002', '8.8.8.8, 198.51.100.7');
    expectLimited(await send('13700000003', '7.7.7.7, 198.51.100.7'));
    await expectSent('13700000004', '198.51.100.8');
  });

  it('groups IPv6 clients by /64', async () => {
    await expectSent('13700000005', '2001:db8:1:2::1');
    await expectSent('13700000006', '2001:db8:1:2:ffff::2');
    expectLimited(await send('13700000007', '2001:db8:1:2::3'));
  });
});

describe('SMS code guessing', () => {
  it('refuses the right code after 20 parallel wrong guesses from 20 addresses', async () => {
    const phone = '13700000010';
    await expectSent(phone, '192.0.2.10');
    const right = lastSmsTo(phone)!.vars.code;
    const wrong = Array.from({ length: 20 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(wrong.map((code, i) => smsLogin(phone, code, `192.0.2.${100 + i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(400));
    const late = await smsLogin(phone, right, '192.0.2.200').expect(400);
    expect(late.body.error.details.code).toBe('SMS_CODE_INVALID');
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { phone } })).toBe(0);
  });

  it('limits SMS sign-in attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await smsLogin(`1360000${String(i).padStart(4, '0')}`, '123456', '203.0.113.50')).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expectLimited(await smsLogin('13600009999', '123456', '203.0.113.50'));
    // Another client is not affected.
    expect((await smsLogin('13600009999', '123456', '203.0.113.51')).status).toBe(400);
  });
});

describe('password and WeChat sign-in', () => {
  it('limits password attempts per client across accounts', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await app.http.post('/api/auth/local').set('X-Forwarded-For', '203.0.113.60').send({ identifier: `victim${i}@example.com`, password: 'wrong-Passw0rd' });
      expect(res.status).toBe(400);
    }
    expectLimited(await app.http.post('/api/auth/local').set('X-Forwarded-For', '203.0.113.60').send({ identifier: 'victim99@example.com', password: 'x' }));
  });

  it('limits password attempts per account across clients', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await app.http.post('/api/auth/local').set('X-Forwarded-For', `203.0.113.${70 + i}`).send({ identifier: 'Admin@Example.com', password: `guess-${i}` });
      expect(res.status).toBe(400);
    }
    expectLimited(await app.http.post('/api/auth/local').set('X-Forwarded-For', '203.0.113.99').send({ identifier: 'admin@example.com', password: 'guess-x' }));
  });

  it('limits WeChat sign-in per client', async () => {
    for (let i = 0; i < 60; i += 1) {
      const res = await app.http.post('/api/auth/wechat/login').set('X-Forwarded-For', '203.0.113.120').send({ code: `code-${i}` });
      expect(res.status).not.toBe(429);
    }
    expectLimited(await app.http.post('/api/auth/wechat/login').set('X-Forwarded-For', '203.0.113.120').send({ code: 'code-x' }));
  });
});

describe('platform-wide SMS budget', () => {
  it('refuses login codes once the hourly budget is used, whatever the phone or address', async () => {
    let i = 0;
    while (sent < BUDGET) {
      await expectSent(`1350000${String(i).padStart(4, '0')}`, `100.64.${i}.1`);
      i += 1;
    }
    const res = await send('13599999999', '100.64.200.1');
    expectLimited(res);
    expect(lastSmsTo('13599999999')).toBeUndefined();
  });
});
