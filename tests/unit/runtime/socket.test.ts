import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { DomainError } from '../../../src/runtime/errors';
import { createSocketServer, type SocketPrincipal, type SocketServer } from '../../../src/runtime/socket';

const principals: Record<string, SocketPrincipal> = {
  'member-7': { kind: 'user', id: 7, rooms: ['user:7', 'order:ord7'] },
  'member-8': { kind: 'user', id: 8, rooms: ['user:8'] },
  'operator-1': { kind: 'admin', id: 1, rooms: ['ops:city:310100'] },
};

async function authenticate(token: string): Promise<SocketPrincipal | null> {
  if (token === 'db-down') throw new Error('connect ECONNREFUSED 10.0.0.5:3306');
  if (token === 'blocked') throw new DomainError('FORBIDDEN', '账号已被禁用');
  return principals[token] ?? null;
}

function testLogger() {
  return { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
}

describe('socket server (in-process)', () => {
  let httpServer: HttpServer;
  let sockets: SocketServer;
  let url: string;
  let logger: ReturnType<typeof testLogger>;
  const clients: ClientSocket[] = [];

  beforeEach(async () => {
    logger = testLogger();
    httpServer = createServer((_req, res) => res.end('ok'));
    sockets = createSocketServer({ httpServer, prefix: 'test:', authenticate, logger });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await sockets.close();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  const client = (auth?: Record<string, unknown>, transports = ['websocket']): ClientSocket => {
    const socket = connect(url, { path: '/socket.io', auth, transports, reconnection: false, forceNew: true });
    clients.push(socket);
    return socket;
  };

  const connected = (auth?: Record<string, unknown>): Promise<ClientSocket> =>
    new Promise((resolve, reject) => {
      const socket = client(auth);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const refusal = (auth?: Record<string, unknown>, transports?: string[]): Promise<{ message: string; data?: { code: string } }> =>
    new Promise((resolve, reject) => {
      const socket = client(auth, transports);
      socket.once('connect', () => reject(new Error('connected although it should not')));
      socket.once('connect_error', (err: Error & { data?: { code: string } }) => resolve({ message: err.message, data: err.data }));
    });

  const nextEvent = <T>(socket: ClientSocket, event: string): Promise<T> =>
    new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));

  it('should refuse a handshake without a token or with an unknown one', async () => {
    expect(await refusal()).toEqual({ message: '请先登录', data: { code: 'UNAUTHENTICATED' } });
    expect(await refusal({ token: '' })).toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    expect(await refusal({ token: 'forged' })).toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('should pass on a domain refusal and hide internal failures', async () => {
    expect(await refusal({ token: 'blocked' })).toEqual({ message: '账号已被禁用', data: { code: 'FORBIDDEN' } });
    const failure = await refusal({ token: 'db-down' });
    expect(failure).toEqual({ message: '服务器内部错误', data: { code: 'INTERNAL' } });
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'), expect.any(Error));
  });

  it('should deliver room emits only to the principals in that room', async () => {
    const member7 = await connected({ token: 'member-7' });
    const member8 = await connected({ token: 'member-8' });
    const operator = await connected({ token: 'operator-1' });
    const seenBy8: unknown[] = [];
    member8.on('order:status', (payload) => seenBy8.push(payload));

    const to7 = nextEvent(member7, 'order:status');
    sockets.emit('order:ord7', 'order:status', { orderId: 'ord7', status: 'accepted' });
    expect(await to7).toEqual({ orderId: 'ord7', status: 'accepted' });

    const toOps = nextEvent(operator, 'dispatch:offer');
    sockets.emit('ops:city:310100', 'dispatch:offer', { orderId: 'ord9' });
    expect(await toOps).toEqual({ orderId: 'ord9' });

    // Events reach a socket in order, so this one arriving means the first had its chance.
    const to8 = nextEvent(member8, 'order:status');
    sockets.emit(['user:8', 'user:7'], 'order:status', { orderId: 'ord8', status: 'completed' });
    await to8;
    expect(seenBy8).toEqual([{ orderId: 'ord8', status: 'completed' }]);
  });

  it('should answer events with { ok, data } or { ok: false, error } without leaking internals', async () => {
    sockets.on('echo', async (_socket, payload, principal) => ({ payload, userId: principal.id }));
    sockets.on('quiet', async () => undefined);
    sockets.on('book', async () => {
      throw new DomainError('SLOT_TAKEN', '该时段已被预约');
    });
    sockets.on('crash', async () => {
      throw new Error('SELECT * FROM secret_table failed');
    });
    const member = await connected({ token: 'member-7' });

    expect(await member.timeout(2000).emitWithAck('echo', { text: '你好' })).toEqual({
      ok: true,
      data: { payload: { text: '你好' }, userId: 7 },
    });
    expect(await member.timeout(2000).emitWithAck('quiet')).toEqual({ ok: true, data: null });
    expect(await member.timeout(2000).emitWithAck('book', {})).toEqual({
      ok: false,
      error: { code: 'SLOT_TAKEN', message: '该时段已被预约' },
    });
    const crash = await member.timeout(2000).emitWithAck('crash', {});
    expect(crash).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } });
    expect(JSON.stringify(crash)).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('secret_table'), expect.any(Error));
  });

  it('should apply handlers registered after a client connected and let handlers join rooms', async () => {
    const member = await connected({ token: 'member-8' });
    sockets.on('order:watch', async (socket, payload) => {
      await socket.join(`order:${(payload as { orderId: string }).orderId}`);
      return { watching: true };
    });
    expect(await member.timeout(2000).emitWithAck('order:watch', { orderId: 'ord8' })).toEqual({ ok: true, data: { watching: true } });
    const update = nextEvent(member, 'order:status');
    sockets.emit('order:ord8', 'order:status', { status: 'arrived' });
    expect(await update).toEqual({ status: 'arrived' });
  });

  it('should refuse reserved or duplicate event names', () => {
    expect(() => sockets.on('disconnect', async () => null)).toThrow('reserved');
    sockets.on('ping-me', async () => null);
    expect(() => sockets.on('ping-me', async () => null)).toThrow('already has a handler');
  });

  it('should disconnect clients on close and leave the HTTP server to its owner', async () => {
    const member = await connected({ token: 'member-7' });
    const gone = nextEvent<string>(member, 'disconnect');
    await sockets.close();
    expect(await gone).toBe('io server disconnect');
    expect(httpServer.listening).toBe(true);
    // The websocket endpoint is gone; a long-polling handshake still reaches the namespace, which refuses it.
    expect(await refusal({ token: 'member-7' })).toMatchObject({ message: 'websocket error' });
    expect(await refusal({ token: 'member-7' }, ['polling'])).toEqual({
      message: '服务正在重启，请稍后重试',
      data: { code: 'UPSTREAM_UNAVAILABLE' },
    });
  });
});
