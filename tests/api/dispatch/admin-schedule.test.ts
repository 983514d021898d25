import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, dispatchAdmins, localAt, paidOrder, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

// Operators edit a worker's schedule on the 调度台 with the same rules as the worker's own app.
let app: TestApp;
let w: OrderWorld;
let opsSh: Record<string, string>;
let opsHz: Record<string, string>;
let caiwu: Record<string, string>;

const path = (workerDocumentId: string) => `/dispatch/workers/${workerDocumentId}/schedule`;
const own = (i: number) => app.http.get('/api/me/schedule').set(w.workers[i].auth).expect(200);

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  ({ opsSh, opsHz, caiwu } = await dispatchAdmins(app.strapi, app.http));
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
});
afterAll(async () => {
  await app?.close();
});

describe('GET|PUT /dispatch/workers/:id/schedule', () => {
  it('saves weekly windows, leave, days off and the daily cap, and the worker sees the same schedule', async () => {
    const worker = w.workers[1];
    const before = await app.http.get(path(worker.workerDocumentId)).set(opsSh).expect(200);
    expect(before.body.data).toMatchObject({ weekly: [], usesBusinessHours: true, maxOrdersPerDay: null, effectiveMaxOrdersPerDay: 4 });

    const weekly = [
      { weekday: 3, start: '13:00', end: '20:00' },
      { weekday: 3, start: '08:00', end: '12:00' },
      { weekday: 6, start: '09:00', end: '17:00' },
    ];
    const leave = [{ startsAt: localAt(20, 8), endsAt: localAt(20, 12), reason: '看病' }];
    const dayOff = localAt(21, 12).slice(0, 10);
    const res = await app.http.put(path(worker.workerDocumentId)).set(opsSh).send({ data: { weekly, leave, daysOff: [dayOff], maxOrdersPerDay: 2 } }).expect(200);
    expect(res.body.data.weekly).toEqual([weekly[1], weekly[0], weekly[2]]);
    expect(res.body.data).toMatchObject({ usesBusinessHours: false, daysOff: [dayOff], maxOrdersPerDay: 2, effectiveMaxOrdersPerDay: 2 });
    expect(res.body.data.leave).toEqual([{ startsAt: new Date(leave[0].startsAt).toISOString(), endsAt: new Date(leave[0].endsAt).toISOString(), reason: '看病' }]);
    expect((await own(1)).body.data).toEqual(res.body.data);
    expect((await app.http.get(path(worker.workerDocumentId)).set(opsSh).expect(200)).body.data).toEqual(res.body.data);

    // Back to the business hours and the platform cap.
    const reset = await app.http.put(path(worker.workerDocumentId)).set(opsSh).send({ data: { weekly: [], leave: [], daysOff: [], maxOrdersPerDay: null } }).expect(200);
    expect(reset.body.data).toMatchObject({ weekly: [], usesBusinessHours: true, leave: [], daysOff: [], maxOrdersPerDay: null, effectiveMaxOrdersPerDay: 4 });
  });

  it('refuses overlapping or backwards windows and bad leave with the field, writing nothing', async () => {
    const id = w.workers[0].workerDocumentId;
    const overlap = await app.http
      .put(path(id))
      .set(opsSh)
      .send({ data: { weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '15:00' }], maxOrdersPerDay: 1 } })
      .expect(400);
    expect(overlap.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weekly[1]' });
    const backwards = await app.http.put(path(id)).set(opsSh).send({ data: { weekly: [{ weekday: 2, start: '18:00', end: '09:00' }] } }).expect(400);
    expect(backwards.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weekly[0].end' });
    const leave = await app.http.put(path(id)).set(opsSh).send({ data: { leave: [{ startsAt: localAt(5, 12), endsAt: localAt(5, 9) }] } }).expect(400);
    expect(leave.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'leave[0].endsAt' });
    const cap = await app.http.put(path(id)).set(opsSh).send({ data: { maxOrdersPerDay: 0 } }).expect(400);
    expect(cap.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maxOrdersPerDay' });
    expect((await own(0)).body.data).toMatchObject({ weekly: [], leave: [], maxOrdersPerDay: null });
  });

  it('refuses a change that would drop an accepted order, naming it (409)', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(9, 10));
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[2].auth).expect(200);
    const id = w.workers[2].workerDocumentId;
    // Wednesday-only windows would leave the order outside them (unless day 9 is a Wednesday: then a Thursday).
    const weekday = ((new Date(localAt(9, 10)).getUTCDay() + 6) % 7) + 1;
    const other = (weekday % 7) + 1;
    const res = await app.http.put(path(id)).set(opsSh).send({ data: { weekly: [{ weekday: other, start: '08:00', end: '20:00' }] } }).expect(409);
    expect(res.body.error.details.code).toBe('BOOKING_CONFLICT');
    expect(res.body.error.details.orders).toEqual([expect.objectContaining({ order: order.documentId, orderNo: order.orderNo })]);
    expect(res.body.error.message).toContain(order.orderNo);
    expect((await own(2)).body.data.weekly).toEqual([]);
    // Windows that keep the order are fine.
    await app.http.put(path(id)).set(opsSh).send({ data: { weekly: [{ weekday, start: '08:00', end: '20:00' }] } }).expect(200);
    await app.http.put(path(id)).set(opsSh).send({ data: { weekly: [] } }).expect(200);
  });

  it('is 404 to a 城市运营 of another city and 403 without the dispatch permissions', async () => {
    const id = w.workers[0].workerDocumentId;
    await app.http.get(path(id)).set(opsHz).expect(404);
    const put = await app.http.put(path(id)).set(opsHz).send({ data: { maxOrdersPerDay: 1 } }).expect(404);
    expect(put.body.error.details.code).toBe('NOT_FOUND');
    await app.http.get(path(id)).set(caiwu).expect(403);
    await app.http.put(path(id)).set(caiwu).send({ data: { maxOrdersPerDay: 1 } }).expect(403);
    await app.http.put(path('no-such-worker')).set(opsSh).send({ data: { maxOrdersPerDay: 1 } }).expect(404);
    expect((await own(0)).body.data.maxOrdersPerDay).toBeNull();
    // Their city's workers are not in the other operator's picker either.
    expect((await app.http.get('/dispatch/workers').set(opsHz).expect(200)).body.data).toEqual([]);
    expect((await app.http.get('/dispatch/workers').set(opsSh).expect(200)).body.data.map((x: any) => x.realName)).toEqual(expect.arrayContaining(['王秀英', '李春花', '张建国']));
  });
});
