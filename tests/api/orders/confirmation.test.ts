import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession } from '../../helpers/fixtures';
import { buildOrderWorld, inDepartWindow, placeOrder, pay, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let kefu: { Authorization: string };
let caiwu: { Authorization: string };

const ORDER_UID = 'plugin::orders.order';
const EVENT_UID = 'plugin::orders.order-event';
const H = 3_600_000;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu-confirm@test.shangmen', '客服')).auth;
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu-confirm@test.shangmen', '财务')).auth;
});
afterAll(async () => {
  await app?.close();
});

const worker = () => w.workers[0];
const step = (auth: Record<string, string>, order: string, name: string) => app.http.post(`/api/orders/${order}/${name}`).set(auth).send({});
const confirm = (auth: Record<string, string>, order: string) => app.http.post(`/api/orders/${order}/confirm`).set(auth).send({});
const confirmedEvents = async (documentId: string) => {
  const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId }, select: ['id'] });
  return app.strapi.db.query(EVENT_UID).count({ where: { orderRef: row.id, event: 'confirmed' } });
};

async function setBooking(patch: Record<string, unknown>) {
  const current = await app.strapi.service('api::settings.platform-setting').current();
  const settings = app.strapi.documents('api::settings.platform-setting');
  const existing = await settings.findFirst();
  const data = { booking: { ...current.booking, ...patch } };
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
}

/** Places, pays and takes an order up to `in_service` (or completes it). */
async function orderUpTo(day: number, hour: number, complete: boolean) {
  const order = await placeOrder(app.http, w, day, hour);
  await pay(app.strapi, order.documentId, 'full', 9000);
  await step(worker().auth, order.documentId, 'accept').expect(200);
  await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const name of ['depart', 'arrive', 'start']) await step(worker().auth, order.documentId, name).expect(200);
  });
  if (complete) await step(worker().auth, order.documentId, 'complete').expect(200);
  return order.documentId as string;
}

function withClock<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
  clock.use(fixedClock(at));
  return fn().finally(() => clock.reset());
}

describe('确认完成 by the member', () => {
  it('leaves a completed order pending confirmation, confirms it once and repeats idempotently', async () => {
    const order = await orderUpTo(3, 9, false);
    const early = await confirm(w.member.auth, order).expect(409);
    expect(early.body.error.details).toMatchObject({ code: 'INVALID_TRANSITION', from: 'in_service' });

    const done = (await step(worker().auth, order, 'complete').expect(200)).body.data;
    expect(done.status).toBe('completed');
    expect(done.confirmation).toMatchObject({ status: 'pending', label: '待确认', confirmedAt: null });
    const completedAt = new Date(done.timestamps.completedAt).getTime();
    expect(new Date(done.confirmation.autoConfirmAt).getTime()).toBe(completedAt + 72 * H);

    // The worker of the order and another member do not see it to confirm.
    await confirm(worker().auth, order).expect(404);
    await confirm(w.other.auth, order).expect(404);

    const first = (await confirm(w.member.auth, order).expect(200)).body.data;
    expect(first.status).toBe('completed');
    expect(first.confirmation).toMatchObject({ status: 'confirmed', label: '已确认', confirmedBy: 'member' });
    const again = (await confirm(w.member.auth, order).expect(200)).body.data;
    expect(again.confirmation).toEqual(first.confirmation);
    expect(await confirmedEvents(order)).toBe(1);
    const detail = (await app.http.get(`/api/orders/${order}`).set(w.member.auth).expect(200)).body.data;
    expect(detail.events.map((e: any) => e.event)).toContain('confirmed');

    // Confirming does not move the order off its status; the automatic job later finds nothing to do.
    const svc = app.strapi.plugin('orders').service('confirmation');
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order } });
    expect(await withClock(new Date(completedAt + 80 * H), () => svc.autoConfirm(row.id))).toBe(false);
    expect(row).toMatchObject({ orderStatus: 'completed', confirmedBy: 'member' });
  });

  it('answers 404 for an unknown order', async () => {
    await confirm(w.member.auth, 'no-such-order-doc-id').expect(404);
  });
});

