import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, eventually, localAt, offersOf, paidOrder, saveDispatchSettings, taskOf } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let clockModule: { clock: { use(c: unknown): void; reset(): void }; fixedClock(at: Date): unknown };

const dispatcher = () => app.strapi.plugin('dispatch').service('dispatcher');
const orderRow = (documentId: string) => app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId }, populate: { worker: true } });
const openOffers = async (documentId: string) => (await offersOf(app.strapi, documentId)).filter((o: any) => o.offerState === 'open');
const accept = (documentId: string, who: { auth: Record<string, string> }) => app.http.post(`/api/orders/${documentId}/accept`).set(who.auth);

/** Moves the business clock `ms` ahead of now and runs the sweep, as the timeout jobs would. */
async function afterSweep(ms: number) {
  clockModule.clock.use(clockModule.fixedClock(new Date(Date.now() + ms)));
  try {
    await dispatcher().sweep();
  } finally {
    clockModule.clock.reset();
  }
}

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  clockModule = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
});
afterAll(async () => {
  await app?.close();
});

describe('派单 (assign mode)', () => {
  beforeAll(() => saveDispatchSettings(app.strapi, { mode: 'assign', offerTimeoutSeconds: 60, offersPerRound: 3, maxRounds: 2 }));

  it('offers the order to the best candidate only; others cannot take it', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(3, 10));
    const [offer] = await eventually(() => openOffers(order.documentId).then((o) => (o.length ? o : null)));
    // Nearest, same rating and level: 王秀英.
    expect(offer).toMatchObject({ workerId: w.workers[0].workerId, mode: 'assign', round: 1 });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)).toBe(60_000);
    const mine = await app.http.get('/api/dispatch/offers').set(w.workers[0].auth).expect(200);
    expect(mine.body.data).toEqual([expect.objectContaining({ order: order.documentId, mode: 'assign', distanceMeters: expect.any(Number) })]);
    expect((await app.http.get('/api/dispatch/offers').set(w.workers[1].auth)).body.data).toEqual([]);
    // A worker acting on another's offer: 404.
    expect((await accept(order.documentId, w.workers[1])).status).toBe(404);
    expect((await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[1].auth)).status).toBe(404);
  });

  it('passes the order on when the worker rejects, and on timeout (fake clock) to the next', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(4, 10));
    await eventually(() => openOffers(order.documentId).then((o) => o.length === 1));
    await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[0].auth).expect(200);
    let open = await openOffers(order.documentId);
    expect(open.map((o: any) => o.workerId)).toEqual([w.workers[1].workerId]);

    // Not yet: 30 s on, the offer stands.
    await afterSweep(30_000);
    expect((await openOffers(order.documentId)).map((o: any) => o.workerId)).toEqual([w.workers[1].workerId]);
    await afterSweep(61_000);
    open = await openOffers(order.documentId);
    expect(open.map((o: any) => o.workerId)).toEqual([w.workers[2].workerId]);
    const all = await offersOf(app.strapi, order.documentId);
    expect(all.map((o: any) => o.offerState)).toEqual(['rejected', 'expired', 'open']);

    // The worker whose offer ran out is too late; a second reject of an ended offer too.
    const late = await accept(order.documentId, w.workers[1]);
    expect([late.status, late.body.error.details.code]).toEqual([409, 'OFFER_EXPIRED']);
    const again = await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[0].auth);
    expect([again.status, again.body.error.details.code]).toEqual([409, 'OFFER_EXPIRED']);

    await accept(order.documentId, w.workers[2]).expect(200);
    const row = await orderRow(order.documentId);
    expect([row.orderStatus, row.worker.id]).toEqual(['accepted', w.workers[2].workerId]);
    await eventually(async () => (await taskOf(app.strapi, order.documentId)).taskState === 'assigned');
  });

  it('alerts the city operators when every round ran out', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'assign', offersPerRound: 1, maxRounds: 2 });
    const order = await paidOrder(app.strapi, app.http, w, localAt(5, 10));
    await eventually(() => openOffers(order.documentId).then((o) => o.length === 1));
    await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[0].auth).expect(200);
    await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[1].auth).expect(200);
    expect(await openOffers(order.documentId)).toEqual([]);
    const task = await taskOf(app.strapi, order.documentId);
    expect(task.taskState).toBe('escalated');
    const alerts = await app.strapi.db.query('plugin::dispatch.ops-alert').findMany({ where: { orderDocumentId: order.documentId } });
    expect(alerts).toEqual([expect.objectContaining({ kind: 'no_acceptance', cityAdcode: '310100', resolvedAt: null })]);
    // Nobody holds an offer now: an eligible worker (or an operator) may still take it.
    await accept(order.documentId, w.workers[2]).expect(200);
    await eventually(async () => (await app.strapi.db.query('plugin::dispatch.ops-alert').findOne({ where: { orderDocumentId: order.documentId } })).resolvedAt !== null);
    await saveDispatchSettings(app.strapi, { offersPerRound: 3, maxRounds: 2 });
  });
});

