import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createCity } from '../../helpers/fixtures';
import { buildOrderWorld, inDepartWindow, pay, placeOrder, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let kefu: { Authorization: string };
let caiwu: { Authorization: string };
let opsShanghai: { Authorization: string };
let opsHangzhou: { Authorization: string };

const PAID = 9000;
type Auth = { Authorization: string };

/** A member's order walked to completed by the first cleaner, as the apps would do it. */
async function completedOrder(day: number, hour: number): Promise<{ documentId: string; orderNo: string }> {
  const worker = w.workers[0];
  const order = await placeOrder(app.http, w, day, hour);
  await pay(app.strapi, order.documentId, 'full', PAID);
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const step of ['depart', 'arrive', 'start', 'complete']) {
      await app.http.post(`/api/orders/${order.documentId}/${step}`).set(worker.auth).send({}).expect(200);
    }
  });
  return { documentId: order.documentId, orderNo: order.orderNo };
}

async function reviewed(day: number, hour: number, ratings: { quality: number; attitude: number; skill: number }, content: string) {
  const order = await completedOrder(day, hour);
  const res = await app.http.post('/api/reviews').set(w.member.auth).send({ order: order.documentId, ratings, content }).expect(201);
  return { ...order, review: res.body.data.documentId as string };
}

const list = (auth: Auth, query = '') => app.http.get(`/feedback/reviews${query}`).set(auth);
const followUp = (auth: Auth, id: string, body: Record<string, unknown>) => app.http.post(`/feedback/reviews/${id}/follow-up`).set(auth).send(body);

let bad: { documentId: string; orderNo: string; review: string };
let good: { documentId: string; orderNo: string; review: string };

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: w.member.id }, data: { nickname: '陈小姐' } });
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  const sh = await app.strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } });
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-sh-reviews@test.shangmen', cities: [sh.documentId] } } as any);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz-reviews@test.shangmen', cities: [hz.documentId] } } as any);
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu-follow-up@test.shangmen', '客服')).auth;
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu-follow-up@test.shangmen', '财务')).auth;
  opsShanghai = (await createAdminSession(app.strapi, app.http, 'ops-sh-reviews@test.shangmen', '城市运营')).auth;
  opsHangzhou = (await createAdminSession(app.strapi, app.http, 'ops-hz-reviews@test.shangmen', '城市运营')).auth;
  bad = await reviewed(2, 9, { quality: 1, attitude: 2, skill: 2 }, '迟到一小时，地没拖干净');
  good = await reviewed(2, 14, { quality: 5, attitude: 5, skill: 5 }, '非常满意');
});
afterAll(async () => {
  await app?.close();
});

