import type { Core } from '@strapi/strapi';
import { buildSessionMetadata } from '@strapi/utils';
import jwt from 'jsonwebtoken';
import { hasRealtime, realtime } from '../../../bootstrap/realtime';
import { forbidden, unauthenticated, validationFailed } from '../../../runtime/errors';
import { socketRooms } from '../../../runtime/socket';

/**
 * Member and worker sessions in users-permissions' own refresh mode (`jwtManagement: 'refresh'`,
 * config/plugins.ts): a short access token (`ACCESS_TOKEN_TTL`) plus a refresh token backed by a
 * row of Strapi's session store (`admin::session`, origin `users-permissions`). The stock
 * `/auth/refresh` rotates the row (the old one turns `rotated` and points at its child through
 * `childId`); what the stock route does not do is added here:
 * - a blocked user's refresh is refused and all their sessions are dropped;
 * - a rotated refresh token presented again (a stolen copy, or the victim after the thief) drops
 *   the whole chain that grew from it, so neither side keeps the session;
 * - logout drops the chain from the signing-out session, not only the row the access token
 *   names (an access token minted before a rotation names the parent, whose child would live on).
 * Dropping a chain also closes the sockets opened with its access tokens (room `session:<id>`).
 */
export const SESSION_ORIGIN = 'users-permissions';
const SESSION_UID = 'admin::session';
const USER_UID = 'plugin::users-permissions.user';
// A chain grows by one row per refresh; the bound only stops a corrupt childId loop.
const MAX_CHAIN = 10_000;

export interface SessionTokens {
  jwt: string;
  refreshToken: string;
}

interface SessionRow {
  sessionId: string;
  userId: string;
  origin: string;
  childId?: string | null;
  status?: string | null;
}

interface RefreshValidation {
  isValid: boolean;
  userId?: string;
  sessionId?: string;
}

interface OriginSessions {
  generateRefreshToken(userId: string, deviceId: string | undefined, options: { type: 'refresh'; metadata?: Record<string, unknown> }): Promise<{ token: string; sessionId: string }>;
  generateAccessToken(refreshToken: string): Promise<{ token: string } | { error: string }>;
  validateRefreshToken(token: string): Promise<RefreshValidation>;
  validateAccessToken(token: string): { isValid: boolean; payload: { userId: string; sessionId: string; type: string; exp?: number } | null };
  invalidateRefreshToken(userId: string, deviceId?: string): Promise<void>;
  isSessionActive(sessionId: string): Promise<boolean>;
}

export const isRefreshMode = (strapi: Core.Strapi): boolean =>
  strapi.config.get<string>('plugin::users-permissions.jwtManagement', 'legacy-support') === 'refresh';

