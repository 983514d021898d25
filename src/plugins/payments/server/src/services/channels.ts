import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError } from '../../../../../runtime/errors';
import { alipayFromEnv } from '../providers/alipay';
import { createSandboxProvider, sandboxConfigFromEnv } from '../providers/sandbox';
import { unionpayFromEnv } from '../providers/unionpay';
import { wechatPayFromEnv } from '../providers/wechat';
import type { Channel, PaymentProvider } from '../providers/types';

type ExternalChannel = Exclude<Channel, 'balance'>;

/**
 * The providers this instance can use, built once from the environment. Channel modules that
 * are not configured are simply absent: asking for them is a 400 "not available", never a fake.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<ExternalChannel, PaymentProvider>();

  return {
    init(env: NodeJS.ProcessEnv = process.env) {
      providers.clear();
      const now = () => clock.now();
      const sandbox = sandboxConfigFromEnv(env, now, (no) => `/api/payments/sandbox/${no}/confirm`);
      if (sandbox) {
        providers.set('sandbox', createSandboxProvider(sandbox));
        strapi.log.warn('[payments] PAYMENTS_SANDBOX=true: the sandbox channel is on, members can confirm their own payments (development and tests only)');
      }
      // Each channel is on when its variables are set (a partial set stops the boot with the names).
      for (const factory of [wechatPayFromEnv, alipayFromEnv, unionpayFromEnv]) {
        const provider = factory(env, now);
        if (provider) providers.set(provider.channel as ExternalChannel, provider);
      }
      for (const provider of providers.values()) {
        for (const warning of provider.configurationWarnings?.(now()) ?? []) strapi.log.warn(`[payments] ${warning}`);
      }
    },

    /** Registers a provider built elsewhere (channel modules, tests with their own keys). */
    use(provider: PaymentProvider) {
      providers.set(provider.channel as ExternalChannel, provider);
    },

    available(): Channel[] {
      return ['balance', ...providers.keys()];
    },

    has(channel: Channel): boolean {
      return channel === 'balance' || providers.has(channel as ExternalChannel);
    },

    provider(channel: Channel): PaymentProvider {
      const provider = providers.get(channel as ExternalChannel);
      if (!provider && channel === 'sandbox') {
        throw new DomainError('CHANNEL_DISABLED', '沙箱支付未开启', { field: 'channel', channel });
      }
      if (!provider) throw new DomainError('VALIDATION_FAILED', '该支付方式暂未开通', { field: 'channel', channel });
      return provider;
    },
  };
};
