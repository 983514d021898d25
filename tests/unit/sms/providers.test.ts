import http from 'http';
import type { AddressInfo } from 'net';
import { aliyunSignature } from '../../../src/runtime/sms/aliyun';
import { clearConsoleOutbox, consoleOutbox, createSmsProvider, lastSmsTo, SmsProviderError, type SmsMessage } from '../../../src/runtime/sms';
import { tc3Sign } from '../../../src/runtime/sms/tencent';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local stand-in for the provider endpoint: records each request, answers what the test says. */
async function startEndpoint(answer: (req: Received) => { status: number; body: string }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(request);
      const reply = answer(request);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silent = { info: jest.fn(), warn: jest.fn() };
const fixedNow = () => new Date('2026-03-01T08:30:15.123Z');

const loginMessage: SmsMessage = {
  phone: '13800138000',
  templateCode: 'sms_login',
  text: '您的验证码为123456，5分钟内有效。',
  vars: { code: '123456', minutes: '5' },
  providerTemplateId: 'SMS_100200',
  signName: '上门',
};

describe('createSmsProvider', () => {
  it('should default to the console provider', () => {
    expect(createSmsProvider({}, silent).name).toBe('console');
  });

  it('should refuse an unknown provider name', () => {
    expect(() => createSmsProvider({ SMS_PROVIDER: 'carrier-pigeon' }, silent)).toThrow(/unknown SMS_PROVIDER/);
  });

  it('should name the missing keys of a real provider', () => {
    expect(() => createSmsProvider({ SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'id' }, silent)).toThrow(
      'SMS_PROVIDER=aliyun needs ALIYUN_SMS_ACCESS_KEY_SECRET',
    );
    expect(() => createSmsProvider({ SMS_PROVIDER: 'tencent' }, silent)).toThrow(
      'SMS_PROVIDER=tencent needs TENCENT_SMS_SECRET_ID, TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SDK_APP_ID',
    );
  });

  it('should warn when codes would only reach the log in production', () => {
    const logger = { info: jest.fn(), warn: jest.fn() };
    createSmsProvider({ NODE_ENV: 'production' }, logger);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('SMS_PROVIDER=console in production'));
  });
});

describe('console provider', () => {
  beforeEach(() => clearConsoleOutbox());

  it('should keep sent messages in the outbox and log the text', async () => {
    const logger = { info: jest.fn(), warn: jest.fn() };
    const provider = createSmsProvider({ SMS_PROVIDER: 'console' }, logger);
    const { messageId } = await provider.send(loginMessage);
    await provider.send({ ...loginMessage, phone: '13900139000', text: '另一条' });

    expect(messageId).toMatch(/^console-/);
    expect(consoleOutbox()).toHaveLength(2);
    expect(lastSmsTo('13800138000')).toMatchObject({ text: loginMessage.text, vars: { code: '123456' }, messageId });
    expect(lastSmsTo('13700137000')).toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('您的验证码为123456'));
  });
});

