import type { Core } from '@strapi/strapi';
import { runtime } from '../runtime';
import { createSocketServer, socketRooms, type SocketPrincipal, type SocketServer } from '../runtime/socket';
import { isRefreshMode, memberSessions } from '../extensions/users-permissions/auth/sessions';
import { adminCityScope } from './city-scope';

/**
 * socket.io for members and workers (users-permissions JWT) and operators (admin access token).
 * Rooms: `user:<id>` for every user, `session:<sessionId>` for the sign-in a member token names; `ops:all` for operators who see every city, or
 * `ops:city:<adcode>` for each city of a 城市运营.
 */
let server: SocketServer | undefined;
const subscribed = new WeakSet<object>();

export function realtime(): SocketServer {
  if (!server) throw new Error('realtime is not started (scripts run without sockets)');
  return server;
}

export const hasRealtime = (): boolean => server !== undefined;

/** Plugins notify operators of a city with this; unscoped operators get it through ops:all. */
export function emitToOps(adcode: string | null | undefined, event: string, payload: unknown): void {
  const rooms = [socketRooms.opsAll()];
  if (adcode) rooms.push(socketRooms.opsCity(adcode));
  realtime().emit(rooms, event, payload);
}

async function memberPrincipal(strapi: Core.Strapi, token: string): Promise<SocketPrincipal | null> {
  let payload: { id?: number; exp?: number; sessionId?: string } | undefined;
  if (isRefreshMode(strapi)) {
    // An access token of a session that was logged out or revoked opens nothing.
    const access = await memberSessions(strapi).accessToken(token);
    payload = access ? { id: access.userId, exp: access.expiresAt ? access.expiresAt / 1000 : undefined, sessionId: access.sessionId } : undefined;
  } else {
    try {
      payload = await strapi.plugin('users-permissions').service('jwt').verify(token);
    } catch {
      return null;
    }
  }
  if (!payload?.id) return null;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: payload.id }, select: ['id', 'blocked'] });
  if (!user || user.blocked) return null;
  const rooms = [socketRooms.user(user.id), ...(payload.sessionId ? [socketRooms.session(payload.sessionId)] : [])];
  return { kind: 'user', id: user.id, rooms, expiresAt: payload.exp ? payload.exp * 1000 : undefined };
}

async function operatorPrincipal(strapi: Core.Strapi, token: string): Promise<SocketPrincipal | null> {
  const manager = (strapi as any).sessionManager;
  if (!manager) return null;
  const result = manager('admin').validateAccessToken(token);
  if (!result?.isValid || !(await manager('admin').isSessionActive(result.payload.sessionId))) return null;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(result.payload.userId) }, populate: ['roles'] });
  if (!user?.isActive) return null;
  // Ops events are about orders and dispatch: every city only when both are granted unscoped.
  const [orders, dispatch] = await Promise.all([adminCityScope(strapi, user, 'plugin::orders'), adminCityScope(strapi, user, 'plugin::dispatch')]);
  const cities = orders === undefined && dispatch === undefined ? undefined : [...new Set([...(orders ?? []), ...(dispatch ?? [])])];
  const rooms = [socketRooms.admin(user.id), ...(cities === undefined ? [socketRooms.opsAll()] : cities.map((adcode) => socketRooms.opsCity(adcode)))];
  const exp = Number(result.payload.exp);
  return { kind: 'admin', id: user.id, rooms, expiresAt: Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined };
}

export function startRealtime(strapi: Core.Strapi): SocketServer {
  const rt = runtime();
  server = createSocketServer({
    httpServer: strapi.server.httpServer,
    redis: rt.redis,
    prefix: rt.prefix,
    logger: strapi.log,
    // A token is either a member/worker JWT or an admin access token; whichever verifies wins.
    authenticate: async (token) => (await memberPrincipal(strapi, token)) ?? (await operatorPrincipal(strapi, token)),
  });
  if (!subscribed.has(strapi)) {
    subscribed.add(strapi);
    endSessionsOnChanges(strapi);
  }
  return server;
}

/**
 * Rooms and rights are fixed at the handshake, so a change to who someone is ends their sockets
 * (on every instance); the client reconnects and gets what it is now allowed. Members/workers:
 * blocked or given another role. Admins: deactivated, roles changed, or their city grant changed.
 */
function endSessionsOnChanges(strapi: Core.Strapi): void {
  const end = (room: string, reason: string) => server?.disconnect(room, reason);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.user', 'admin::user', 'api::settings.city-operator'],
    async afterUpdate(event: any) {
      const data = event.params?.data ?? {};
      const id = event.result?.id;
      if (!id) return;
      if (event.model.uid === 'plugin::users-permissions.user') {
        if (data.blocked === true || data.role !== undefined) end(socketRooms.user(id), data.blocked === true ? 'blocked' : 'role_changed');
      } else if (event.model.uid === 'admin::user') {
        if (data.isActive === false || data.blocked === true || data.roles !== undefined) end(socketRooms.admin(id), 'role_changed');
      } else if (event.result?.adminUserId) {
        end(socketRooms.admin(event.result.adminUserId), 'cities_changed');
      }
    },
  } as any);
}

export async function stopRealtime(): Promise<void> {
  const current = server;
  server = undefined;
  await current?.close();
}
