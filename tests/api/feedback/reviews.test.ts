import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession } from '../../helpers/fixtures';
import { eventually } from '../../helpers/dispatch';
import { buildOrderWorld, inDepartWindow, localAt, pay, placeOrder, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;
let kefu: { Authorization: string };
let caiwu: { Authorization: string };

// Two hours of the hourly item: 9000 fen paid, 90 points at the default earnPerYuan 1.
const PAID = 9000;
const COMPLETION_POINTS = 90;
const REVIEW_POINTS = 20;

type Worker = OrderWorld['workers'][number];

/** A member's order walked to completed by `worker`, as the apps would do it. */
async function completedOrder(worker: Worker, day: number, hour = 9): Promise<{ documentId: string; orderNo: string; paymentDocumentId: string }> {
  const order = await placeOrder(app.http, w, day, hour);
  const payment = await pay(app.strapi, order.documentId, 'full', PAID);
  await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  await inDepartWindow(app.strapi, order.documentId, async () => {
    for (const step of ['depart', 'arrive', 'start', 'complete']) {
      await app.http.post(`/api/orders/${order.documentId}/${step}`).set(worker.auth).send({}).expect(200);
    }
  });
  return { documentId: order.documentId, orderNo: order.orderNo, paymentDocumentId: payment.documentId };
}

const review = (user: { auth: { Authorization: string } }, body: Record<string, unknown>) => app.http.post('/api/reviews').set(user.auth).send(body);

const workerRow = (id: number) =>
  app.strapi.db.query('api::people.worker').findOne({
    where: { id },
    select: ['rating', 'ratingQuality', 'ratingAttitude', 'ratingSkill', 'reviewCount', 'ratingSumQuality', 'ratingSumAttitude', 'ratingSumSkill'],
  });

const ledgerFor = async (order: string) =>
  (await app.http.get('/api/me/points?pagination[pageSize]=100').set(w.member.auth).expect(200)).body.data.entries.filter((e: any) => String(e.note).includes(order));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const uploaded: number[] = [];
async function uploadReviewImage(user: { auth: { Authorization: string } }): Promise<Array<{ id: number; url: string }>> {
  const res = await app.http.post('/api/me/uploads').set(user.auth).field('purpose', 'review').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(201);
  uploaded.push(...res.body.data.map((f: { id: number }) => f.id));
  return res.body.data;
}

const entriesWithRef = (ref: string) => app.strapi.db.query('api::marketing.points-entry').count({ where: { ref } });

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: w.member.id }, data: { nickname: '陈小姐' } });
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu-reviews@test.shangmen', '客服')).auth;
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu-reviews@test.shangmen', '财务')).auth;
});
afterAll(async () => {
  for (const id of uploaded) {
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  }
  await app?.close();
});

