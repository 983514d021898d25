import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type DefaultEventsMap, type ExtendedError, type Socket } from 'socket.io';
import { isDomainError, type ErrorCode } from './errors';
import type { RuntimeLogger } from './index';
import type { RedisConnection } from './redis';

/**
 * Realtime channel to members, workers and operators: socket.io on the app's HTTP server.
 * The caller decides who a token belongs to and which rooms that principal may hear; with
 * Redis, the adapter carries `emit` to sockets held by every other instance.
 */
export interface SocketPrincipal {
  kind: 'user' | 'admin';
  id: number;
  /** Joined on connect, e.g. `user:12`, `ops:city:310100`. */
  rooms: string[];
  /** When the token expires (epoch ms): the socket is disconnected then. */
  expiresAt?: number;
}

export interface SocketData {
  principal: SocketPrincipal;
}

export type AppSocketServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type AppSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** What every client→server event answers through its ack callback. */
export type SocketAck<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string } };

export type SocketEventHandler = (socket: AppSocket, payload: unknown, principal: SocketPrincipal) => Promise<unknown>;

export interface SocketServerOptions {
  httpServer: HttpServer;
  /** When given, sockets on every instance share rooms through Redis. */
  redis?: RedisConnection;
  /** The runtime prefix; the adapter's channels start with it. */
  prefix: string;
  /** Resolves the handshake token; null (not a throw) for a missing user or a bad token. */
  authenticate: (token: string) => Promise<SocketPrincipal | null>;
  logger: RuntimeLogger;
}

export interface SocketServer {
  io: AppSocketServer;
  /** To every socket in the room(s), on whichever instance it is connected. */
  emit(room: string | string[], event: string, payload: unknown): void;
  /** Registers a client→server event for current and future sockets; its ack gets a SocketAck. */
  on(event: string, handler: SocketEventHandler): void;
  /** Disconnects the sockets in the room(s) on every instance (blocked user, new role, lost city). */
  disconnect(room: string | string[], reason: string): void;
  /**
   * Disconnects every socket, detaches the adapter from Redis and refuses new handshakes. The
   * HTTP server stays up (its owner closes it) and the adapter's two Redis clients are quit by
   * `redis.quitAll()`.
   */
  close(): Promise<void>;
}

export const SOCKET_PATH = '/socket.io';

/** Room names shared by the plugins that emit and the code that computes a principal's rooms. */
export const socketRooms = {
  admin: (id: number | string) => `admin:${id}`,
  user: (userId: number | string) => `user:${userId}`,
  /** A member/worker sign-in (users-permissions session row id): closed when it is logged out. */
  session: (sessionId: string) => `session:${sessionId}`,
  order: (orderDocumentId: string) => `order:${orderDocumentId}`,
  conversation: (conversationId: number | string) => `conversation:${conversationId}`,
  opsCity: (adcode: string) => `ops:city:${adcode}`,
  /** Operators who are not limited to some cities hear every city through this room. */
  opsAll: () => 'ops:all',
};

// Names socket.io uses itself; a handler under one of them would never see a client event.
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'connection',
  'disconnect',
  'disconnecting',
  'error',
  'newListener',
  'removeListener',
]);

const INTERNAL_MESSAGE = '服务器内部错误';

function rejection(code: ErrorCode, message: string): ExtendedError {
  const err: ExtendedError = new Error(message);
  err.data = { code };
  return err;
}

export function createSocketServer({ httpServer, redis, prefix, authenticate, logger }: SocketServerOptions): SocketServer {
  let adapter: ReturnType<typeof createAdapter> | undefined;
  if (redis) {
    const pubClient = redis.duplicate();
    const subClient = redis.duplicate();
    for (const client of [pubClient, subClient]) {
      client.on('error', (err: Error) => logger.warn(`Socket adapter Redis connection: ${err.message}`));
    }
    adapter = createAdapter(pubClient, subClient, { key: `${prefix}socket.io` });
  }

  const io: AppSocketServer = new Server(httpServer, { path: SOCKET_PATH, adapter, serveClient: false });
  const handlers = new Map<string, SocketEventHandler>();
  let closing: Promise<void> | undefined;

  const failure = (err: unknown, event: string, principal: SocketPrincipal): SocketAck => {
    if (isDomainError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    logger.error(
      `Socket event "${event}" from ${principal.kind} ${principal.id} failed: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  };

  const bind = (socket: AppSocket, event: string, handler: SocketEventHandler) => {
    socket.on(event, (...args: unknown[]) => {
      // The ack, when the client asked for one, is always the last argument.
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: SocketAck) => void) : undefined;
      const principal = socket.data.principal;
      Promise.resolve()
        .then(() => handler(socket, args[0], principal))
        .then(
          (data): SocketAck => ({ ok: true, data: data ?? null }),
          (err: unknown) => failure(err, event, principal),
        )
        .then((answer) => ack?.(answer))
        .catch((err: Error) => logger.error(`Socket event "${event}" could not be answered: ${err.message}`, err));
    });
  };

  io.use((socket, next) => {
    if (closing) return next(rejection('UPSTREAM_UNAVAILABLE', '服务正在重启，请稍后重试'));
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token === '') return next(rejection('UNAUTHENTICATED', '请先登录'));
    Promise.resolve()
      .then(() => authenticate(token))
      .then(
        (principal) => {
          if (!principal) return next(rejection('UNAUTHENTICATED', '登录已失效，请重新登录'));
          socket.data.principal = principal;
          next();
        },
        (err: unknown) => {
          if (isDomainError(err)) return next(rejection(err.code, err.message));
          logger.error(`Socket authentication failed: ${err instanceof Error ? err.message : String(err)}`, err);
          next(rejection('INTERNAL', INTERNAL_MESSAGE));
        },
      );
  });

  io.on('connection', (socket) => {
    // A token only opens the socket for as long as it is valid: the client reconnects with a new one.
    const { expiresAt } = socket.data.principal;
    if (expiresAt !== undefined) {
      const timer = setTimeout(() => {
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
      }, Math.max(0, Math.min(expiresAt - Date.now(), 2_147_483_647)));
      timer.unref?.();
      socket.once('disconnect', () => clearTimeout(timer));
    }
    // Joined before the first event handler can run, so an emit right after connect reaches it.
    const joined = socket.join(socket.data.principal.rooms);
    if (joined) joined.catch((err: Error) => logger.error(`Socket room join failed: ${err.message}`, err));
    for (const [event, handler] of handlers) bind(socket, event, handler);
  });

  return {
    io,

    emit(room, event, payload) {
      io.to(room).emit(event, payload);
    },

    disconnect(room, reason) {
      io.in(room).emit('session:ended', { reason });
      io.in(room).disconnectSockets(true);
    },

    on(event, handler) {
      if (RESERVED_EVENTS.has(event)) throw new Error(`"${event}" is reserved by socket.io`);
      if (handlers.has(event)) throw new Error(`socket event "${event}" already has a handler`);
      handlers.set(event, handler);
      for (const socket of io.of('/').sockets.values()) bind(socket, event, handler);
    },

    close() {
      // io.close() would also close the HTTP server, which belongs to the caller. The adapter's
      // Redis clients are quit by RedisConnection.quitAll(), their one owner.
      closing ??= (async () => {
        io.local.disconnectSockets(true);
        await io.of('/').adapter.close();
        io.engine.close();
      })();
      return closing;
    },
  };
}