describe('抢单 (grab mode)', () => {
  beforeAll(() => saveDispatchSettings(app.strapi, { mode: 'grab', offerTimeoutSeconds: 600 }));

  it('broadcasts to every eligible worker; of simultaneous accepts one wins, the others get OFFER_EXPIRED', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(6, 10));
    const open = await eventually(() => openOffers(order.documentId).then((o) => (o.length === 3 ? o : null)));
    // The plumber lacks the skill.
    expect(open.map((o: any) => o.workerId).sort()).toEqual(w.workers.map((x) => x.workerId).sort());
    const pool = await app.http.get('/api/dispatch/offers').set(w.workers[2].auth).expect(200);
    expect(pool.body.data.map((o: any) => o.order)).toContain(order.documentId);

    const results = await Promise.all(w.workers.map((x) => accept(order.documentId, x)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.details.code)).toEqual(['OFFER_EXPIRED', 'OFFER_EXPIRED']);
    const winner = results.findIndex((r) => r.status === 200);
    const row = await orderRow(order.documentId);
    expect(row.worker.id).toBe(w.workers[winner].workerId);
    const states = await eventually(async () => {
      const offers = await offersOf(app.strapi, order.documentId);
      return offers.every((o: any) => o.offerState !== 'open') ? offers : null;
    });
    expect(states.map((o: any) => o.offerState).sort()).toEqual(['accepted', 'withdrawn', 'withdrawn']);
  });

  it('never offers to a worker on leave or at the day\'s capacity', async () => {
    const at = localAt(7, 14);
    // 王秀英 takes the day off; 李春花 may take one order a day and already has one (morning).
    const day = localAt(7, 12).slice(0, 10);
    await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { daysOff: [day] } }).expect(200);
    await app.http.put('/api/me/schedule').set(w.workers[1].auth).send({ data: { maxOrdersPerDay: 1 } }).expect(200);
    const morning = await paidOrder(app.strapi, app.http, w, localAt(7, 8));
    await eventually(() => openOffers(morning.documentId).then((o) => o.length > 0));
    await accept(morning.documentId, w.workers[1]).expect(200);

    const order = await paidOrder(app.strapi, app.http, w, at);
    const open = await eventually(() => openOffers(order.documentId).then((o) => (o.length ? o : null)));
    expect(open.map((o: any) => o.workerId)).toEqual([w.workers[2].workerId]);
    // Nor can they take it themselves.
    const onLeave = await accept(order.documentId, w.workers[0]);
    expect([onLeave.status, onLeave.body.error.details.code]).toEqual([409, 'WORKER_UNAVAILABLE']);
    const full = await accept(order.documentId, w.workers[1]);
    expect([full.status, full.body.error.details.code]).toEqual([409, 'WORKER_UNAVAILABLE']);
    await app.http.put('/api/me/schedule').set(w.workers[0].auth).send({ data: { daysOff: [] } }).expect(200);
    await app.http.put('/api/me/schedule').set(w.workers[1].auth).send({ data: { maxOrdersPerDay: null } }).expect(200);
  });

  it('moves to a second round when the first ends, then alerts', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'grab', offerTimeoutSeconds: 60, maxRounds: 2 });
    const order = await paidOrder(app.strapi, app.http, w, localAt(8, 10));
    await eventually(() => openOffers(order.documentId).then((o) => o.length === 3));
    await app.http.post(`/api/orders/${order.documentId}/reject`).set(w.workers[0].auth).expect(200);
    await afterSweep(61_000);
    const second = await openOffers(order.documentId);
    expect(second.map((o: any) => o.round)).toEqual([2, 2]);
    expect(second.map((o: any) => o.workerId)).not.toContain(w.workers[0].workerId);
    await afterSweep(125_000);
    expect(await openOffers(order.documentId)).toEqual([]);
    expect((await taskOf(app.strapi, order.documentId)).taskState).toBe('escalated');
    await saveDispatchSettings(app.strapi, { offerTimeoutSeconds: 600 });
  });
});

