import http from 'http';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { aliyunSignature } from '../../src/runtime/sms/aliyun';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * The SMS path end to end with SMS_PROVIDER=aliyun against a local stand-in for Dysmsapi:
 * the operator's template decides what is sent, provider failures reach the client as 502,
 * and the per-IP cap holds.
 */
interface Received {
  params: Record<string, string>;
}

const received: Received[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: 'biz-1', RequestId: 'r' } };
const endpoint = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ params: Object.fromEntries(new URLSearchParams(body)) });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
});

let app: TestApp;

async function saveSmsSettings(strapi: Core.Strapi, sms: Record<string, number>) {
  const settings = strapi.documents('api::settings.platform-setting');
  const data = {
    sms: { codeTtlSeconds: 600, resendSeconds: 60, maxPerPhonePerDay: 10, maxPerIpPerHour: 1000, maxVerifyAttempts: 5, ...sms },
  };
  const existing = await settings.findFirst();
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

const send = (phone: string) => app.http.post('/api/auth/sms/send').send({ phone });

beforeAll(async () => {
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const { port } = endpoint.address() as AddressInfo;
  app = await bootStrapi({
    env: {
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-api-test',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'api-test-secret',
      ALIYUN_SMS_SIGN_NAME: '上门到家',
      ALIYUN_SMS_ENDPOINT: `http://127.0.0.1:${port}`,
    },
  });
  await saveSmsSettings(app.strapi, {});
  await app.strapi.documents('api::settings.message-template').create({
    data: {
      code: 'sms_login',
      channel: 'sms',
      name: '登录验证码',
      content: '验证码{code}，{minutes}分钟内有效。',
      providerTemplateId: 'SMS_480001',
      active: true,
    },
  } as any);
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => endpoint.close(() => resolve()));
});

describe('login codes through Aliyun', () => {
  it('should send a signed SendSms with the template id and a code that signs the member in', async () => {
    await send('13700137001').expect(200);
    const { params } = received.at(-1)!;
    expect(params).toMatchObject({
      Action: 'SendSms',
      AccessKeyId: 'LTAI-api-test',
      PhoneNumbers: '13700137001',
      SignName: '上门到家',
      TemplateCode: 'SMS_480001',
    });
    const { Signature, ...signed } = params;
    expect(Signature).toBe(aliyunSignature(signed, 'api-test-secret', 'POST'));

    const vars = JSON.parse(params.TemplateParam) as { code: string; minutes: string };
    expect(vars.minutes).toBe('10');
    const res = await app.http.post('/api/auth/sms/login').send({ phone: '13700137001', code: vars.code }).expect(200);
    expect(res.body.user.phone).toBe('13700137001');
  });

  it('should answer 502 when Aliyun refuses, keep no code alive and let the member retry at once', async () => {
    answer = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发小时级流控', RequestId: 'r' } };
    try {
      const res = await send('13700137002').expect(502);
      expect(res.body.error.details.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(res.body).not.toHaveProperty('data.sent');
      const code = JSON.parse(received.at(-1)!.params.TemplateParam).code as string;
      const login = await app.http.post('/api/auth/sms/login').send({ phone: '13700137002', code }).expect(400);
      expect(login.body.error.details.code).toBe('SMS_CODE_INVALID');
    } finally {
      answer = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: 'biz-2', RequestId: 'r' } };
    }
    await send('13700137002').expect(200);
  });
});

describe('per-IP cap', () => {
  it('should refuse a client over its hourly cap with 429 and retryAfter, even for a fresh phone', async () => {
    await saveSmsSettings(app.strapi, { maxPerIpPerHour: 1 });
    const before = received.length;
    const res = await send('13700137099').expect(429);
    expect(res.body.error.details.code).toBe('RATE_LIMITED');
    expect(res.body.error.details.retryAfter).toBeGreaterThan(0);
    expect(res.body.error.details.retryAfter).toBeLessThanOrEqual(3600);
    expect(received.length).toBe(before);

    // The same phone goes through once the cap allows it: it was the IP rule that refused.
    await saveSmsSettings(app.strapi, { maxPerIpPerHour: 1000 });
    await send('13700137099').expect(200);
  });
});