describe('reviewing an order', () => {
  let first: { documentId: string; orderNo: string };

  it('should refuse a review before the order is completed (409 INVALID_TRANSITION)', async () => {
    const order = await placeOrder(app.http, w, 20, 9);
    await pay(app.strapi, order.documentId, 'full', PAID);
    const res = await review(w.member, { order: order.documentId, ratings: { quality: 5, attitude: 5, skill: 5 }, content: '很好' }).expect(409);
    expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
  });

  it("should answer 404 for someone else's order, and 400 for scores outside 1–5", async () => {
    first = await completedOrder(w.workers[0], 2, 9);
    const res = await review(w.other, { order: first.documentId, ratings: { quality: 5, attitude: 5, skill: 5 }, content: '代评' }).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    const bad = await review(w.member, { order: first.documentId, ratings: { quality: 6, attitude: 5, skill: 5 }, content: 'x' }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
    await review(w.member, { order: first.documentId, ratings: { quality: 4.5, attitude: 5, skill: 5 } }).expect(400);
  });

  it('should take one review per order and refuse the second with 409 ALREADY_REVIEWED', async () => {
    const [mine] = await uploadReviewImage(w.member);
    const [theirs] = await uploadReviewImage(w.other);
    const stolen = await review(w.member, { order: first.documentId, ratings: { quality: 5, attitude: 4, skill: 3 }, images: [theirs.id] }).expect(403);
    expect(stolen.body.error.details.code).toBe('FILE_NOT_OWNED');
    const res = await review(w.member, { order: first.documentId, ratings: { quality: 5, attitude: 4, skill: 3 }, content: '打扫得很干净', images: [mine.id] }).expect(201);
    expect(res.body.data).toMatchObject({ order: first.documentId, rating: 4, ratings: { quality: 5, attitude: 4, skill: 3 }, needsFollowUp: false, pointsEarned: REVIEW_POINTS, images: [mine.url] });
    const again = await review(w.member, { order: first.documentId, ratings: { quality: 1, attitude: 1, skill: 1 }, content: '再评一次' }).expect(409);
    expect(again.body.error.details.code).toBe('ALREADY_REVIEWED');
    expect(await workerRow(w.workers[0].workerId)).toMatchObject({ reviewCount: 1, rating: 4, ratingQuality: 5, ratingAttitude: 4, ratingSkill: 3 });
  });

  let third: string;
  it("should move the worker's rating by the exact average over several reviews", async () => {
    const second = await completedOrder(w.workers[0], 2, 14);
    const thirdOrder = await completedOrder(w.workers[0], 3, 9);
    await review(w.member, { order: second.documentId, ratings: { quality: 4, attitude: 4, skill: 4 }, content: '不错', anonymous: true }).expect(201);
    const bad = await review(w.member, { order: thirdOrder.documentId, ratings: { quality: 1, attitude: 2, skill: 2 }, content: '迟到一小时' }).expect(201);
    third = bad.body.data.documentId;
    // Sums 10/10/9 over 3 reviews: quality 3.33, attitude 3.33, skill 3, overall 29/9 = 3.22.
    expect(await workerRow(w.workers[0].workerId)).toMatchObject({
      reviewCount: 3,
      ratingSumQuality: 10,
      ratingSumAttitude: 10,
      ratingSumSkill: 9,
      rating: 3.22,
      ratingQuality: 3.33,
      ratingAttitude: 3.33,
      ratingSkill: 3,
    });
    const profile = (await app.http.get(`/api/workers/${w.workers[0].workerDocumentId}`).expect(200)).body.data;
    expect(profile).toMatchObject({ rating: 3.2, ratings: { quality: 3.3, attitude: 3.3, skill: 3 }, reviewCount: 3 });
    expect(profile.recentReviews).toHaveLength(3);
    const anonymous = profile.recentReviews.find((r: any) => r.content === '不错');
    expect(anonymous).toMatchObject({ anonymous: true, member: '匿名用户', rating: 4 });
  });

  it('should flag a review at or below the bad-review line for 客服 on the order timeline', async () => {
    const row = await app.strapi.db.query('api::feedback.review').findOne({ where: { documentId: third } });
    expect(row).toMatchObject({ needsFollowUp: true });
    const detail = (await app.http.get(`/orders/orders/${row.orderRef}`).set(kefu).expect(200)).body.data;
    expect(detail.events.map((e: any) => e.event)).toContain('bad_review');
    // 客服's note stays on the staff side of the timeline.
    const order = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: row.orderRef }, select: ['documentId', 'memberId'] });
    expect(order.memberId).toBe(w.member.id);
    const asMember = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200)).body.data;
    expect(asMember.events.map((e: any) => e.event)).not.toContain('bad_review');
    expect(asMember.events.map((e: any) => e.event)).toContain('complete');
  });

  it('should let 客服 hide a review with a reason; the average then leaves it out', async () => {
    const noReason = await app.http.post(`/feedback/reviews/${third}/hide`).set(kefu).send({ reason: ' ' }).expect(400);
    expect(noReason.body.error.details.code).toBe('VALIDATION_FAILED');
    await app.http.post(`/feedback/reviews/${third}/hide`).set(caiwu).send({ reason: '财务无权隐藏' }).expect(403);
    const res = await app.http.post(`/feedback/reviews/${third}/hide`).set(kefu).send({ reason: '会员误评，已电话核实' }).expect(200);
    expect(res.body.data).toMatchObject({ hiddenReason: '会员误评，已电话核实', hiddenBy: expect.stringContaining('#') });
    // Back to the first two: sums 9/8/7 over 2 → 4.5, 4, 3.5, overall 4.
    expect(await workerRow(w.workers[0].workerId)).toMatchObject({ reviewCount: 2, rating: 4, ratingQuality: 4.5, ratingAttitude: 4, ratingSkill: 3.5 });
    const profile = (await app.http.get(`/api/workers/${w.workers[0].workerDocumentId}`).expect(200)).body.data;
    expect(profile.recentReviews.map((r: any) => r.documentId)).not.toContain(third);
    expect(profile.rating).toBe(4);
    const again = await app.http.post(`/feedback/reviews/${third}/hide`).set(kefu).send({ reason: '重复操作' }).expect(409);
    expect(again.body.error.details.code).toBe('CONFLICT');
  });

  it("should show the service item's rating summary and recent visible reviews", async () => {
    const item = (await app.http.get(`/api/service-items/${w.hourly}`).expect(200)).body.data;
    expect(item.reviewSummary).toEqual({ rating: 4, ratings: { quality: 4.5, attitude: 4, skill: 3.5 }, reviewCount: 2 });
    expect(item.recentReviews.map((r: any) => r.member).sort()).toEqual(['匿名用户', '陈**'].sort());
    expect(item.recentReviews.map((r: any) => r.documentId)).not.toContain(third);
  });

  it("should let the order's worker reply once, and nobody else", async () => {
    const reviewed = (await app.http.get(`/api/workers/${w.workers[0].workerDocumentId}`).expect(200)).body.data.recentReviews[0];
    await app.http.post(`/api/reviews/${reviewed.documentId}/reply`).set(w.workers[1].auth).send({ content: '不是我的单' }).expect(404);
    await app.http.post(`/api/reviews/${reviewed.documentId}/reply`).set(w.member.auth).send({ content: '会员不能回复' }).expect(403);
    const res = await app.http.post(`/api/reviews/${reviewed.documentId}/reply`).set(w.workers[0].auth).send({ content: '感谢您的认可' }).expect(200);
    expect(res.body.data).toMatchObject({ reply: '感谢您的认可', repliedAt: expect.any(String) });
    const again = await app.http.post(`/api/reviews/${reviewed.documentId}/reply`).set(w.workers[0].auth).send({ content: '再回一次' }).expect(409);
    expect(again.body.error.details.code).toBe('ALREADY_REPLIED');
  });

  it('should close the review window reviewWindowDays after completion (409 REVIEW_WINDOW_CLOSED)', async () => {
    const late = await completedOrder(w.workers[1], 4, 9);
    const { completedAt } = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: late.documentId }, select: ['completedAt'] });
    const deadline = new Date(completedAt).getTime() + 15 * 86_400_000;
    const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
    try {
      clock.use(fixedClock(new Date(deadline + 60_000)));
      const res = await review(w.member, { order: late.documentId, ratings: { quality: 5, attitude: 5, skill: 5 } }).expect(409);
      expect(res.body.error.details).toMatchObject({ code: 'REVIEW_WINDOW_CLOSED', deadline: new Date(deadline).toISOString() });
      clock.use(fixedClock(new Date(deadline - 60_000)));
      await review(w.member, { order: late.documentId, ratings: { quality: 5, attitude: 5, skill: 5 } }).expect(201);
    } finally {
      clock.reset();
    }
  });
});

