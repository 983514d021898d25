import http from 'http';
import type { AddressInfo } from 'net';
import { DomainError } from '../../../src/runtime/errors';
import { code2Session, wechatConfigFromEnv } from '../../../src/extensions/users-permissions/auth/wechat';

/** Stands in for api.weixin.qq.com; answers with what the test sets, records the query. */
async function startWechat() {
  const seen: URL[] = [];
  let reply: { status: number; body: string } = { status: 200, body: '{}' };
  const server = http.createServer((req, res) => {
    seen.push(new URL(req.url ?? '/', 'http://local'));
    res.writeHead(reply.status, { 'content-type': 'text/plain' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    answer(status: number, body: unknown) {
      reply = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('code2Session', () => {
  let wechat: Awaited<ReturnType<typeof startWechat>>;
  const config = () => ({ appId: 'wx-app', secret: 'wx-secret', apiBase: wechat.base });
  beforeAll(async () => {
    wechat = await startWechat();
  });
  afterAll(() => wechat.close());

  it('should call jscode2session with the app credentials and return openid and unionid only', async () => {
    wechat.answer(200, { openid: 'o-123', session_key: 'SECRET-SESSION', unionid: 'u-9' });
    const identity = await code2Session(config(), 'code-1');
    expect(identity).toEqual({ openid: 'o-123', unionid: 'u-9' });
    expect(JSON.stringify(identity)).not.toContain('SECRET-SESSION');
    const url = wechat.seen.at(-1)!;
    expect(url.pathname).toBe('/sns/jscode2session');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: 'wx-app',
      secret: 'wx-secret',
      js_code: 'code-1',
      grant_type: 'authorization_code',
    });
  });

  it('should leave unionid out when WeChat sends none', async () => {
    wechat.answer(200, { openid: 'o-123', session_key: 'k' });
    await expect(code2Session(config(), 'c')).resolves.toEqual({ openid: 'o-123', unionid: undefined });
  });

  it.each([40029, 40163])('should answer errcode %i as a 400 on the code field', async (errcode) => {
    wechat.answer(200, { errcode, errmsg: 'invalid code' });
    const error = await rejection(code2Session(config(), 'bad'));
    expect(error.status).toBe(400);
    expect(error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code', wechatErrcode: errcode });
  });

  it('should answer a busy WeChat (-1) and a wrong app secret (40125) as 502, and warn', async () => {
    const warn = jest.fn();
    wechat.answer(200, { errcode: -1, errmsg: 'system error' });
    expect((await rejection(code2Session(config(), 'c', { warn }))).details).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    wechat.answer(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    const misconfigured = await rejection(code2Session(config(), 'c', { warn }));
    expect(misconfigured.status).toBe(502);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('40125'));
  });

  it('should answer the frequency limit as 429 and a risky account as 403', async () => {
    wechat.answer(200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
    expect((await rejection(code2Session(config(), 'c'))).details).toEqual({ code: 'RATE_LIMITED', retryAfter: 60 });
    wechat.answer(200, { errcode: 40226, errmsg: 'high risk user' });
    expect((await rejection(code2Session(config(), 'c'))).status).toBe(403);
  });

  it('should answer a 5xx, a non-JSON body or a missing openid as 502', async () => {
    for (const [status, body] of [
      [503, 'Service Unavailable'],
      [200, '<html>'],
      [200, { session_key: 'k' }],
    ] as const) {
      wechat.answer(status, body);
      const error = await rejection(code2Session(config(), 'c'));
      expect(error.status).toBe(502);
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    }
  });

  it('should answer an unreachable WeChat as 502', async () => {
    const closed = await startWechat();
    await closed.close();
    const error = await rejection(code2Session({ ...config(), apiBase: closed.base }, 'c'));
    expect(error.details).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('should answer a WeChat that hangs as 502 after the timeout', async () => {
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    try {
      const error = await rejection(code2Session({ ...config(), apiBase: `http://127.0.0.1:${port}` }, 'c', { timeoutMs: 200 }));
      expect(error.status).toBe(502);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });
});

describe('wechatConfigFromEnv', () => {
  it('should need both app id and secret and default the API base', () => {
    expect(wechatConfigFromEnv({ WECHAT_MP_APPID: 'wx' })).toBeUndefined();
    expect(wechatConfigFromEnv({ WECHAT_MP_APPID: 'wx', WECHAT_MP_SECRET: 's' })).toEqual({
      appId: 'wx',
      secret: 's',
      apiBase: 'https://api.weixin.qq.com',
    });
  });
});
