import type { Socket } from 'socket.io-client';
import { socketClients } from '../../helpers/sockets';
import { findRoleId, ROLE_WORKER } from '../../../src/bootstrap/users-roles';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createMember } from '../../helpers/fixtures';

/** Sockets must not outlive the rights they were opened with. */
let app: TestApp;
const sockets = socketClients(() => app.url!);
const open = sockets.open;

const closed = (socket: Socket, withinMs: number) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${withinMs} ms`)), withinMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
});
afterAll(async () => {
  sockets.closeAll();
  await app?.close();
});

// Closing a socket at its token's expiry needs a short access token: refresh-sessions.test.ts
// boots with one (ACCESS_TOKEN_TTL) and checks it there.

it('disconnects a member who gets blocked, and refuses them afterwards', async () => {
  const member = await createMember(app.strapi);
  const socket = await open(member.jwt);
  const gone = closed(socket, 3000);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: member.id }, data: { blocked: true } });
  await expect(gone).resolves.toBe('io server disconnect');
  await expect(open(member.jwt)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
});

it('disconnects a member whose role changes, so they reconnect with the new one', async () => {
  const member = await createMember(app.strapi);
  const socket = await open(member.jwt);
  const gone = closed(socket, 3000);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: member.id }, data: { role: await findRoleId(app.strapi, ROLE_WORKER) } });
  await expect(gone).resolves.toBe('io server disconnect');
  await expect(open(member.jwt)).resolves.toBeTruthy();
});

it('disconnects an operator whose roles change or who is deactivated', async () => {
  const session = await createAdminSession(app.strapi, app.http, 'ops-sessions@test.shangmen', '客服');
  const admin = await app.strapi.db.query('admin::user').findOne({ where: { email: 'ops-sessions@test.shangmen' } });
  const socket = await open(session.token);
  const gone = closed(socket, 3000);
  const cityOps = await app.strapi.db.query('admin::role').findOne({ where: { name: '城市运营' } });
  await app.strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { roles: [cityOps.id] } });
  await expect(gone).resolves.toBe('io server disconnect');
});
