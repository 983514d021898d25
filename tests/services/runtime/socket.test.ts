import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createRedisConnection, type RedisConnection } from '../../../src/runtime/redis';
import { createSocketServer, type SocketPrincipal, type SocketServer } from '../../../src/runtime/socket';

// Two app instances behind a load balancer: a client holds a socket on one, the event that
// concerns it happens on the other.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID().slice(0, 8)}:`;

const principals: Record<string, SocketPrincipal> = {
  'member-7': { kind: 'user', id: 7, rooms: ['user:7'] },
  'operator-1': { kind: 'admin', id: 1, rooms: ['ops:city:310100'] },
};

interface AppInstance {
  http: HttpServer;
  redis: RedisConnection;
  sockets: SocketServer;
  url: string;
}

const apps: AppInstance[] = [];
const clients: ClientSocket[] = [];

async function app(): Promise<AppInstance> {
  const http = createServer();
  const redis = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  const sockets = createSocketServer({
    httpServer: http,
    redis,
    prefix,
    authenticate: async (token) => principals[token] ?? null,
    logger,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const created = { http, redis, sockets, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  apps.push(created);
  return created;
}

function connected(url: string, token: string): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    clients.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emits until the client hears it: the adapter's subscription may still be on its way at first. */
async function deliveredAcross(from: SocketServer, to: ClientSocket, room: string, event: string, payload: unknown) {
  const heard = new Promise((resolve) => to.once(event, resolve));
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    from.emit(room, event, payload);
    timer = setTimeout(send, 100);
  };
  send();
  try {
    return await heard;
  } finally {
    clearTimeout(timer);
  }
}

afterAll(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const { sockets, http, redis } of apps.splice(0)) {
    await sockets.close();
    await new Promise((resolve) => http.close(resolve));
    await redis.quitAll();
  }
  const cleanup = createRedisConnection({ kind: 'single', url: REDIS_URL });
  const keys = await cleanup.client.keys(`${prefix}*`);
  if (keys.length > 0) await cleanup.client.del(...keys);
  await cleanup.quitAll();
});

it('should deliver an emit on instance B to a client connected to instance A', async () => {
  const a = await app();
  const b = await app();
  const member = await connected(a.url, 'member-7');
  const operator = await connected(b.url, 'operator-1');

  expect(await deliveredAcross(b.sockets, member, 'user:7', 'order:status', { orderId: 'ord1', status: 'accepted' })).toEqual({
    orderId: 'ord1',
    status: 'accepted',
  });
  expect(await deliveredAcross(a.sockets, operator, 'ops:city:310100', 'dispatch:offer', { orderId: 'ord2' })).toEqual({
    orderId: 'ord2',
  });
});
