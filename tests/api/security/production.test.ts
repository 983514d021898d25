import path from 'path';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

/** A production instance probed from a foreign web page. */
let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi({
    env: {
      NODE_ENV: 'production',
      // The test environment turns the sandbox on; production refuses to boot with it.
      PAYMENTS_SANDBOX: 'false',
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'test-id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'test-secret',
      ALIYUN_SMS_ENDPOINT: 'http://127.0.0.1:9',
      CORS_ORIGINS: 'https://m.shangmen.example,https://admin.shangmen.example',
    },
  });
});
afterAll(async () => {
  await app?.close();
});

describe('production configuration', () => {
  it('serves no /documentation', async () => {
    expect((await app.http.get('/documentation')).status).toBe(404);
    expect((await app.http.get('/documentation/v1.0.0')).status).toBe(404);
  });

  it('does not announce the framework', async () => {
    const res = await app.http.get('/api/cities').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for the listed origins, never with credentials for others', async () => {
    const evil = await app.http.get('/api/cities').set('Origin', 'https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await app.http.options('/api/auth/local').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await app.http.get('/api/cities').set('Origin', 'https://m.shangmen.example');
    expect(listed.headers['access-control-allow-origin']).toBe('https://m.shangmen.example');
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    const local = await app.http.get('/api/cities').set('Origin', 'http://localhost:1337');
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('refused production boots', () => {
  it('stops with a clear message for the console SMS provider, a demo password and several instances without Redis', async () => {
    await app.close();
    const previous = { ...process.env };
    Object.assign(process.env, { NODE_ENV: 'production', SMS_PROVIDER: 'console', ADMIN_PASSWORD: 'Admin12345!', QUEUE_WORKERS: 'false', DATABASE_FILENAME: path.join(require('os').tmpdir(), `shangmen-refused-${process.pid}.db`) });
    delete process.env.REDIS_URL;
    const { createStrapi } = await import('@strapi/strapi');
    const appDir = path.resolve(__dirname, '..', '..', '..');
    const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
    try {
      await expect(strapi.load()).rejects.toThrow(/Refusing to start in production:[\s\S]*SMS_PROVIDER[\s\S]*ADMIN_PASSWORD[\s\S]*REDIS_URL/);
    } finally {
      await strapi.destroy().catch(() => undefined);
      for (const suffix of ['', '-wal', '-shm', '-journal']) require('fs').rmSync(`${process.env.DATABASE_FILENAME}${suffix}`, { force: true });
      process.env = previous;
      app = undefined as unknown as TestApp;
    }
  });
});
