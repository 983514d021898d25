import type { Core } from '@strapi/strapi';
import { runtime } from '../runtime';
import { createSocketServer, socketRooms, type SocketPrincipal, type SocketServer } from '../runtime/socket';
import { adminCityScope } from './city-scope';

/**
 * socket.io for members and workers (users-permissions JWT) and operators (admin access token).
 * Rooms: `user:<id>` for every user; `ops:all` for operators who see every city, or
 * `ops:city:<adcode>` for each city of a 城市运营.
 */
let server: SocketServer | undefined;

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
  let payload: { id?: number } | undefined;
  try {
    payload = await strapi.plugin('users-permissions').service('jwt').verify(token);
  } catch {
    return null;
  }
  if (!payload?.id) return null;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: payload.id }, select: ['id', 'blocked'] });
  if (!user || user.blocked) return null;
  return { kind: 'user', id: user.id, rooms: [socketRooms.user(user.id)] };
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
  const rooms = cities === undefined ? [socketRooms.opsAll()] : cities.map((adcode) => socketRooms.opsCity(adcode));
  return { kind: 'admin', id: user.id, rooms };
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
  return server;
}

export async function stopRealtime(): Promise<void> {
  const current = server;
  server = undefined;
  await current?.close();
}
