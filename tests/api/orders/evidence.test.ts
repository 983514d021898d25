import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, inDepartWindow, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import type { TestUser } from '../../helpers/fixtures';

/** Before/after photos by the order's worker: who may add them, when, and who sees them. */
let app: TestApp;
let w: OrderWorld;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EVENT_UID = 'plugin::orders.order-event';

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

async function photos(user: TestUser, count: number, purpose = 'evidence'): Promise<number[]> {
  let req = app.http.post('/api/me/uploads').set(user.auth).field('purpose', purpose);
  for (let i = 0; i < count; i++) req = req.attach('files', PNG, { filename: `p${i}.png`, contentType: 'image/png' });
  const res = await req.expect(201);
  return res.body.data.map((f: { id: number }) => f.id);
}

const addEvidence = (user: TestUser, order: string, body: Record<string, unknown>) => app.http.post(`/api/orders/${order}/evidence`).set(user.auth).send(body);
const step = (user: TestUser, order: string, name: string) => app.http.post(`/api/orders/${order}/${name}`).set(user.auth).send({});
const evidenceRows = (orderId: number) => app.strapi.db.query(EVENT_UID).count({ where: { orderRef: orderId, event: 'evidence' } });

async function setBooking(patch: Record<string, unknown>) {
  const current = await app.strapi.service('api::settings.platform-setting').current();
  const settings = app.strapi.documents('api::settings.platform-setting');
  const existing = await settings.findFirst();
  const data = { booking: { ...current.booking, ...patch } };
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

async function acceptedOrder(day: number) {
  const order = await placeOrder(app.http, w, day, 10);
  await pay(app.strapi, order.documentId, 'full', 9000);
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).send({}).expect(200);
  const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId }, select: ['id'] });
  return { documentId: order.documentId as string, id: row.id as number };
}

describe('service evidence', () => {
  const worker = () => w.workers[0];

  it('takes "before" photos only once the worker is at the door, and only the worker’s own', async () => {
    const order = await acceptedOrder(3);
    const [early] = await photos(worker(), 1);
    const tooSoon = await addEvidence(worker(), order.documentId, { kind: 'before', photos: [early] }).expect(409);
    expect(tooSoon.body.error.details).toMatchObject({ code: 'INVALID_TRANSITION', kind: 'before', status: 'accepted' });

    await inDepartWindow(app.strapi, order.documentId, async () => {
      await step(worker(), order.documentId, 'depart').expect(200);
      await step(worker(), order.documentId, 'arrive').expect(200);
    });

    // Another worker's order is not there; the member's own upload is not the worker's to attach.
    await addEvidence(w.workers[1], order.documentId, { kind: 'before', photos: await photos(w.workers[1], 1) }).expect(404);
    const [membersFile] = await photos(w.member, 1, 'review');
    const notOwned = await addEvidence(worker(), order.documentId, { kind: 'before', photos: [membersFile] }).expect(403);
    expect(notOwned.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'photos' });
    // A worker's avatar is theirs but not evidence: the purpose must match.
    const [avatar] = await photos(worker(), 1, 'avatar');
    await addEvidence(worker(), order.documentId, { kind: 'before', photos: [avatar] }).expect(403);
    const bad = await addEvidence(worker(), order.documentId, { kind: 'during', photos: [early] }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
    expect(await evidenceRows(order.id)).toBe(0);

    const ok = await addEvidence(worker(), order.documentId, { kind: 'before', photos: [early], note: '进门时客厅茶几已有划痕' }).expect(201);
    expect(ok.body.data.evidence).toEqual([
      expect.objectContaining({ kind: 'before', note: '进门时客厅茶几已有划痕', photos: [expect.objectContaining({ id: early, url: expect.stringMatching(/^\/api\/media\/private\/.+sig=/) })] }),
    ]);

    // The member sees the photos through a signed URL; the bare path answers nobody.
    const detail = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200)).body.data;
    const url: string = detail.evidence[0].photos[0].url;
    const bytes = await app.http.get(url).expect(200);
    expect(bytes.headers['content-type']).toMatch(/^image\/png/);
    expect((await app.http.get(url.split('?')[0])).status).toBeGreaterThanOrEqual(400);
  });

  it('keeps each kind to nine photos in all', async () => {
    const order = await acceptedOrder(4);
    await inDepartWindow(app.strapi, order.documentId, async () => {
      await step(worker(), order.documentId, 'depart').expect(200);
      await step(worker(), order.documentId, 'arrive').expect(200);
    });
    const first = await photos(worker(), 6);
    const second = await photos(worker(), 4);
    await addEvidence(worker(), order.documentId, { kind: 'before', photos: first }).expect(201);
    const over = await addEvidence(worker(), order.documentId, { kind: 'before', photos: second }).expect(400);
    expect(over.body.error.details).toMatchObject({ code: 'TOO_MANY_FILES', max: 9, already: 6 });
    await addEvidence(worker(), order.documentId, { kind: 'before', photos: second.slice(0, 3) }).expect(201);
    expect(await evidenceRows(order.id)).toBe(2);
  });

  it('holds completion for an "after" photo when the platform asks for one, and closes late additions', async () => {
    await setBooking({ completionPhotoRequired: true, evidenceGraceHours: 24 });
    try {
      const order = await acceptedOrder(5);
      await inDepartWindow(app.strapi, order.documentId, async () => {
        for (const name of ['depart', 'arrive', 'start']) await step(worker(), order.documentId, name).expect(200);
      });
      const blocked = await step(worker(), order.documentId, 'complete').expect(409);
      expect(blocked.body.error.details).toMatchObject({ code: 'EVIDENCE_REQUIRED', kind: 'after' });
      expect((await app.strapi.db.query('plugin::orders.order').findOne({ where: { id: order.id } })).orderStatus).toBe('in_service');

      await addEvidence(worker(), order.documentId, { kind: 'after', photos: await photos(worker(), 2) }).expect(201);
      await step(worker(), order.documentId, 'complete').expect(200);
      // A forgotten photo can still follow within the grace period, not a day later.
      await addEvidence(worker(), order.documentId, { kind: 'after', photos: await photos(worker(), 1) }).expect(201);
      await addEvidence(worker(), order.documentId, { kind: 'before', photos: await photos(worker(), 1) }).expect(409);
      const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
      clock.use(fixedClock(new Date(Date.now() + 25 * 3_600_000)));
      try {
        const late = await addEvidence(worker(), order.documentId, { kind: 'after', photos: await photos(worker(), 1) }).expect(409);
        expect(late.body.error.details.code).toBe('INVALID_TRANSITION');
      } finally {
        clock.reset();
      }

      const kefuView = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200)).body.data.evidence;
      expect(kefuView.map((e: { kind: string; photos: unknown[] }) => [e.kind, e.photos.length])).toEqual([['after', 2], ['after', 1]]);
    } finally {
      await setBooking({ completionPhotoRequired: false });
    }
  });
});