describe('automatic confirmation', () => {
  it('confirms as system once the fake clock passes the hours, once even when the job runs twice', async () => {
    const order = await orderUpTo(4, 9, true);
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order } });
    const completedAt = new Date(row.completedAt).getTime();
    const svc = app.strapi.plugin('orders').service('confirmation');

    const earning = () => app.strapi.db.query('plugin::settlement.worker-earning').findOne({ where: { orderRef: row.id, kind: 'service' } });
    expect(await earning()).toMatchObject({ awaitingConfirmation: true, confirmedAt: null });
    expect(await withClock(new Date(completedAt + 71 * H), () => svc.autoConfirm(row.id))).toBe(false);
    expect(await withClock(new Date(completedAt + 71 * H), () => svc.sweep())).toBe(0);
    const results = await withClock(new Date(completedAt + 73 * H), async () => [await svc.autoConfirm(row.id), await svc.autoConfirm(row.id)]);
    expect(results).toEqual([true, false]);
    // The worker's earning is released for settlement with the confirmation.
    expect(await earning()).toMatchObject({ awaitingConfirmation: false });
    expect(await confirmedEvents(order)).toBe(1);
    const view = (await app.http.get(`/api/orders/${order}`).set(w.member.auth).expect(200)).body.data;
    expect(view.confirmation).toMatchObject({ status: 'confirmed', confirmedBy: 'system' });
    // The member tapping afterwards is answered with the same confirmation.
    expect((await confirm(w.member.auth, order).expect(200)).body.data.confirmation).toEqual(view.confirmation);
  });

  it('catches up in the sweep, and confirms at completion when autoConfirmHours is 0', async () => {
    const order = await orderUpTo(5, 9, true);
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order } });
    const svc = app.strapi.plugin('orders').service('confirmation');
    const later = new Date(new Date(row.completedAt).getTime() + 73 * H);
    expect(await withClock(later, () => svc.sweep())).toBeGreaterThanOrEqual(1);
    expect(await withClock(later, () => svc.sweep())).toBe(0);
    expect(await confirmedEvents(order)).toBe(1);

    await setBooking({ autoConfirmHours: 0 });
    try {
      const instant = await orderUpTo(6, 9, false);
      const done = (await step(worker().auth, instant, 'complete').expect(200)).body.data;
      expect(done.confirmation).toMatchObject({ status: 'confirmed', confirmedBy: 'system' });
      expect(await confirmedEvents(instant)).toBe(1);
    } finally {
      await setBooking({ autoConfirmHours: 72 });
    }
  });
});

describe('客服 confirms for the member', () => {
  it('confirms with a reason on the timeline, under the orders manage permission', async () => {
    const order = await orderUpTo(7, 9, false);
    await app.http.post(`/orders/orders/${order}/confirm`).set(kefu).send({ reason: '会员电话确认' }).expect(409);
    await step(worker().auth, order, 'complete').expect(200);
    await app.http.post(`/orders/orders/${order}/confirm`).set(kefu).send({}).expect(400);
    await app.http.post(`/orders/orders/${order}/confirm`).set(caiwu).send({ reason: '会员电话确认' }).expect(403);
    await app.http.post(`/orders/orders/${order}/confirm`).set(w.member.auth).send({ reason: 'x' }).expect(401);

    const res = (await app.http.post(`/orders/orders/${order}/confirm`).set(kefu).send({ reason: '会员电话确认' }).expect(200)).body.data;
    expect(res.confirmation).toMatchObject({ status: 'confirmed', confirmedBy: 'operator' });
    const entry = res.events.find((e: any) => e.event === 'confirmed');
    expect(entry).toMatchObject({ actor: 'operator', reason: '会员电话确认' });
    await app.http.post(`/orders/orders/${order}/confirm`).set(kefu).send({ reason: '再次确认' }).expect(200);
    expect(await confirmedEvents(order)).toBe(1);
  });
});
