import { SandboxInProduction, sandboxConfigFromEnv } from '../../../src/plugins/payments/server/src/providers/sandbox';

const now = () => new Date('2026-01-01T00:00:00Z');
const path = (no: string) => `/api/payments/sandbox/${no}/confirm`;

describe('sandbox channel is opt-in', () => {
  it('is off without PAYMENTS_SANDBOX, whatever NODE_ENV says', () => {
    expect(sandboxConfigFromEnv({ NODE_ENV: 'development' }, now, path)).toBeUndefined();
    expect(sandboxConfigFromEnv({}, now, path)).toBeUndefined();
    expect(sandboxConfigFromEnv({ PAYMENTS_SANDBOX: 'false' }, now, path)).toBeUndefined();
    expect(sandboxConfigFromEnv({ PAYMENTS_SANDBOX: '1' }, now, path)).toBeUndefined();
    // The old production escape hatch (secret set) no longer turns it on.
    expect(sandboxConfigFromEnv({ NODE_ENV: 'production', SANDBOX_PAY_SECRET: 'x' }, now, path)).toBeUndefined();
  });

  it('is on with PAYMENTS_SANDBOX=true outside production', () => {
    const config = sandboxConfigFromEnv({ PAYMENTS_SANDBOX: 'true', NODE_ENV: 'development', JWT_SECRET: 's' }, now, path);
    expect(config?.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(config?.confirmPath('PY1')).toBe('/api/payments/sandbox/PY1/confirm');
  });

  it('refuses to boot with PAYMENTS_SANDBOX=true and NODE_ENV=production, naming both', () => {
    const boot = () => sandboxConfigFromEnv({ PAYMENTS_SANDBOX: 'true', NODE_ENV: 'production', SANDBOX_PAY_SECRET: 'x' }, now, path);
    expect(boot).toThrow(SandboxInProduction);
    expect(boot).toThrow(/PAYMENTS_SANDBOX=true.*NODE_ENV=production/);
  });
});
