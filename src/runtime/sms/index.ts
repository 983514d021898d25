import { createAliyunSmsProvider } from './aliyun';
import { createConsoleSmsProvider } from './console';
import { createTencentSmsProvider } from './tencent';
import type { HttpProviderDeps, SmsLogger, SmsProvider } from './types';

export type { SmsMessage, SmsProvider, SmsLogger, HttpProviderDeps } from './types';
export { SmsProviderError, toE164 } from './types';
export { renderTemplate, placeholderNames, orderVarsByTemplate } from './template';
export { consoleOutbox, lastSmsTo, clearConsoleOutbox, type OutboxEntry } from './console';
export { aliyunSignature, aliyunStringToSign, canonicalQuery, percentEncode } from './aliyun';
export { tc3Sign } from './tencent';

export const SMS_PROVIDERS = ['console', 'aliyun', 'tencent'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

function required(env: NodeJS.ProcessEnv, names: readonly string[], provider: string): Record<string, string> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`SMS_PROVIDER=${provider} needs ${missing.join(', ')}`);
  return Object.fromEntries(names.map((name) => [name, env[name] as string]));
}

/**
 * Picks the provider named by SMS_PROVIDER (console when unset). Missing keys or an unknown
 * name throw, so a misconfigured deployment fails at boot rather than on a user's first login.
 */
export function createSmsProvider(env: NodeJS.ProcessEnv, logger: SmsLogger, deps: HttpProviderDeps = {}): SmsProvider {
  const name = (env.SMS_PROVIDER || 'console').trim().toLowerCase();
  switch (name) {
    case 'console':
      if (env.NODE_ENV === 'production') {
        logger.warn('SMS_PROVIDER=console in production: codes are written to the log, no SMS is sent');
      }
      return createConsoleSmsProvider(logger, deps.now);
    case 'aliyun': {
      const keys = required(env, ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET'], name);
      return createAliyunSmsProvider(
        {
          accessKeyId: keys.ALIYUN_SMS_ACCESS_KEY_ID,
          accessKeySecret: keys.ALIYUN_SMS_ACCESS_KEY_SECRET,
          signName: env.ALIYUN_SMS_SIGN_NAME || undefined,
          endpoint: env.ALIYUN_SMS_ENDPOINT || 'https://dysmsapi.aliyuncs.com',
        },
        deps,
      );
    }
    case 'tencent': {
      const keys = required(env, ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID'], name);
      return createTencentSmsProvider(
        {
          secretId: keys.TENCENT_SMS_SECRET_ID,
          secretKey: keys.TENCENT_SMS_SECRET_KEY,
          sdkAppId: keys.TENCENT_SMS_SDK_APP_ID,
          signName: env.TENCENT_SMS_SIGN_NAME || undefined,
          region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
          endpoint: env.TENCENT_SMS_ENDPOINT || 'https://sms.tencentcloudapi.com',
        },
        deps,
      );
    }
    default:
      throw new Error(`unknown SMS_PROVIDER "${env.SMS_PROVIDER}" (expected ${SMS_PROVIDERS.join(', ')})`);
  }
}