describe('points', () => {
  it('should earn points on completion by what was paid, and on a review', async () => {
    const order = await completedOrder(w.workers[2], 5, 9);
    const earned = await eventually(async () => (await ledgerFor(order.orderNo)).find((e: any) => e.reason === 'order_completed'));
    expect(earned).toMatchObject({ delta: COMPLETION_POINTS });
    await review(w.member, { order: order.documentId, ratings: { quality: 5, attitude: 5, skill: 5 } }).expect(201);
    expect((await ledgerFor(order.orderNo)).map((e: any) => [e.reason, e.delta]).sort()).toEqual([['order_completed', COMPLETION_POINTS], ['review', REVIEW_POINTS]].sort());
  });

  it('should take the completion points back on a full refund', async () => {
    const order = await completedOrder(w.workers[2], 5, 14);
    await eventually(async () => (await ledgerFor(order.orderNo)).some((e: any) => e.reason === 'order_completed'));
    const before = (await app.http.get('/api/me/points').set(w.member.auth).expect(200)).body.data.balance;
    await app.http.post(`/payments/payments/${order.paymentDocumentId}/refunds`).set(caiwu).send({ amount: PAID, reason: '服务不满意，全额退款' }).expect(201);
    const reversal = await eventually(async () => (await ledgerFor(order.orderNo)).find((e: any) => e.reason === 'order_refund'));
    expect(reversal).toMatchObject({ delta: -COMPLETION_POINTS });
    const after = (await app.http.get('/api/me/points').set(w.member.auth).expect(200)).body.data.balance;
    expect(after).toBe(before - COMPLETION_POINTS);
  });

  it('should post completion points once when the completion event is delivered twice', async () => {
    const order = await completedOrder(w.workers[1], 6, 9);
    const ref = `order_completed:${order.documentId}`;
    await eventually(async () => (await entriesWithRef(ref)) === 1);
    // The same message again on the bus, and the job run twice at once, as an at-least-once queue may.
    const message = { order: order.documentId, orderNo: order.orderNo, status: 'completed', from: 'in_service', at: new Date().toISOString(), memberId: w.member.id, city: '310100' };
    const { runtime } = require(`${app.strapi.dirs.dist.src}/runtime`);
    await runtime().pubsub.publish('orders.status', message);
    await runtime().pubsub.publish('orders.status', message);
    const points = app.strapi.service('api::marketing.order-points');
    await Promise.all([points.run({ order: order.documentId, trigger: 'completed' }), points.run({ order: order.documentId, trigger: 'completed' })]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await entriesWithRef(ref)).toBe(1);
    expect((await ledgerFor(order.orderNo)).filter((e: any) => e.reason === 'order_completed')).toHaveLength(1);
  });

  it('should earn the completion points of an order whose message was lost, once, from the catch-up sweep', async () => {
    const points = app.strapi.service('api::marketing.order-points');
    // The process dies between the commit and queuing the job: the message never becomes a job.
    const lost = jest.spyOn(points, 'enqueue').mockResolvedValue(undefined);
    let order: Awaited<ReturnType<typeof completedOrder>>;
    try {
      order = await completedOrder(w.workers[1], 7, 9);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      lost.mockRestore();
    }
    const ref = `order_completed:${order.documentId}`;
    expect(await entriesWithRef(ref)).toBe(0);

    // Too fresh for the sweep (its message may still be on the way), then found.
    const { completedAt } = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId }, select: ['completedAt'] });
    const completed = new Date(completedAt).getTime();
    const queued = jest.spyOn(points, 'enqueue');
    const jobsFor = () => queued.mock.calls.filter(([job]: any[]) => job.order === order.documentId).map(([job]: any[]) => job.trigger);
    try {
      await points.sweep(new Date(completed + 60_000));
      expect(jobsFor()).toEqual([]);
      await points.sweep(new Date(completed + 6 * 60_000));
      expect(jobsFor()).toEqual(['completed']);
    } finally {
      queued.mockRestore();
    }
    await eventually(async () => (await entriesWithRef(ref)) === 1);
    await points.sweep(new Date(completed + 16 * 60_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(await entriesWithRef(ref)).toBe(1);
  });

  it('should take back a refund once when its event is delivered twice', async () => {
    const order = await completedOrder(w.workers[1], 6, 14);
    await eventually(async () => (await ledgerFor(order.orderNo)).some((e: any) => e.reason === 'order_completed'));
    const res = await app.http.post(`/payments/payments/${order.paymentDocumentId}/refunds`).set(caiwu).send({ amount: 3000, reason: '少做一小时，退差价' }).expect(201);
    const reference = res.body.data.refund.outRefundNo;
    await eventually(async () => (await ledgerFor(order.orderNo)).some((e: any) => e.reason === 'order_refund'));
    const points = app.strapi.service('api::marketing.order-points');
    await Promise.all([points.run({ order: order.documentId, trigger: 'refund', reference }), points.run({ order: order.documentId, trigger: 'refund', reference })]);
    const reversals = (await ledgerFor(order.orderNo)).filter((e: any) => e.reason === 'order_refund');
    // ¥60 of ¥90 still paid keeps 60 of the 90 points.
    expect(reversals.map((e: any) => e.delta)).toEqual([-30]);
  });
});
