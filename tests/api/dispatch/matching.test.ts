import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, dispatchAdmins, eventually, localAt, paidOrder, saveDispatchSettings, taskOf } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let kefu: Record<string, string>;
let opsSh: Record<string, string>;
let opsHz: Record<string, string>;
let caiwu: Record<string, string>;

const recommend = (body: Record<string, unknown>) => app.http.post('/api/dispatch/recommend').set(w.member.auth).send(body);

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  ({ kefu, opsSh, opsHz, caiwu } = await dispatchAdmins(app.strapi, app.http));
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
});
afterAll(async () => {
  await app?.close();
});

describe('POST /api/dispatch/recommend (智能推荐)', () => {
  it('ranks free, eligible workers nearest and best first, with the score breakdown', async () => {
    const res = await recommend({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10) }).expect(200);
    expect(res.body.data.map((r: any) => r.worker.documentId)).toEqual(w.workers.map((x) => x.workerDocumentId));
    const [best] = res.body.data;
    expect(best).toMatchObject({ worker: { displayName: '王阿姨', gender: 'female' }, score: expect.any(Number), distanceMeters: expect.any(Number) });
    expect(Object.keys(best.breakdown).sort()).toEqual(['acceptance', 'distance', 'experience', 'preference', 'rating', 'repeatCustomer', 'workload']);
    expect(best.distanceMeters).toBeLessThan(res.body.data[1].distanceMeters);
    // No real name, phone or home position in a member's answer.
    expect(JSON.stringify(res.body)).not.toMatch(/王秀英|homeLat|1390000/);
  });

  it('honours the gender wish, leave and the member\'s blocks', async () => {
    const male = await recommend({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10), genderPreference: 'male' }).expect(200);
    expect(male.body.data.map((r: any) => r.worker.documentId)).toEqual([w.workers[2].workerDocumentId]);

    await app.http.post('/api/dispatch/blocked-workers').set(w.member.auth).send({ worker: w.workers[0].workerDocumentId, reason: '上次迟到' }).expect(201);
    const blocked = await recommend({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10) }).expect(200);
    expect(blocked.body.data.map((r: any) => r.worker.documentId)).not.toContain(w.workers[0].workerDocumentId);
    expect((await app.http.get('/api/dispatch/blocked-workers').set(w.member.auth)).body.data).toEqual([expect.objectContaining({ worker: w.workers[0].workerDocumentId, displayName: '王阿姨' })]);
    await app.http.delete(`/api/dispatch/blocked-workers/${w.workers[0].workerDocumentId}`).set(w.member.auth).expect(200);

    const day = localAt(3, 12).slice(0, 10);
    await app.http.put('/api/me/schedule').set(w.workers[1].auth).send({ data: { daysOff: [day] } }).expect(200);
    const leave = await recommend({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10) }).expect(200);
    expect(leave.body.data.map((r: any) => r.worker.documentId)).toEqual([w.workers[0].workerDocumentId, w.workers[2].workerDocumentId]);
    await app.http.put('/api/me/schedule').set(w.workers[1].auth).send({ data: { daysOff: [] } }).expect(200);
  });

  it('answers 400 with the field for bad input and 404 for another member\'s address', async () => {
    const bad = await recommend({ serviceItem: w.hourly, address: w.address, scheduledAt: 'tomorrow' }).expect(400);
    expect(bad.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scheduledAt' });
    await recommend({ serviceItem: w.hourly, address: w.otherAddress, scheduledAt: localAt(3, 10) }).expect(404);
    const unknown = await recommend({ serviceItem: 'nope', address: w.address, scheduledAt: localAt(3, 10) }).expect(400);
    expect(unknown.body.error.details.field).toBe('serviceItem');
  });
});

describe('GET /api/workers sorted by score for an address', () => {
  it('orders public workers by the dispatch score, with score and distance', async () => {
    const res = await app.http.get(`/api/workers?address=${w.address}&serviceItem=${w.hourly}`).set(w.member.auth).expect(200);
    expect(res.body.data.map((x: any) => x.documentId)).toEqual(w.workers.map((x) => x.workerDocumentId));
    expect(res.body.data[0]).toMatchObject({ displayName: '王阿姨', score: expect.any(Number), distanceMeters: expect.any(Number) });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 3 });
    const anonymous = await app.http.get('/api/workers?lat=31.19&lng=121.43&city=310100&filters[gender][$eq]=male').expect(200);
    // Without an item every trade counts: the plumber, nearer, comes first.
    expect(anonymous.body.data.map((x: any) => x.documentId)).toEqual([w.outsider.workerDocumentId, w.workers[2].workerDocumentId]);
    await app.http.get(`/api/workers?address=${w.address}`).expect(401);
    await app.http.get('/api/workers?lat=31.19').expect(400);
  });
});

