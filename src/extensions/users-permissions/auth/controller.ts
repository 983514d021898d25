import type { Core } from '@strapi/strapi';
import { notFound } from '../../../runtime/errors';
import type { AuthContext } from './login';
import type { MemberAuthService } from './service';
import { parseSmsLoginBody, parseSmsSendBody, parseWechatLoginBody } from './validation';

interface RequestContext extends AuthContext {
  request: { body?: unknown; ip: string; headers?: Record<string, string | string[] | undefined> };
  body: unknown;
}

/** Controller `member-auth` of users-permissions: validate, call the service, answer. */
export function memberAuthController({ strapi }: { strapi: Core.Strapi }) {
  const service = () => strapi.plugin('users-permissions').service('member-auth') as MemberAuthService;

  return {
    // Stock routes switched off (strapi-server.ts): recovery by e-mail, e-mail confirmation, OAuth.
    async disabled() {
      throw notFound('该功能未开放');
    },

    // POST /api/auth/sms/send { phone } → { data: { sent, retryAfter } }
    async smsSend(ctx: RequestContext) {
      const { phone } = parseSmsSendBody(ctx.request.body);
      ctx.body = { data: await service().sendLoginCode({ phone, ip: ctx.request.ip }) };
    },

    // POST /api/auth/sms/login { phone, code, deviceId? } → { jwt, refreshToken, user }
    async smsLogin(ctx: RequestContext) {
      const { deviceId, ...credentials } = parseSmsLoginBody(ctx.request.body);
      const user = await service().loginWithSms(credentials);
      ctx.body = await service().authResponse(user, ctx, { deviceId });
    },

    // POST /api/auth/wechat/login { code, deviceId? } → { jwt, refreshToken, user }
    async wechatLogin(ctx: RequestContext) {
      const { deviceId, ...credentials } = parseWechatLoginBody(ctx.request.body);
      const user = await service().loginWithWechat(credentials);
      ctx.body = await service().authResponse(user, ctx, { deviceId });
    },
  };
}