describe('差评跟进 list', () => {
  it('should show 客服 the bad reviews waiting, with the order, item, worker, masked member and Chinese labels', async () => {
    const res = await list(kefu).expect(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 20, total: 1, pageCount: 1 });
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      documentId: bad.review,
      order: bad.documentId,
      orderNo: bad.orderNo,
      cityAdcode: '310100',
      cityName: '上海',
      serviceItem: '日常保洁',
      worker: { documentId: w.workers[0].workerDocumentId, name: '王秀英' },
      member: { id: w.member.id, nickname: '陈**', phone: '138****0000' },
      rating: 1.67,
      ratings: { quality: 1, attitude: 2, skill: 2 },
      content: '迟到一小时，地没拖干净',
      visible: true,
      visibleLabel: '公开显示',
      needsFollowUp: true,
      followUp: 'pending',
      followUpLabel: '待跟进',
      followedUpAt: null,
    });
  });

  it('should list every review with followUp=all and narrow by star band', async () => {
    const all = (await list(kefu, '?followUp=all').expect(200)).body.data;
    expect(all.map((r: any) => r.documentId).sort()).toEqual([bad.review, good.review].sort());
    expect(all.find((r: any) => r.documentId === good.review)).toMatchObject({ followUp: 'none', followUpLabel: '无需跟进', needsFollowUp: false });
    const five = (await list(kefu, '?followUp=all&rating=5').expect(200)).body.data;
    expect(five.map((r: any) => r.documentId)).toEqual([good.review]);
    const one = (await list(kefu, '?followUp=all&rating=1').expect(200)).body.data;
    expect(one.map((r: any) => r.documentId)).toEqual([bad.review]);
  });

  it('should refuse unknown filters with 400 VALIDATION_FAILED', async () => {
    for (const query of ['?followUp=later', '?rating=6', '?pageSize=500', '?sort=rating']) {
      const res = await list(kefu, query).expect(400);
      expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    }
  });

  it('should keep the list from roles without the follow-up permission (403)', async () => {
    await list(caiwu).expect(403);
    await followUp(caiwu, bad.review, { note: '财务不跟进' }).expect(403);
    await app.http.get('/feedback/reviews').expect(401);
  });

  it("should show a 城市运营 only their cities' reviews; others are absent (404)", async () => {
    expect((await list(opsShanghai, '?followUp=all').expect(200)).body.data).toHaveLength(2);
    expect((await list(opsHangzhou, '?followUp=all').expect(200)).body.data).toEqual([]);
    const res = await app.http.get(`/feedback/reviews/${bad.review}`).set(opsHangzhou).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    await followUp(opsHangzhou, bad.review, { note: '不是我的城市' }).expect(404);
    await app.http.get(`/feedback/reviews/${bad.review}`).set(opsShanghai).expect(200);
  });
});

describe('recording a follow-up', () => {
  it('should ask for a note (400 VALIDATION_FAILED)', async () => {
    for (const body of [{}, { note: '   ' }, { note: 'x'.repeat(501) }, { note: '好', extra: 1 }]) {
      const res = await followUp(kefu, bad.review, body).expect(400);
      expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    }
  });

  it('should record who followed up and what was done, once (a second is 409 CONFLICT)', async () => {
    const res = await followUp(kefu, bad.review, { note: '  已电话致歉，补偿 20 元优惠券  ' }).expect(200);
    expect(res.body.data).toMatchObject({
      documentId: bad.review,
      followUp: 'done',
      followUpLabel: '已跟进',
      followUpNote: '已电话致歉，补偿 20 元优惠券',
      followedUpBy: expect.stringMatching(/#\d+\)$/),
      followedUpAt: expect.any(String),
    });
    const again = await followUp(opsShanghai, bad.review, { note: '再记一次' }).expect(409);
    expect(again.body.error.details.code).toBe('CONFLICT');
    const row = await app.strapi.db.query('api::feedback.review').findOne({ where: { documentId: bad.review } });
    expect(row.followUpNote).toBe('已电话致歉，补偿 20 元优惠券');
  });

  it('should move the review from 待跟进 to 已跟进', async () => {
    expect((await list(kefu).expect(200)).body.data).toEqual([]);
    const done = (await list(kefu, '?followUp=done').expect(200)).body.data;
    expect(done.map((r: any) => r.documentId)).toEqual([bad.review]);
  });

  it('should answer 404 for a review that does not exist', async () => {
    const res = await followUp(kefu, 'nosuchreview000000000000', { note: '无' }).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
  });
});

describe('reviews from before the order facts were kept', () => {
  it("should get their order number and city from the order at boot's backfill", async () => {
    await app.strapi.db.query('api::feedback.review').updateMany({ where: { documentId: good.review }, data: { orderNo: null, cityAdcode: null } });
    expect((await list(opsShanghai, '?followUp=all').expect(200)).body.data).toHaveLength(1);
    expect(await app.strapi.service('api::feedback.review-admin').backfillOrderFacts()).toBe(1);
    const row = await app.strapi.db.query('api::feedback.review').findOne({ where: { documentId: good.review } });
    expect(row).toMatchObject({ orderNo: good.orderNo, cityAdcode: '310100' });
    expect((await list(opsShanghai, '?followUp=all').expect(200)).body.data).toHaveLength(2);
  });
});
