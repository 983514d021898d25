import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { findRoleId, ROLE_MEMBER } from '../../../bootstrap/users-roles';
import { forbidden } from '../../../runtime/errors';
import { memberSessions } from './sessions';
import type { WechatIdentity } from './wechat';

/**
 * Members who sign in with a phone code or WeChat: found by phone / openid, created on first
 * login with the member role. Phone and openid carry real unique indexes (bootstrap), so when
 * two first logins race, one insert fails and that request re-reads the winner's row.
 */
export const USER_UID = 'plugin::users-permissions.user';

export interface MemberUser {
  id: number;
  documentId: string;
  username: string;
  provider?: string | null;
  blocked?: boolean | null;
  phone?: string | null;
  wechatOpenId?: string | null;
  wechatUnionId?: string | null;
  [field: string]: unknown;
}

export interface AuthContext {
  state: { auth?: unknown };
  request?: { headers?: Record<string, string | string[] | undefined> };
}

/** "wx_" + 16 hex of the openid's hash: stable, unique enough, and reveals nothing. */
export const wechatUsername = (openid: string): string =>
  `wx_${crypto.createHash('sha256').update(openid).digest('hex').slice(0, 16)}`;

export const phoneUsername = (phone: string): string => `m${phone}`;

/** "用户8000": a friendly default the member can change in their profile. */
export const phoneNickname = (phone: string): string => `用户${phone.slice(-4)}`;

export function assertNotBlocked(user: MemberUser): void {
  if (user.blocked) throw forbidden('账号已被禁用，请联系客服');
}

export function createMemberAccounts(strapi: Core.Strapi) {
  const users = () => strapi.db.query(USER_UID);
  const plugin = () => strapi.plugin('users-permissions');

  const findBy = async (where: Record<string, unknown>): Promise<MemberUser | undefined> =>
    ((await users().findOne({ where })) as MemberUser | null) ?? undefined;

  /** The preferred username, or it with a random suffix when a local account already took it. */
  async function freeUsername(preferred: string): Promise<string> {
    if (!(await findBy({ username: preferred }))) return preferred;
    return `${preferred}_${crypto.randomBytes(3).toString('hex')}`;
  }

  /** Creates the member; if the insert loses a race on a unique column, returns the winner. */
  async function createOnce(data: Record<string, unknown>, winner: () => Promise<MemberUser | undefined>): Promise<MemberUser> {
    try {
      const created = (await plugin().service('user').add(data)) as MemberUser;
      // Re-read without relations so a new member looks exactly like a returning one.
      return (await findBy({ id: created.id })) ?? created;
    } catch (err) {
      const existing = await winner();
      if (existing) return existing;
      throw err;
    }
  }

  return {
    async findOrCreateByPhone(phone: string): Promise<MemberUser> {
      const existing = await findBy({ phone });
      if (existing) return existing;
      return createOnce(
        {
          username: await freeUsername(phoneUsername(phone)),
          phone,
          nickname: phoneNickname(phone),
          provider: 'sms',
          confirmed: true,
          blocked: false,
          role: await findRoleId(strapi, ROLE_MEMBER),
        },
        () => findBy({ phone }),
      );
    },

    async findOrCreateByWechat(identity: WechatIdentity): Promise<MemberUser> {
      const existing = await findBy({ wechatOpenId: identity.openid });
      if (existing) {
        if (identity.unionid && existing.wechatUnionId !== identity.unionid) {
          // The unionid appears once the mini-program is bound to an open-platform account.
          await users().update({ where: { id: existing.id }, data: { wechatUnionId: identity.unionid } });
          return { ...existing, wechatUnionId: identity.unionid };
        }
        return existing;
      }
      return createOnce(
        {
          username: await freeUsername(wechatUsername(identity.openid)),
          wechatOpenId: identity.openid,
          wechatUnionId: identity.unionid ?? null,
          nickname: '微信用户',
          provider: 'wechat',
          confirmed: true,
          blocked: false,
          role: await findRoleId(strapi, ROLE_MEMBER),
        },
        () => findBy({ wechatOpenId: identity.openid }),
      );
    },

    /**
     * `{ jwt, refreshToken, user }` as the stock /auth/local answers in refresh mode: a short access
     * token, the refresh token of a new session (named by `deviceId` when the client sent one, as
     * on the stock route), the user through the content-API sanitizer.
     */
    async authResponse(user: MemberUser, ctx: AuthContext, client: { deviceId?: string } = {}): Promise<{ jwt: string; refreshToken: string; user: unknown }> {
      const userAgent = ctx.request?.headers?.['user-agent'];
      const tokens = await memberSessions(strapi).issue(user.id, { deviceId: client.deviceId, userAgent: typeof userAgent === 'string' ? userAgent : undefined });
      const sanitized = await strapi.contentAPI.sanitize.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth });
      return { ...tokens, user: sanitized };
    },
  };
}

export type MemberAccounts = ReturnType<typeof createMemberAccounts>;
