import type { Core } from '@strapi/strapi';
import { socketClients } from '../../helpers/sockets';
import { lastSmsTo } from '../../../src/runtime/sms';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

/**
 * Refresh mode: a short access token and a refresh token that is rotated on each use. The file
 * boots with a 4-second access token so expiry is observable; every other check uses its access
 * token right after signing in.
 */
const ACCESS_TTL_SECONDS = 4;
const USER_UID = 'plugin::users-permissions.user';

let app: TestApp;
const sockets = socketClients(() => app.url!);
const open = sockets.open;

async function saveSmsSettings(strapi: Core.Strapi) {
  const settings = strapi.documents('api::settings.platform-setting');
  const data = { sms: { codeTtlSeconds: 300, resendSeconds: 60, maxPerPhonePerDay: 10, maxPerIpPerHour: 1000, maxVerifyAttempts: 5 } };
  const existing = await settings.findFirst();
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

async function signIn(phone: string, extra: Record<string, unknown> = {}) {
  await app.http.post('/api/auth/sms/send').send({ phone }).expect(200);
  const code = lastSmsTo(phone)!.vars.code;
  const res = await app.http.post('/api/auth/sms/login').send({ phone, code, ...extra }).expect(200);
  return res.body as { jwt: string; refreshToken: string; user: { id: number } };
}

const refresh = (refreshToken: unknown, headers: Record<string, string> = {}) => app.http.post('/api/auth/refresh').set(headers).send({ refreshToken });
const me = (jwt: string) => app.http.get('/api/users/me').set('Authorization', `Bearer ${jwt}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  app = await bootStrapi({ listen: true, env: { ACCESS_TOKEN_TTL: String(ACCESS_TTL_SECONDS) } });
  await saveSmsSettings(app.strapi);
});
afterAll(async () => {
  sockets.closeAll();
  await app?.close();
});

it('signs in by SMS with an access token and a refresh token', async () => {
  const session = await signIn('13900139001');
  expect(session).toMatchObject({ jwt: expect.any(String), refreshToken: expect.any(String), user: { phone: '13900139001' } });
  expect(session.refreshToken).not.toBe(session.jwt);
  await me(session.jwt).expect(200);
  // The refresh token is not an access token.
  await me(session.refreshToken).expect(401);
});

it('renews the access token with the refresh token, which is replaced on each use', async () => {
  const session = await signIn('13900139002');
  const renewed = await refresh(session.refreshToken).expect(200);
  expect(renewed.body).toEqual({ jwt: expect.any(String), refreshToken: expect.any(String) });
  expect(renewed.body.refreshToken).not.toBe(session.refreshToken);
  const res = await me(renewed.body.jwt).expect(200);
  expect(res.body.id).toBe(session.user.id);
  // Once more with the new one: the chain goes on.
  await refresh(renewed.body.refreshToken).expect(200);
});

it('refreshes while the client still sends its expired access token', async () => {
  const session = await signIn('13900139003');
  await sleep(ACCESS_TTL_SECONDS * 1000 + 1100);
  await me(session.jwt).expect(401);
  const renewed = await refresh(session.refreshToken, { Authorization: `Bearer ${session.jwt}` }).expect(200);
  await me(renewed.body.jwt).expect(200);
});

it('refuses an access token once it has expired, and closes its socket then', async () => {
  const session = await signIn('13900139004');
  const socket = await open(session.jwt);
  const ended = new Promise((resolve) => socket.once('session:ended', resolve));
  const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  await me(session.jwt).expect(200);
  await expect(closed).resolves.toBe('io server disconnect');
  await expect(ended).resolves.toEqual({ reason: 'expired' });
  const res = await me(session.jwt).expect(401);
  expect(res.body.error.details.code).toBe('UNAUTHENTICATED');
});

it("refuses a blocked user's refresh, and the session stays dead once they are unblocked", async () => {
  const session = await signIn('13900139005');
  await app.strapi.db.query(USER_UID).update({ where: { id: session.user.id }, data: { blocked: true } });
  const res = await refresh(session.refreshToken).expect(403);
  expect(res.body.error.details.code).toBe('FORBIDDEN');
  await app.strapi.db.query(USER_UID).update({ where: { id: session.user.id }, data: { blocked: false } });
  await refresh(session.refreshToken).expect(401);
});

it('refuses the refresh token after logout, the rotated ones of that sign-in included', async () => {
  const session = await signIn('13900139006');
  // The access token from sign-in names the first session row; after a refresh the live row is
  // its child, which logging out with the old access token must end too.
  const renewed = await refresh(session.refreshToken).expect(200);
  await app.http.post('/api/auth/logout').set('Authorization', `Bearer ${session.jwt}`).send({}).expect(200);
  await refresh(renewed.body.refreshToken).expect(401);
  await refresh(session.refreshToken).expect(401);
});

it('closes the sockets of a sign-in that logs out, and opens none with its access token after', async () => {
  const session = await signIn('13900139010');
  const other = await signIn('13900139010', { deviceId: 'second' });
  const socket = await open(session.jwt);
  const otherSocket = await open(other.jwt);
  const ended = new Promise((resolve) => socket.once('session:ended', resolve));
  const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  let otherClosed = false;
  otherSocket.once('disconnect', () => (otherClosed = true));
  await app.http.post('/api/auth/logout').set('Authorization', `Bearer ${session.jwt}`).send({}).expect(200);
  await expect(closed).resolves.toBe('io server disconnect');
  await expect(ended).resolves.toEqual({ reason: 'logged_out' });
  await expect(open(session.jwt)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  expect(otherClosed).toBe(false);
  expect(otherSocket.connected).toBe(true);
});

it('logs out one device and leaves the other signed in', async () => {
  const phone = await signIn('13900139007', { deviceId: 'phone' });
  const tablet = await signIn('13900139007', { deviceId: 'tablet' });
  await app.http.post('/api/auth/logout').set('Authorization', `Bearer ${phone.jwt}`).send({ refreshToken: phone.refreshToken }).expect(200);
  await refresh(phone.refreshToken).expect(401);
  await refresh(tablet.refreshToken).expect(200);
});

it('ends the whole sign-in when a replaced refresh token is used again', async () => {
  const session = await signIn('13900139008');
  const renewed = await refresh(session.refreshToken).expect(200);
  // Someone replays the old token (a stolen copy): refused, and the live one dies with it.
  const replay = await refresh(session.refreshToken).expect(401);
  expect(replay.body.error.details.code).toBe('UNAUTHENTICATED');
  await refresh(renewed.body.refreshToken).expect(401);
});

it('answers a missing or forged refresh token with 400 / 401, never 500', async () => {
  const missing = await refresh(undefined).expect(400);
  expect(missing.body.error.details.code).toBe('VALIDATION_FAILED');
  const session = await signIn('13900139009');
  const [head, body] = session.refreshToken.split('.');
  await refresh(`${head}.${body}.forged-signature`).expect(401);
  await refresh('not-a-token').expect(401);
  // A forged token naming a real session does not end it.
  await refresh(session.refreshToken).expect(200);
});
