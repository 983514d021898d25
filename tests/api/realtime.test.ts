import { io as connect, type Socket } from 'socket.io-client';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdminSession, createCity, createMember } from '../helpers/fixtures';

let app: TestApp;
const sockets: Socket[] = [];

function open(token?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(app.url!, { path: '/socket.io', auth: token ? { token } : {}, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const next = <T>(socket: Socket, event: string) => new Promise<T>((resolve) => socket.once(event, resolve));

const adminToken = async (email: string, roleName: string) => (await createAdminSession(app.strapi, app.http, email, roleName)).token;

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
  const city = await createCity(app.strapi);
  await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops@test.shangmen', cities: [city.documentId] } } as any);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

it('refuses a handshake without a valid token', async () => {
  await expect(open()).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  await expect(open('not-a-jwt')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
});

it('puts a member in their own room', async () => {
  const { realtime } = await import('../../src/bootstrap/realtime');
  const member = await createMember(app.strapi);
  const socket = await open(member.jwt);
  const received = next<{ hello: string }>(socket, 'notification');
  // The app under test runs from dist/; reach its realtime through the module it loaded.
  const live = require(`${app.strapi.dirs.dist.src}/bootstrap/realtime`).realtime as typeof realtime;
  live().emit(`user:${member.id}`, 'notification', { hello: '你好' });
  await expect(received).resolves.toEqual({ hello: '你好' });
});

it('refuses a blocked member', async () => {
  const member = await createMember(app.strapi, { blocked: true });
  await expect(open(member.jwt)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
});

it('puts a 城市运营 only in their cities, and other operators in ops:all', async () => {
  const { emitToOps } = require(`${app.strapi.dirs.dist.src}/bootstrap/realtime`);
  const cityOps = await open(await adminToken('ops@test.shangmen', '城市运营'));
  const support = await open(await adminToken('kefu@test.shangmen', '客服'));
  const seen: string[] = [];
  cityOps.on('order:status', (p: { city: string }) => seen.push(`ops:${p.city}`));
  support.on('order:status', (p: { city: string }) => seen.push(`kefu:${p.city}`));
  const supportGotBoth = new Promise<void>((resolve) => {
    let n = 0;
    support.on('order:status', () => ++n === 2 && resolve());
  });
  emitToOps('330100', 'order:status', { city: '330100' });
  emitToOps('310100', 'order:status', { city: '310100' });
  await supportGotBoth;
  await new Promise((r) => setTimeout(r, 100));
  expect(seen.sort()).toEqual(['kefu:310100', 'kefu:330100', 'ops:310100']);
});
