import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdminSession, createMember, type TestUser } from '../helpers/fixtures';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let admin: { Authorization: string };
let kefu: { Authorization: string };

const DAY = 86_400_000;
let seq = 0;

async function createCoupon(over: Record<string, unknown> = {}) {
  seq += 1;
  return app.strapi.documents('api::marketing.coupon').create({
    data: { name: `测试券${seq}`, code: `CLAIM-${seq}`, type: 'fixed', amountOff: 500, minSpend: 0, perUserLimit: 1, claimable: true, active: true, issuedCount: 0, ...over },
  } as any);
}

const couponRow = (documentId: string) => app.strapi.db.query('api::marketing.coupon').findOne({ where: { documentId } });
const heldBy = (userId: number, couponId: number) =>
  app.strapi.db.query('api::marketing.user-coupon').count({ where: { user: { id: userId }, coupon: { id: couponId } } });

beforeAll(async () => {
  app = await bootStrapi();
  alice = await createMember(app.strapi, { phone: '13900000001' });
  bob = await createMember(app.strapi, { phone: '13900000002' });
  admin = (await createAdminSession(app.strapi, app.http, 'coupons-admin@test.shangmen', '超级管理员')).auth;
  kefu = (await createAdminSession(app.strapi, app.http, 'coupons-kefu@test.shangmen', '客服')).auth;
});
afterAll(async () => {
  await app?.close();
});

