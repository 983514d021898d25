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

describe('sandbox refund query', () => {
  it('should find the refunds it took, and no others', async () => {
    const { createSandboxProvider } = await import('../../../src/plugins/payments/server/src/providers/sandbox');
    const at = new Date('2026-03-01T10:00:00Z');
    const sandbox = createSandboxProvider({ secret: 's', now: () => at, confirmPath: path });
    expect((await sandbox.queryRefund({ outTradeNo: 'PY1', outRefundNo: 'RF1' })).status).toBe('not_found');
    await sandbox.refund({ outTradeNo: 'PY1', outRefundNo: 'RF1', amount: 500, total: 900, reason: '取消', notifyUrl: 'n' });
    expect(await sandbox.queryRefund({ outTradeNo: 'PY1', outRefundNo: 'RF1' })).toMatchObject({ status: 'success', amount: 500, refundId: 'SBRRF1', at });
    expect((await sandbox.queryRefund({ outTradeNo: 'PY1', outRefundNo: 'RF2' })).status).toBe('not_found');
  });
});