describe('an order nobody accepted by its start', () => {
  it('is cancelled by the system and refunded in full, and the operators told', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'manual' });
    const order = await paidOrder(app.strapi, app.http, w, localAt(2, 10));
    await eventually(async () => (await taskOf(app.strapi, order.documentId))?.taskState === 'escalated');
    await afterSweep(Date.parse(order.scheduledAt) - Date.now() + 60_000);
    const row = await orderRow(order.documentId);
    expect(row.orderStatus).toBe('cancelled');
    expect(row.cancelledBy).toBe('system');
    expect(row.cancellationFee).toBe(0);
    // The sandbox channel refunds at once: refunded or still owed, the whole amount goes back.
    expect(row.refunded + row.refundPending).toBe(order.amounts.total);
    const alerts = await app.strapi.db.query('plugin::dispatch.ops-alert').findMany({ where: { orderDocumentId: order.documentId } });
    expect(alerts.map((a: any) => [a.kind, a.resolvedAt === null])).toEqual([
      ['manual', false],
      ['closed_unaccepted', true],
    ]);
    expect((await taskOf(app.strapi, order.documentId)).taskState).toBe('closed');
  });
});

describe('batch mode', () => {
  it('gives waiting orders to distinct workers in one optimal assignment', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'batch', offerTimeoutSeconds: 600 });
    const a = await paidOrder(app.strapi, app.http, w, localAt(11, 10));
    const b = await paidOrder(app.strapi, app.http, w, localAt(11, 10), { requirements: { genderPreference: 'male' } });
    await eventually(async () => (await taskOf(app.strapi, b.documentId))?.taskState === 'waiting_batch');
    expect(await openOffers(a.documentId)).toEqual([]);
    const offered = await dispatcher().runBatch();
    expect(offered).toBe(2);
    const [oa] = await openOffers(a.documentId);
    const [ob] = await openOffers(b.documentId);
    // Only 张建国 fits b; a goes to the best of the rest rather than to him.
    expect(ob.workerId).toBe(w.workers[2].workerId);
    expect(oa.workerId).toBe(w.workers[0].workerId);
    expect([oa.mode, ob.mode]).toEqual(['batch', 'batch']);
  });
});

describe('who may accept an order themselves', () => {
  it('not a worker nobody offered it to while 派单 is between two offers', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'assign', offerTimeoutSeconds: 60, offersPerRound: 3, maxRounds: 2 });
    const order = await paidOrder(app.strapi, app.http, w, localAt(13, 10));
    const [offer] = await eventually(() => openOffers(order.documentId).then((o) => (o.length ? o : null)));
    expect(offer.workerId).toBe(w.workers[0].workerId);
    // The offer's time ran out and the next one is not made yet (the timeout job expires, then advances).
    await app.strapi.plugin('dispatch').service('offers').expire(offer.id);
    expect((await taskOf(app.strapi, order.documentId)).taskState).toBe('offering');
    const outsider = await accept(order.documentId, w.workers[2]);
    expect(outsider.status).toBe(404);
    const late = await accept(order.documentId, w.workers[0]);
    expect([late.status, late.body.error.details.code]).toEqual([409, 'OFFER_EXPIRED']);
    expect((await orderRow(order.documentId)).orderStatus).toBe('pending_acceptance');
    // The next offer goes out and its holder takes it.
    await dispatcher().advance(offer.taskId);
    const [next] = await openOffers(order.documentId);
    expect(next.workerId).toBe(w.workers[1].workerId);
    await accept(order.documentId, w.workers[1]).expect(200);
  });

  it('not an order waiting for the next batch round', async () => {
    await saveDispatchSettings(app.strapi, { mode: 'batch', offerTimeoutSeconds: 600 });
    const order = await paidOrder(app.strapi, app.http, w, localAt(14, 10));
    await eventually(async () => (await taskOf(app.strapi, order.documentId))?.taskState === 'waiting_batch');
    const res = await accept(order.documentId, w.workers[1]);
    expect(res.status).toBe(404);
    const row = await orderRow(order.documentId);
    expect([row.orderStatus, row.worker]).toEqual(['pending_acceptance', null]);
  });
});