describe('调度台 (admin)', () => {
  it('lists pending orders of the operator\'s cities with candidates and breakdown, and assigns in one click', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(4, 10));
    await eventually(async () => (await taskOf(app.strapi, order.documentId))?.taskState === 'escalated');
    const board = await app.http.get('/dispatch/board').set(opsSh).expect(200);
    const row = board.body.data.orders.find((o: any) => o.documentId === order.documentId);
    expect(row).toMatchObject({ orderNo: order.orderNo, city: '310100', mode: 'manual', modeLabel: '人工派单', taskState: 'escalated', taskStateLabel: '待人工处理' });
    expect(board.body.data.alerts).toEqual(expect.arrayContaining([expect.objectContaining({ order: order.documentId, kind: 'manual', kindLabel: '待人工派单' })]));

    const candidates = await app.http.get(`/dispatch/orders/${order.documentId}/candidates`).set(opsSh).expect(200);
    expect(candidates.body.data.candidates.map((c: any) => c.worker.realName)).toEqual(['王秀英', '李春花', '张建国']);
    expect(candidates.body.data.unfit).toEqual(expect.arrayContaining([expect.objectContaining({ worker: expect.objectContaining({ realName: '赵师傅' }), reasonLabel: '不具备该服务所需技能' })]));
    expect(candidates.body.data.factorLabels.distance).toBe('距离');

    // Outside their city: 404; without the action: 403.
    await app.http.get(`/dispatch/orders/${order.documentId}/candidates`).set(opsHz).expect(404);
    expect((await app.http.get('/dispatch/board').set(opsHz).expect(200)).body.data.orders).toEqual([]);
    await app.http.get('/dispatch/board').set(caiwu).expect(403);

    const assigned = await app.http.post(`/dispatch/orders/${order.documentId}/assign`).set(kefu).send({ worker: w.workers[1].workerDocumentId }).expect(200);
    expect(assigned.body.data.documentId).toBe(order.documentId);
    const saved = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId }, populate: { worker: true } });
    expect([saved.orderStatus, saved.worker.id]).toEqual(['accepted', w.workers[1].workerId]);
    await eventually(async () => !(await app.http.get('/dispatch/board').set(opsSh)).body.data.orders.some((o: any) => o.documentId === order.documentId));
  });

  it('shows a worker\'s day: available time, bookings and leave', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(5, 10));
    await eventually(async () => (await taskOf(app.strapi, order.documentId))?.taskState === 'escalated');
    await app.http.post(`/dispatch/orders/${order.documentId}/assign`).set(opsSh).send({ worker: w.workers[0].workerDocumentId }).expect(200);
    await app.http.put(`/dispatch/workers/${w.workers[0].workerDocumentId}/schedule`).set(opsSh).send({ data: { leave: [{ startsAt: localAt(5, 15), endsAt: localAt(5, 17), reason: '家事' }] } }).expect(200);
    const date = localAt(5, 12).slice(0, 10);
    const res = await app.http.get(`/dispatch/workers/${w.workers[0].workerDocumentId}/timeline?date=${date}`).set(opsSh).expect(200);
    expect(res.body.data.blocks.map((b: any) => b.kind)).toEqual(['available', 'booking', 'leave']);
    expect(res.body.data.blocks[1]).toMatchObject({ order: order.documentId, start: new Date(localAt(5, 10)).toISOString() });
    expect(res.body.data.blocks[2].label).toBe('请假：家事');
    expect(res.body.data).toMatchObject({ ordersThatDay: 1, maxOrdersPerDay: 4 });
    await app.http.get(`/dispatch/workers/${w.workers[0].workerDocumentId}/timeline?date=${date}`).set(opsHz).expect(404);
    // The operator cannot drop the booking either.
    const drop = await app.http.put(`/dispatch/workers/${w.workers[0].workerDocumentId}/schedule`).set(opsSh).send({ data: { daysOff: [date] } }).expect(409);
    expect(drop.body.error.details.orders[0].order).toBe(order.documentId);
  });

  it('assignment respects the worker\'s schedule and refuses unknown workers', async () => {
    const order = await paidOrder(app.strapi, app.http, w, localAt(6, 18));
    await eventually(async () => (await taskOf(app.strapi, order.documentId))?.taskState === 'escalated');
    await app.http.put(`/dispatch/workers/${w.workers[2].workerDocumentId}/schedule`).set(opsSh).send({ data: { weekly: [{ weekday: 1, start: '08:00', end: '12:00' }] } }).expect(200);
    const res = await app.http.post(`/dispatch/orders/${order.documentId}/assign`).set(opsSh).send({ worker: w.workers[2].workerDocumentId }).expect(409);
    expect(res.body.error.details).toMatchObject({ code: 'WORKER_UNAVAILABLE', reason: 'outside_availability' });
    await app.http.post(`/dispatch/orders/${order.documentId}/assign`).set(opsSh).send({ worker: 'nope' }).expect(400);
    await app.http.post(`/dispatch/orders/${order.documentId}/assign`).set(opsSh).send({}).expect(400);
    await app.http.put(`/dispatch/workers/${w.workers[2].workerDocumentId}/schedule`).set(opsSh).send({ data: { weekly: [] } }).expect(200);
  });
});
