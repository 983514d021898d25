import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AmapError, createAmapClient } from '../../../src/plugins/tracking/server/src/services/amap-client';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
let handler: Handler;
const seen: URL[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(new URL(req.url ?? '/', 'http://fake'));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const json = (body: unknown, status = 200): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const FROM = { lat: 31.2304, lng: 121.4737 };
const TO = { lat: 31.19, lng: 121.43 };

describe('AMap driving directions', () => {
  it('should return the first path’s distance and duration and send lng,lat with the key', async () => {
    handler = json({ status: '1', info: 'OK', route: { paths: [{ distance: '5230', duration: '840' }, { distance: '1', duration: '1' }] } });
    const route = await createAmapClient({ key: 'k-test', baseUrl: base }).route(FROM, TO);
    expect(route).toEqual({ distanceMeters: 5230, durationSeconds: 840 });
    expect(seen[0].pathname).toBe('/v3/direction/driving');
    expect(seen[0].searchParams.get('key')).toBe('k-test');
    expect(seen[0].searchParams.get('origin')).toBe('121.473700,31.230400');
    expect(seen[0].searchParams.get('destination')).toBe('121.430000,31.190000');
  });

  it('should fail with reason rejected when AMap refuses the key', async () => {
    handler = json({ status: '0', info: 'INVALID_USER_KEY', infocode: '10001' });
    await expect(createAmapClient({ key: 'bad', baseUrl: base }).route(FROM, TO)).rejects.toMatchObject({ name: 'AmapError', reason: 'rejected' });
  });

  it('should fail with reason no_route when no path comes back', async () => {
    handler = json({ status: '1', info: 'OK', route: { paths: [] } });
    await expect(createAmapClient({ key: 'k', baseUrl: base }).route(FROM, TO)).rejects.toMatchObject({ reason: 'no_route' });
  });

  it('should fail with reason http on a 5xx', async () => {
    handler = json({ message: 'down' }, 503);
    await expect(createAmapClient({ key: 'k', baseUrl: base }).route(FROM, TO)).rejects.toMatchObject({ reason: 'http' });
  });

  it('should give up after the timeout with reason timeout', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const failure = await createAmapClient({ key: 'k', baseUrl: base, timeoutMs: 200 }).route(FROM, TO).catch((err) => err);
    expect(failure).toBeInstanceOf(AmapError);
    expect(failure.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('AMap riding directions', () => {
  it('should read the v4 bicycling answer', async () => {
    handler = json({ errcode: 0, errmsg: 'OK', data: { paths: [{ distance: 4100, duration: 1020 }] } });
    const route = await createAmapClient({ key: 'k', baseUrl: `${base}/`, mode: 'riding' }).route(FROM, TO);
    expect(route).toEqual({ distanceMeters: 4100, durationSeconds: 1020 });
    expect(seen[0].pathname).toBe('/v4/direction/bicycling');
  });
});
