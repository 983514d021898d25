import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createCategory, createCity, createMember, type TestUser } from '../helpers/fixtures';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;

const address = (over: Record<string, unknown> = {}) => ({
  data: { contact: '张女士', phone: '13812345678', city: '310100', district: '浦东新区', detail: '世纪大道100号 1801', lat: 31.2397, lng: 121.4998, ...over },
});

beforeAll(async () => {
  app = await bootStrapi();
  await createCity(app.strapi);
  await createCategory(app.strapi, 'home-cleaning', '家庭清洁');
  alice = await createMember(app.strapi, { nickname: 'Alice', phone: '13800000001' });
  bob = await createMember(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

describe('/api/addresses', () => {
  let first: string;

  it('requires sign-in', async () => {
    const res = await app.http.get('/api/addresses').expect(401);
    expect(res.body.error.details.code).toBe('UNAUTHENTICATED');
  });

  it('creates the first address as default and returns the adcode', async () => {
    const res = await app.http.post('/api/addresses').set(alice.auth).send(address({ isDefault: false })).expect(201);
    expect(res.body.data).toMatchObject({ contact: '张女士', city: '310100', cityName: '上海', isDefault: true });
    first = res.body.data.documentId;
  });

  it('moves the default when another address claims it', async () => {
    const res = await app.http.post('/api/addresses').set(alice.auth).send(address({ detail: '公司', isDefault: true })).expect(201);
    const list = await app.http.get('/api/addresses').set(alice.auth).expect(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data.filter((a: any) => a.isDefault).map((a: any) => a.documentId)).toEqual([res.body.data.documentId]);
  });

  it("hides one member's address from another (404, not 403)", async () => {
    const res = await app.http.get(`/api/addresses/${first}`).set(bob.auth).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    await app.http.put(`/api/addresses/${first}`).set(bob.auth).send({ data: { detail: 'x' } }).expect(404);
    await app.http.delete(`/api/addresses/${first}`).set(bob.auth).expect(404);
    expect((await app.http.get('/api/addresses').set(bob.auth).expect(200)).body.data).toEqual([]);
  });

  it.each([
    ['unknown field', { data: { ...address().data, user: 1 } }],
    ['wrong type', address({ lat: '31.2' })],
    ['bad phone', address({ phone: '12345' })],
    ['outside China', address({ lat: 48.85, lng: 2.35 })],
    ['unknown city', address({ city: '999999' })],
    ['missing envelope', address().data],
  ])('rejects %s with 400 and writes nothing', async (_label, body) => {
    const before = await app.strapi.db.query('api::people.address').count();
    const res = await app.http.post('/api/addresses').set(bob.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    expect(await app.strapi.db.query('api::people.address').count()).toBe(before);
  });

  it('updates and deletes own rows, promoting another default', async () => {
    await app.http.put(`/api/addresses/${first}`).set(alice.auth).send({ data: { detail: '新地址 2 号', isDefault: true } }).expect(200);
    await app.http.delete(`/api/addresses/${first}`).set(alice.auth).expect(204);
    const list = await app.http.get('/api/addresses').set(alice.auth).expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].isDefault).toBe(true);
  });
});

describe('/api/me/profile and preferences', () => {
  it('creates the profile on first read and shows the owner their phone', async () => {
    const res = await app.http.get('/api/me/profile').set(alice.auth).expect(200);
    expect(res.body.data).toMatchObject({ nickname: 'Alice', phone: '13800000001', gender: 'unknown', city: null });
  });

  it('updates profile fields and rejects unknown ones', async () => {
    const res = await app.http.put('/api/me/profile').set(alice.auth).send({ data: { name: '爱丽丝', gender: 'female', city: '310100', nickname: '小A' } }).expect(200);
    expect(res.body.data).toMatchObject({ name: '爱丽丝', gender: 'female', city: '310100', nickname: '小A' });
    const bad = await app.http.put('/api/me/profile').set(alice.auth).send({ data: { role: 1 } }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('stores preferences and validates them', async () => {
    const body = { data: { categories: ['home-cleaning'], timeWindows: [{ weekday: 6, start: '09:00', end: '12:00' }], priceMin: 5000, priceMax: 30000, workerGender: 'female' } };
    const res = await app.http.put('/api/me/preferences').set(alice.auth).send(body).expect(200);
    expect(res.body.data).toEqual(body.data);
    expect((await app.http.get('/api/me/preferences').set(alice.auth).expect(200)).body.data).toEqual(body.data);
    await app.http.put('/api/me/preferences').set(alice.auth).send({ data: { categories: ['nope'] } }).expect(400);
    await app.http.put('/api/me/preferences').set(alice.auth).send({ data: { priceMin: 500, priceMax: 100 } }).expect(400);
    await app.http.put('/api/me/preferences').set(alice.auth).send({ data: { timeWindows: [{ weekday: 8, start: '09:00', end: '10:00' }] } }).expect(400);
  });
});

describe('coupons, points and gifts', () => {
  let couponGift: string;
  let physicalGift: string;

  beforeAll(async () => {
    const s = app.strapi;
    const coupon = await s.documents('api::marketing.coupon').create({
      data: { name: '满100减20', code: 'TEST100-20', type: 'threshold', amountOff: 2000, minSpend: 10000, perUserLimit: 1, validDays: 30, active: true },
    } as any);
    couponGift = (await s.documents('api::marketing.gift').create({ data: { name: '20元券', kind: 'coupon', coupon: coupon.documentId, pointsCost: 300, active: true } } as any)).documentId;
    physicalGift = (await s.documents('api::marketing.gift').create({ data: { name: '收纳盒', kind: 'physical', pointsCost: 500, stock: 1, active: true } } as any)).documentId;
    await s.db.transaction(async ({ trx }) => {
      await s.service('api::marketing.points').post(trx, alice.id, { delta: 1000, reason: 'admin_adjust', ref: 'test:grant' });
    });
  });

  it('lists gifts publicly', async () => {
    const res = await app.http.get('/api/gifts').expect(200);
    expect(res.body.data.map((g: any) => g.name)).toEqual(['20元券', '收纳盒']);
  });

  it('shows the balance and entries', async () => {
    const res = await app.http.get('/api/me/points').set(alice.auth).expect(200);
    expect(res.body.data.balance).toBe(1000);
    expect(res.body.data.entries).toHaveLength(1);
  });

  it('redeems a coupon gift: points debited and the coupon granted, once per the per-user limit', async () => {
    const res = await app.http.post('/api/me/points/redeem').set(alice.auth).send({ gift: couponGift }).expect(201);
    expect(res.body.data).toMatchObject({ pointsSpent: 300, balance: 700, status: 'fulfilled' });
    const coupons = await app.http.get('/api/me/coupons?status=available').set(alice.auth).expect(200);
    expect(coupons.body.data).toHaveLength(1);
    expect(coupons.body.data[0].coupon).toMatchObject({ code: 'TEST100-20', amountOff: 2000, minSpend: 10000 });
    const again = await app.http.post('/api/me/points/redeem').set(alice.auth).send({ gift: couponGift }).expect(400);
    expect(again.body.error.details.code).toBe('COUPON_INVALID');
    // The failed redemption rolled back: no points lost.
    expect((await app.http.get('/api/me/points').set(alice.auth)).body.data.balance).toBe(700);
  });

  it('refuses a redemption without enough points, changing nothing', async () => {
    const res = await app.http.post('/api/me/points/redeem').set(bob.auth).send({ gift: couponGift }).expect(409);
    expect(res.body.error.details.code).toBe('INSUFFICIENT_POINTS');
    expect((await app.http.get('/api/me/coupons').set(bob.auth)).body.data).toEqual([]);
  });

  it('needs an own address for physical gifts and never oversells stock', async () => {
    await app.http.post('/api/me/points/redeem').set(alice.auth).send({ gift: physicalGift }).expect(400);
    const addr = (await app.http.get('/api/addresses').set(alice.auth)).body.data[0].documentId;
    await app.strapi.db.transaction(async ({ trx }) => {
      await app.strapi.service('api::marketing.points').post(trx, bob.id, { delta: 2000, reason: 'admin_adjust', ref: 'test:bob' });
    });
    const bobAddr = (await app.http.post('/api/addresses').set(bob.auth).send(address())).body.data.documentId;
    await app.http.post('/api/me/points/redeem').set(bob.auth).send({ gift: physicalGift, address: addr }).expect(404);
    const results = await Promise.all([
      app.http.post('/api/me/points/redeem').set(alice.auth).send({ gift: physicalGift, address: addr }),
      app.http.post('/api/me/points/redeem').set(bob.auth).send({ gift: physicalGift, address: bobAddr }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const gift = await app.strapi.db.query('api::marketing.gift').findOne({ where: { documentId: physicalGift } });
    expect(gift.stock).toBe(0);
  });

  it('rejects bad coupon status filters', async () => {
    const res = await app.http.get('/api/me/coupons?status=whatever').set(alice.auth).expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});