export function memberSessions(strapi: Core.Strapi) {
  const manager = (): OriginSessions => (strapi as any).sessionManager(SESSION_ORIGIN);
  const rows = () => strapi.db.query(SESSION_UID);

  /** The session ids from `sessionId` down its rotation chain (itself first). */
  async function chainFrom(sessionId: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | null | undefined = sessionId;
    while (next && ids.length < MAX_CHAIN && !ids.includes(next)) {
      const row = (await rows().findOne({ where: { sessionId: next, origin: SESSION_ORIGIN }, select: ['sessionId', 'childId'] })) as SessionRow | null;
      if (!row) break;
      ids.push(row.sessionId);
      next = row.childId;
    }
    return ids;
  }

  /** Deletes the chain and closes the sockets opened with any access token of it. */
  async function dropChain(sessionId: string, reason: 'logged_out' | 'revoked'): Promise<number> {
    const ids = await chainFrom(sessionId);
    if (ids.length) await rows().deleteMany({ where: { sessionId: { $in: ids }, origin: SESSION_ORIGIN } });
    if (ids.length && hasRealtime()) realtime().disconnect(ids.map(socketRooms.session), reason);
    return ids.length;
  }

  /** The session a refresh token names, if its signature holds (expired or rotated alike). */
  async function rowOf(refreshToken: string): Promise<SessionRow | null> {
    // Verified as the session manager does (expiry aside): only a token we signed may name
    // the chain to drop, so guessing a session id cannot sign someone out.
    const secret = strapi.config.get<string>('plugin::users-permissions.jwtSecret') || strapi.config.get<string>('admin.auth.secret');
    const algorithm = strapi.config.get<{ algorithm?: string }>('plugin::users-permissions.jwt', {})?.algorithm ?? 'HS256';
    let payload: { sessionId?: string; type?: string };
    try {
      payload = jwt.verify(refreshToken, secret, { algorithms: [algorithm as any], ignoreExpiration: true }) as typeof payload;
    } catch {
      return null;
    }
    if (payload.type !== 'refresh' || !payload.sessionId) return null;
    return (await rows().findOne({ where: { sessionId: payload.sessionId, origin: SESSION_ORIGIN } })) as SessionRow | null;
  }

  return {
    /**
     * The access + refresh pair for a signed-in user, made with the same two session-manager
     * calls the stock `/auth/local` uses in refresh mode.
     */
    async issue(userId: number, client: { deviceId?: string; userAgent?: string } = {}): Promise<SessionTokens> {
      const metadata = buildSessionMetadata({ userAgent: client.userAgent }) as Record<string, unknown>;
      const refresh = await manager().generateRefreshToken(String(userId), client.deviceId, { type: 'refresh', metadata });
      const access = await manager().generateAccessToken(refresh.token);
      if ('error' in access) throw new Error(`users-permissions could not mint an access token: ${access.error}`);
      return { jwt: access.token, refreshToken: refresh.token };
    },

    /**
     * Checks a refresh token before the stock route rotates it. Throws the answer the client
     * gets: 400 when no token came, 401 when it is not (or no longer) valid, 403 when the user
     * is blocked.
     */
    async assertRefreshable(refreshToken: unknown): Promise<void> {
      if (typeof refreshToken !== 'string' || refreshToken.length === 0) throw validationFailed('缺少 refreshToken', { field: 'refreshToken' });
      const check = await manager().validateRefreshToken(refreshToken);
      if (!check.isValid || !check.userId) {
        const row = await rowOf(refreshToken);
        if (row?.status === 'rotated') {
          const dropped = await dropChain(row.sessionId, 'revoked');
          strapi.log.warn(`users-permissions: rotated refresh token reused for user ${row.userId}; ${dropped} session row(s) revoked`);
        }
        throw unauthenticated('登录已过期，请重新登录');
      }
      const user = (await strapi.db.query(USER_UID).findOne({ where: { id: Number(check.userId) }, select: ['id', 'blocked'] })) as { id: number; blocked?: boolean } | null;
      if (!user) {
        await manager().invalidateRefreshToken(check.userId);
        throw unauthenticated('登录已过期，请重新登录');
      }
      if (user.blocked) {
        await manager().invalidateRefreshToken(check.userId);
        throw forbidden('账号已被禁用，请联系客服');
      }
    },

    /** Logout: the chain from the access token's session and from the refresh token sent, if any. */
    async dropOnLogout(userId: number, accessSessionId: string | undefined, refreshToken: unknown): Promise<void> {
      const starts = new Set<string>();
      if (accessSessionId) starts.add(accessSessionId);
      if (typeof refreshToken === 'string' && refreshToken) {
        const row = await rowOf(refreshToken);
        if (row && row.userId === String(userId)) starts.add(row.sessionId);
      }
      for (const sessionId of starts) await dropChain(sessionId, 'logged_out');
    },

    /** Who an access token belongs to, its expiry (ms) and whether its session still lives. */
    async accessToken(token: string): Promise<{ userId: number; sessionId: string; expiresAt?: number } | null> {
      const result = manager().validateAccessToken(token);
      if (!result.isValid || !result.payload || result.payload.type !== 'access') return null;
      if (!(await manager().isSessionActive(result.payload.sessionId))) return null;
      const exp = Number(result.payload.exp);
      return { userId: Number(result.payload.userId), sessionId: result.payload.sessionId, expiresAt: Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined };
    },

    chainFrom,
  };
}

export type MemberSessions = ReturnType<typeof memberSessions>;

interface AuthActionContext {
  request: { body?: { refreshToken?: unknown } | null };
  cookies: { get(name: string): string | undefined };
  state: { user?: { id: number }; session?: { id: string } };
}
type AuthAction = (ctx: AuthActionContext, ...rest: unknown[]) => unknown;
type AuthControllerFactory = ((deps: { strapi: Core.Strapi }) => Record<string, AuthAction>) | Record<string, AuthAction>;

/**
 * Wraps the stock `auth` controller: `refresh` first passes `assertRefreshable` (blocked users,
 * reused tokens), `logout` first drops the signing-out chain; the stock actions then answer.
 */
export function withSessionChecks(base: AuthControllerFactory): AuthControllerFactory {
  return (deps: { strapi: Core.Strapi }) => {
    const controller = typeof base === 'function' ? base(deps) : base;
    const sessions = memberSessions(deps.strapi);
    // The stock route reads the cookie first (its httpOnly option), then the body: same here.
    const cookieName = () => deps.strapi.config.get<{ cookie?: { name?: string } }>('plugin::users-permissions.sessions')?.cookie?.name || 'strapi_up_refresh';
    return {
      ...controller,
      async refresh(ctx: AuthActionContext, ...rest: unknown[]) {
        if (isRefreshMode(deps.strapi)) await sessions.assertRefreshable(ctx.cookies.get(cookieName()) || ctx.request.body?.refreshToken);
        return controller.refresh(ctx, ...rest);
      },
      async logout(ctx: AuthActionContext, ...rest: unknown[]) {
        if (isRefreshMode(deps.strapi) && ctx.state.user) {
          await sessions.dropOnLogout(ctx.state.user.id, ctx.state.session?.id, ctx.cookies.get(cookieName()) || ctx.request.body?.refreshToken);
        }
        return controller.logout(ctx, ...rest);
      },
    };
  };
}