describe('POST /api/coupons/:id/claim', () => {
  it('hands out exactly the stock to 50 members claiming at once; the rest get COUPON_SOLD_OUT', async () => {
    const coupon = await createCoupon({ stock: 10 });
    const members = [];
    for (let i = 0; i < 50; i += 1) members.push(await createMember(app.strapi));
    const answers = await Promise.all(members.map((m) => app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(m.auth)));
    const ok = answers.filter((r) => r.status === 201);
    const soldOut = answers.filter((r) => r.status === 409 && r.body.error?.details?.code === 'COUPON_SOLD_OUT');
    expect(ok).toHaveLength(10);
    expect(soldOut).toHaveLength(40);
    const row = await couponRow(coupon.documentId);
    expect(row.issuedCount).toBe(10);
    expect(await app.strapi.db.query('api::marketing.user-coupon').count({ where: { coupon: { id: row.id } } })).toBe(10);
    // The centre no longer offers it, and it shows no stock left.
    const list = await app.http.get('/api/coupons/claimable').set(bob.auth).expect(200);
    expect(list.body.data.map((c: { documentId: string }) => c.documentId)).not.toContain(coupon.documentId);
    const again = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(bob.auth).expect(409);
    expect(again.body.error.details.code).toBe('COUPON_SOLD_OUT');
  });

  it('grants the claimed coupon to the member, visible in /api/me/coupons', async () => {
    const coupon = await createCoupon({ stock: 5, validDays: 7 });
    const res = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(alice.auth).expect(201);
    expect(res.body.data).toMatchObject({ coupon: coupon.documentId, status: 'available', claimed: 1, remaining: 4 });
    expect(new Date(res.body.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    const mine = await app.http.get('/api/me/coupons?status=available').set(alice.auth).expect(200);
    expect(mine.body.data.find((c: any) => c.documentId === res.body.data.userCoupon)).toMatchObject({ source: 'claim', coupon: { code: coupon.code } });
  });

  it('stops a member at the per-user limit with COUPON_LIMIT_REACHED', async () => {
    const coupon = await createCoupon({ stock: 100, perUserLimit: 2 });
    await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(bob.auth).expect(201);
    const second = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(bob.auth).expect(201);
    expect(second.body.data.claimed).toBe(2);
    const third = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(bob.auth).expect(409);
    expect(third.body.error.details.code).toBe('COUPON_LIMIT_REACHED');
    const row = await couponRow(coupon.documentId);
    expect(await heldBy(bob.id, row.id)).toBe(2);
    expect(row.issuedCount).toBe(2);
  });

  it('holds the per-user limit when one member claims many times at once', async () => {
    const coupon = await createCoupon({ stock: 100, perUserLimit: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(alice.auth)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(answers.filter((r) => r.body.error?.details?.code === 'COUPON_LIMIT_REACHED')).toHaveLength(9);
    expect(await heldBy(alice.id, (await couponRow(coupon.documentId)).id)).toBe(3);
  });

  it('refuses expired, not-yet-open, closed and non-claimable coupons with COUPON_NOT_CLAIMABLE', async () => {
    const now = Date.now();
    const cases = [
      await createCoupon({ validUntil: new Date(now - DAY) }),
      await createCoupon({ claimStartsAt: new Date(now + DAY) }),
      await createCoupon({ claimEndsAt: new Date(now - 1000) }),
      await createCoupon({ claimable: false }),
      await createCoupon({ active: false }),
    ];
    for (const coupon of cases) {
      const res = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).set(alice.auth).expect(409);
      expect(res.body.error.details.code).toBe('COUPON_NOT_CLAIMABLE');
      expect((await couponRow(coupon.documentId)).issuedCount).toBe(0);
    }
    const list = await app.http.get('/api/coupons/claimable').set(alice.auth).expect(200);
    const offered = list.body.data.map((c: { documentId: string }) => c.documentId);
    for (const coupon of cases) expect(offered).not.toContain(coupon.documentId);
  });

  it('answers 404 for an unknown coupon and 401 when signed out', async () => {
    const missing = await app.http.post('/api/coupons/nope/claim').set(alice.auth).expect(404);
    expect(missing.body.error.details.code).toBe('NOT_FOUND');
    const coupon = await createCoupon({ stock: 1 });
    const anon = await app.http.post(`/api/coupons/${coupon.documentId}/claim`).expect(401);
    expect(anon.body.error.details.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /api/coupons/claimable', () => {
  it('lists open coupons with the caller’s count and the stock left, dropping those at the limit', async () => {
    const open = await createCoupon({ stock: 3, perUserLimit: 2, claimEndsAt: new Date(Date.now() + DAY) });
    const unlimited = await createCoupon({ stock: null });
    await app.http.post(`/api/coupons/${open.documentId}/claim`).set(alice.auth).expect(201);
    const res = await app.http.get('/api/coupons/claimable').set(alice.auth).expect(200);
    const byId = new Map(res.body.data.map((c: any) => [c.documentId, c]));
    expect(byId.get(open.documentId)).toMatchObject({ claimed: 1, remaining: 2, perUserLimit: 2, amountOff: 500, type: 'fixed' });
    expect(byId.get(unlimited.documentId)).toMatchObject({ claimed: 0, remaining: null });

    await app.http.post(`/api/coupons/${open.documentId}/claim`).set(alice.auth).expect(201);
    const after = await app.http.get('/api/coupons/claimable').set(alice.auth).expect(200);
    expect(after.body.data.map((c: any) => c.documentId)).not.toContain(open.documentId);
    // Bob has none of it: still offered to him, with one left.
    const forBob = await app.http.get('/api/coupons/claimable').set(bob.auth).expect(200);
    expect(forBob.body.data.find((c: any) => c.documentId === open.documentId)).toMatchObject({ claimed: 0, remaining: 1 });
  });

  it('is public, without per-member counts, and refuses query parameters it does not take', async () => {
    const coupon = await createCoupon({ stock: 2 });
    const res = await app.http.get('/api/coupons/claimable').expect(200);
    expect(res.body.data.find((c: any) => c.documentId === coupon.documentId)).toMatchObject({ claimed: 0, remaining: 2 });
    const bad = await app.http.get('/api/coupons/claimable?filters[stock][$gt]=0').expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /marketing/coupons/:id/grant (operators)', () => {
  it('grants to members by id and phone once; repeating the grant gives nobody a second coupon', async () => {
    const coupon = await createCoupon({ claimable: false, stock: 10 });
    const body = { users: [alice.id], phones: ['13900000002', '13900009999'] };
    const first = await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send(body).expect(200);
    expect(first.body.data).toMatchObject({ granted: 2, alreadyGranted: 0, refused: 0, unknownPhones: ['13900009999'], unknownUsers: [] });
    const again = await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send(body).expect(200);
    expect(again.body.data).toMatchObject({ granted: 0, alreadyGranted: 2 });
    const row = await couponRow(coupon.documentId);
    expect(row.issuedCount).toBe(2);
    expect(await heldBy(alice.id, row.id)).toBe(1);
    expect(await heldBy(bob.id, row.id)).toBe(1);
    const mine = await app.http.get('/api/me/coupons').set(bob.auth).expect(200);
    expect(mine.body.data.filter((c: any) => c.coupon.documentId === coupon.documentId)).toEqual([expect.objectContaining({ source: 'grant', status: 'available' })]);
  });

  it('grants once per campaign code, concurrent repeats included', async () => {
    const coupon = await createCoupon({ claimable: false, stock: 10 });
    const send = () => app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send({ users: [alice.id], campaign: 'DOUBLE-12' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((n, r) => n + r.body.data.granted, 0)).toBe(1);
    const row = await couponRow(coupon.documentId);
    expect(await heldBy(alice.id, row.id)).toBe(1);
    const list = await app.http.get('/api/me/coupons').set(alice.auth).expect(200);
    expect(list.body.data.find((c: any) => c.coupon.documentId === coupon.documentId)).toMatchObject({ source: 'campaign' });
  });

  it('reports members it could not serve once the stock runs out', async () => {
    const coupon = await createCoupon({ claimable: false, stock: 1 });
    const res = await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send({ users: [alice.id, bob.id] }).expect(200);
    expect(res.body.data).toMatchObject({ granted: 1, refused: 1 });
    expect(res.body.data.results.find((r: any) => r.result === 'refused')).toMatchObject({ code: 'COUPON_SOLD_OUT' });
  });

  it('is refused to admins who cannot create 会员优惠券, to members and on bad input', async () => {
    const coupon = await createCoupon({ stock: 10 });
    await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(kefu).send({ users: [alice.id] }).expect(403);
    await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(alice.auth).send({ users: [alice.id] }).expect(401);
    const empty = await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send({}).expect(400);
    expect(empty.body.error.details.code).toBe('VALIDATION_FAILED');
    await app.http.post(`/marketing/coupons/${coupon.documentId}/grant`).set(admin).send({ phones: ['123'] }).expect(400);
    await app.http.post('/marketing/coupons/missing/grant').set(admin).send({ users: [alice.id] }).expect(404);
    expect((await couponRow(coupon.documentId)).issuedCount).toBe(0);
  });
});

describe('new-member coupons and expiry', () => {
  it('grants every 新人券 once to a member who registers', async () => {
    const welcome = await createCoupon({ claimable: false, grantOnRegister: true, stock: 100, validDays: 30 });
    const reg = await app.http
      .post('/api/auth/local/register')
      .send({ username: 'newbie', email: 'newbie@test.shangmen', password: 'Welcome12345!' })
      .expect(200);
    const auth = { Authorization: `Bearer ${reg.body.jwt}` };
    let mine: any[] = [];
    for (let i = 0; i < 50 && !mine.length; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      mine = (await app.http.get('/api/me/coupons').set(auth).expect(200)).body.data;
    }
    expect(mine).toEqual([expect.objectContaining({ source: 'register', status: 'available', coupon: expect.objectContaining({ documentId: welcome.documentId }) })]);
    // A retried job is a no-op.
    await app.strapi.service('api::marketing.coupon-centre').grantWelcome(reg.body.user.id);
    expect(await heldBy(reg.body.user.id, (await couponRow(welcome.documentId)).id)).toBe(1);
  });

  it('the nightly sweep marks available coupons past their expiry as expired and leaves others alone', async () => {
    const coupon = await createCoupon({ stock: null });
    const row = await couponRow(coupon.documentId);
    const make = (couponStatus: string, expiresAt: Date | null) =>
      app.strapi.db.query('api::marketing.user-coupon').create({ data: { user: bob.id, coupon: row.id, couponStatus, source: 'grant', grantedAt: new Date(Date.now() - 2 * DAY), expiresAt } });
    const past = await make('available', new Date(Date.now() - 1000));
    const reserved = await make('reserved', new Date(Date.now() - 1000));
    const future = await make('available', new Date(Date.now() + DAY));
    const endless = await make('available', null);
    const changed = await app.strapi.service('api::marketing.coupon-centre').expireDue();
    expect(changed).toBeGreaterThanOrEqual(1);
    const status = async (id: number) => (await app.strapi.db.query('api::marketing.user-coupon').findOne({ where: { id } })).couponStatus;
    expect(await status(past.id)).toBe('expired');
    expect(await status(reserved.id)).toBe('reserved');
    expect(await status(future.id)).toBe('available');
    expect(await status(endless.id)).toBe('available');
    const expired = await app.http.get('/api/me/coupons?status=expired').set(bob.auth).expect(200);
    expect(expired.body.data.map((c: any) => c.documentId)).toContain(past.documentId);
  });
});
