import { assertProductionReady, corsOrigins, productionProblems } from '../../../src/runtime/deployment';

const DEMO = ['Demo12345!', 'Admin12345!'];
const prod = { NODE_ENV: 'production', SMS_PROVIDER: 'aliyun', REDIS_URL: 'redis://r:6379' };

describe('productionProblems', () => {
  it('has nothing to say outside production, whatever the settings', () => {
    expect(productionProblems({ NODE_ENV: 'development', SMS_PROVIDER: 'console', ADMIN_PASSWORD: 'Admin12345!' }, DEMO)).toEqual([]);
  });
  it('accepts a sound production environment', () => {
    expect(productionProblems({ ...prod, ADMIN_PASSWORD: 'S0me-long-secret', CORS_ORIGINS: 'https://m.shangmen.example' }, DEMO)).toEqual([]);
    expect(() => assertProductionReady(prod, DEMO)).not.toThrow();
  });
  it('refuses the console SMS provider, set or by default', () => {
    expect(productionProblems({ ...prod, SMS_PROVIDER: 'console' }, DEMO)).toEqual([expect.stringMatching(/SMS_PROVIDER/)]);
    expect(productionProblems({ ...prod, SMS_PROVIDER: undefined }, DEMO)).toEqual([expect.stringMatching(/SMS_PROVIDER/)]);
  });
  it('refuses the seed’s demo passwords in any *_PASSWORD variable', () => {
    expect(productionProblems({ ...prod, ADMIN_PASSWORD: 'Admin12345!' }, DEMO)).toEqual([expect.stringMatching(/ADMIN_PASSWORD is a demo password/)]);
    expect(productionProblems({ ...prod, DATABASE_PASSWORD: 'Demo12345!' }, DEMO)).toEqual([expect.stringMatching(/DATABASE_PASSWORD/)]);
  });
  it('refuses several instances without Redis', () => {
    for (const extra of [{ QUEUE_WORKERS: 'false' }, { NODE_APP_INSTANCE: '0' }, { WEB_CONCURRENCY: '4' }, { INSTANCE_COUNT: '2' }]) {
      expect(productionProblems({ ...prod, REDIS_URL: undefined, ...extra }, DEMO)).toEqual([expect.stringMatching(/REDIS_URL/)]);
      expect(productionProblems({ ...prod, ...extra }, DEMO)).toEqual([]);
    }
    expect(productionProblems({ ...prod, REDIS_URL: undefined }, DEMO)).toEqual([]);
  });
  it('lists every problem in one clear error', () => {
    expect(() => assertProductionReady({ NODE_ENV: 'production', ADMIN_PASSWORD: 'Admin12345!', QUEUE_WORKERS: 'false' }, DEMO)).toThrow(
      /Refusing to start in production:\n- SMS_PROVIDER.*\n- ADMIN_PASSWORD.*\n- several instances/s,
    );
  });
});

describe('corsOrigins', () => {
  it('takes the comma list, trimmed, without trailing slashes', () => {
    expect(corsOrigins({ CORS_ORIGINS: 'https://a.example, https://b.example:8443/ ' })).toEqual(['https://a.example', 'https://b.example:8443']);
  });
  it('defaults to localhost origins in development and to none in production', () => {
    expect(corsOrigins({ NODE_ENV: 'development' })).toEqual(expect.arrayContaining(['http://localhost:1337', 'http://127.0.0.1:5173']));
    expect(corsOrigins({ NODE_ENV: 'development' }).every((o) => /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(o))).toBe(true);
    expect(corsOrigins({ NODE_ENV: 'production' })).toEqual([]);
  });
  it('refuses a wildcard or something that is not an origin', () => {
    expect(() => corsOrigins({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => corsOrigins({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/not an origin/);
    expect(productionProblems({ ...prod, CORS_ORIGINS: '*' }, DEMO)).toEqual([expect.stringMatching(/CORS_ORIGINS/)]);
  });
});