describe('aliyun provider against a local endpoint', () => {
  const env = (endpoint: string) => ({
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test-id',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'test-secret',
    ALIYUN_SMS_SIGN_NAME: '默认签名',
    ALIYUN_SMS_ENDPOINT: endpoint,
  });

  it('should POST a correctly signed SendSms request and return the BizId', async () => {
    const endpoint = await startEndpoint(() => ({
      status: 200,
      body: JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' }),
    }));
    try {
      const provider = createSmsProvider(env(endpoint.url), silent, { now: fixedNow, nonce: () => 'nonce-1' });
      const result = await provider.send(loginMessage);
      expect(result).toEqual({ messageId: '900619746936498440^0' });

      expect(endpoint.received).toHaveLength(1);
      const [request] = endpoint.received;
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/');
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const params = Object.fromEntries(new URLSearchParams(request.body));
      expect(params).toMatchObject({
        AccessKeyId: 'LTAI-test-id',
        Action: 'SendSms',
        Format: 'JSON',
        Version: '2017-05-25',
        RegionId: 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: 'nonce-1',
        Timestamp: '2026-03-01T08:30:15Z',
        PhoneNumbers: '13800138000',
        SignName: '上门',
        TemplateCode: 'SMS_100200',
      });
      expect(JSON.parse(params.TemplateParam)).toEqual({ code: '123456', minutes: '5' });
      const { Signature, ...signed } = params;
      expect(Signature).toBe(aliyunSignature(signed, 'test-secret', 'POST'));
      expect(Signature).not.toBe(aliyunSignature(signed, 'other-secret', 'POST'));
    } finally {
      await endpoint.close();
    }
  });

  it('should fall back to ALIYUN_SMS_SIGN_NAME when the template has no sign name', async () => {
    const endpoint = await startEndpoint(() => ({ status: 200, body: JSON.stringify({ Code: 'OK', BizId: 'b1' }) }));
    try {
      await createSmsProvider(env(endpoint.url), silent).send({ ...loginMessage, signName: undefined });
      expect(new URLSearchParams(endpoint.received[0].body).get('SignName')).toBe('默认签名');
    } finally {
      await endpoint.close();
    }
  });

  it('should surface a business error code instead of reporting success', async () => {
    const endpoint = await startEndpoint(() => ({
      status: 200,
      body: JSON.stringify({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1', RequestId: 'x' }),
    }));
    try {
      const sending = createSmsProvider(env(endpoint.url), silent).send(loginMessage);
      await expect(sending).rejects.toBeInstanceOf(SmsProviderError);
      await expect(sending).rejects.toMatchObject({ providerCode: 'isv.BUSINESS_LIMIT_CONTROL' });
    } finally {
      await endpoint.close();
    }
  });

  it('should surface an HTTP error with a signature complaint', async () => {
    const endpoint = await startEndpoint(() => ({
      status: 400,
      body: JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched', RequestId: 'x' }),
    }));
    try {
      await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toMatchObject({
        providerCode: 'SignatureDoesNotMatch',
        httpStatus: 400,
      });
    } finally {
      await endpoint.close();
    }
  });

  it('should surface a non-JSON server error', async () => {
    const endpoint = await startEndpoint(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    try {
      await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toMatchObject({ httpStatus: 502 });
    } finally {
      await endpoint.close();
    }
  });

  it('should surface a connection failure', async () => {
    const endpoint = await startEndpoint(() => ({ status: 200, body: '{}' }));
    await endpoint.close();
    await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toThrow(/aliyun sms: request to 127\.0\.0\.1:\d+ failed/);
  });

  it('should refuse a template without provider template id before calling out', async () => {
    const endpoint = await startEndpoint(() => ({ status: 200, body: '{}' }));
    try {
      await expect(
        createSmsProvider(env(endpoint.url), silent).send({ ...loginMessage, providerTemplateId: undefined }),
      ).rejects.toThrow(/providerTemplateId/);
      expect(endpoint.received).toHaveLength(0);
    } finally {
      await endpoint.close();
    }
  });
});

describe('tencent provider against a local endpoint', () => {
  const env = (endpoint: string) => ({
    SMS_PROVIDER: 'tencent',
    TENCENT_SMS_SECRET_ID: 'AKID-test',
    TENCENT_SMS_SECRET_KEY: 'tencent-secret',
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_SIGN_NAME: '默认签名',
    TENCENT_SMS_REGION: 'ap-beijing',
    TENCENT_SMS_ENDPOINT: endpoint,
  });
  const ok = {
    Response: {
      SendStatusSet: [
        { SerialNo: '5000:1045710669157053657849499619', PhoneNumber: '+8613800138000', Fee: 1, Code: 'Ok', Message: 'send success', IsoCode: 'CN' },
      ],
      RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
    },
  };

  it('should POST a TC3-signed SendSms request and return the serial number', async () => {
    const endpoint = await startEndpoint(() => ({ status: 200, body: JSON.stringify(ok) }));
    try {
      const provider = createSmsProvider(env(endpoint.url), silent, { now: fixedNow });
      const result = await provider.send({ ...loginMessage, vars: { minutes: '5', code: '123456' } });
      expect(result).toEqual({ messageId: '5000:1045710669157053657849499619' });

      const [request] = endpoint.received;
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/');
      expect(request.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-region': 'ap-beijing',
        'x-tc-timestamp': String(Math.floor(fixedNow().getTime() / 1000)),
      });
      expect(JSON.parse(request.body)).toEqual({
        PhoneNumberSet: ['+8613800138000'],
        SmsSdkAppId: '1400000001',
        SignName: '上门',
        TemplateId: 'SMS_100200',
        // Positional parameters keep the order the caller gave.
        TemplateParamSet: ['5', '123456'],
      });

      const recomputed = tc3Sign({
        secretId: 'AKID-test',
        secretKey: 'tencent-secret',
        service: 'sms',
        timestamp: Number(request.headers['x-tc-timestamp']),
        headers: {
          'content-type': String(request.headers['content-type']),
          host: String(request.headers.host),
          'x-tc-action': String(request.headers['x-tc-action']),
        },
        payload: request.body,
      });
      expect(request.headers.authorization).toBe(recomputed.authorization);
      expect(request.headers.authorization).toContain('Credential=AKID-test/2026-03-01/sms/tc3_request');
    } finally {
      await endpoint.close();
    }
  });

  it('should surface an API error', async () => {
    const endpoint = await startEndpoint(() => ({
      status: 200,
      body: JSON.stringify({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' }, RequestId: 'r' } }),
    }));
    try {
      await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toMatchObject({
        name: 'SmsProviderError',
        providerCode: 'AuthFailure.SignatureFailure',
      });
    } finally {
      await endpoint.close();
    }
  });

  it('should surface a failed message inside a successful call', async () => {
    const limited = {
      Response: {
        SendStatusSet: [{ SerialNo: '', PhoneNumber: '+8613800138000', Fee: 0, Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: '日上限' }],
        RequestId: 'r',
      },
    };
    const endpoint = await startEndpoint(() => ({ status: 200, body: JSON.stringify(limited) }));
    try {
      await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toMatchObject({
        providerCode: 'LimitExceeded.PhoneNumberDailyLimit',
      });
    } finally {
      await endpoint.close();
    }
  });

  it('should surface a connection failure', async () => {
    const endpoint = await startEndpoint(() => ({ status: 200, body: '{}' }));
    await endpoint.close();
    await expect(createSmsProvider(env(endpoint.url), silent).send(loginMessage)).rejects.toBeInstanceOf(SmsProviderError);
  });
});
