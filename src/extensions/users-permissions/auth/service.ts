import type { Core } from '@strapi/strapi';
import type { PlatformSettings } from '../../../api/settings/settings-defaults';
import { runtime } from '../../../runtime';
import { clientKey } from '../../../runtime/client-key';
import { clock } from '../../../runtime/clock';
import { consumeRateLimit, refundRateLimit } from '../../../runtime/rate-limits';
import { DomainError } from '../../../runtime/errors';
import { createSmsProvider, orderVarsByTemplate, renderTemplate, type SmsMessage, type SmsProvider } from '../../../runtime/sms';
import { assertNotBlocked, createMemberAccounts, type AuthContext, type MemberUser } from './login';
import { maskPhone } from './phone';
import { releaseResendSlot, reserveSmsSend } from './rate-limit';
import { consumeSmsCode, deriveCodeSecret, discardSmsCode, generateSmsCode, storeSmsCode } from './sms-code';
import { code2Session, upstreamUnavailable, wechatConfigFromEnv, type WechatMpConfig } from './wechat';

export const LOGIN_TEMPLATE_CODE = 'sms_login';
export const FALLBACK_LOGIN_TEXT = '您的验证码为{code}，{minutes}分钟内有效。';

/**
 * The `member-auth` service of users-permissions: SMS code and WeChat sign-in for members.
 * Built once per Strapi instance; `start()` (plugin bootstrap) picks the SMS provider from the
 * environment so a misconfigured provider stops the boot instead of the first login.
 */
export function memberAuthService({ strapi }: { strapi: Core.Strapi }) {
  const accounts = createMemberAccounts(strapi);
  let sms: SmsProvider | undefined;
  let wechat: WechatMpConfig | undefined;
  let secret: Buffer | undefined;

  const settings = (): Promise<PlatformSettings> =>
    (strapi.service('api::settings.platform-setting') as unknown as { current(): Promise<PlatformSettings> }).current();

  const codeSecret = (): Buffer => {
    if (!secret) {
      const jwtSecret = strapi.config.get<string | undefined>('plugin::users-permissions.jwtSecret');
      if (!jwtSecret) throw new Error('users-permissions jwtSecret is not set; SMS codes cannot be hashed');
      secret = deriveCodeSecret(jwtSecret);
    }
    return secret;
  };

  const smsProvider = (): SmsProvider => {
    sms ??= createSmsProvider(process.env, strapi.log);
    return sms;
  };

  async function loginMessage(phone: string, code: string, ttlSeconds: number): Promise<SmsMessage> {
    const template = await strapi.documents('api::settings.message-template').findFirst({
      filters: { code: LOGIN_TEMPLATE_CODE, channel: 'sms', active: true },
    });
    const text = template?.content || FALLBACK_LOGIN_TEXT;
    const vars = orderVarsByTemplate(text, { code, minutes: String(Math.max(1, Math.ceil(ttlSeconds / 60))) });
    return {
      phone,
      templateCode: LOGIN_TEMPLATE_CODE,
      text: renderTemplate(text, vars),
      vars,
      providerTemplateId: template?.providerTemplateId || undefined,
      signName: template?.signName || undefined,
    };
  }

  return {
    start(): void {
      smsProvider();
      wechat = wechatConfigFromEnv(process.env);
      if (!wechat) strapi.log.info('WeChat mini-program login is off: WECHAT_MP_APPID / WECHAT_MP_SECRET not set');
    },

    smsProvider,

    /** Sends a login code; `retryAfter` is how long until the next one may be asked for. */
    async sendLoginCode(input: { phone: string; ip: string }): Promise<{ sent: true; retryAfter: number }> {
      const current = await settings();
      const { cache } = runtime();
      const reservation = await reserveSmsSend(cache, {
        phone: input.phone,
        ip: clientKey(input.ip),
        limits: current.sms,
        now: clock.now(),
        timeZone: current.timezone,
      });
      // The platform-wide hourly budget bounds what a botnet spread over many IPs and phones costs.
      try {
        await consumeRateLimit('SMS_GLOBAL', 'all', '短信发送繁忙，请稍后再试');
      } catch (err) {
        await reservation.release();
        strapi.log.warn('SMS hourly budget used up (SMS_HOURLY_BUDGET); login codes refused');
        throw err;
      }
      const code = generateSmsCode();
      await storeSmsCode(cache, { phone: input.phone, code, secret: codeSecret(), ttlSeconds: current.sms.codeTtlSeconds });
      try {
        await smsProvider().send(await loginMessage(input.phone, code, current.sms.codeTtlSeconds));
      } catch (err) {
        // Nobody received this code: drop it and let the member ask again right away.
        await discardSmsCode(cache, input.phone);
        await reservation.release();
        await refundRateLimit('SMS_GLOBAL', 'all');
        strapi.log.error(`login code to ${maskPhone(input.phone)} not sent: ${(err as Error).message}`);
        throw new DomainError('UPSTREAM_UNAVAILABLE', '短信发送失败，请稍后重试');
      }
      return { sent: true, retryAfter: reservation.retryAfter };
    },

    async loginWithSms(input: { phone: string; code: string }): Promise<MemberUser> {
      const { sms: rules } = await settings();
      const { cache } = runtime();
      await consumeSmsCode(cache, {
        phone: input.phone,
        code: input.code,
        secret: codeSecret(),
        ttlSeconds: rules.codeTtlSeconds,
        maxAttempts: rules.maxVerifyAttempts,
      });
      await releaseResendSlot(cache, input.phone);
      const user = await accounts.findOrCreateByPhone(input.phone);
      assertNotBlocked(user);
      return user;
    },

    async loginWithWechat(input: { code: string }): Promise<MemberUser> {
      wechat ??= wechatConfigFromEnv(process.env);
      if (!wechat) {
        strapi.log.warn('WeChat login requested but WECHAT_MP_APPID / WECHAT_MP_SECRET are not set');
        throw upstreamUnavailable('微信登录暂未开通');
      }
      const identity = await code2Session(wechat, input.code, { warn: (message) => strapi.log.warn(message) });
      const user = await accounts.findOrCreateByWechat(identity);
      assertNotBlocked(user);
      return user;
    },

    findOrCreateByPhone: accounts.findOrCreateByPhone,
    findOrCreateByWechat: accounts.findOrCreateByWechat,

    authResponse(user: MemberUser, ctx: AuthContext, client: { deviceId?: string } = {}) {
      return accounts.authResponse(user, ctx, client);
    },
  };
}

export type MemberAuthService = ReturnType<typeof memberAuthService>;
