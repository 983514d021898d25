import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { createAdminSession, createCity } from '../../helpers/fixtures';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { expectBooksMatchPayments } from '../../helpers/books';

let app: TestApp;
let w: OrderWorld;
let caiwu: { Authorization: string };
let kefu: { Authorization: string };
let opsHz: { Authorization: string };
let opsSh: { Authorization: string };

interface PaidOrder {
  documentId: string;
  orderNo: string;
  payment: { id: number; documentId: string; outTradeNo: string; transactionId: string };
}

let full: PaidOrder;
let deposit: PaidOrder;

const ledger = () => app.strapi.plugin('settlement').service('ledger');
const channels = () => app.strapi.plugin('payments').service('channels');

/**
 * The payments actions reach 财务 / 客服 / 城市运营 through src/bootstrap/admin-roles.ts; until a
 * role lists them, grant them here the way that file does (idempotent, keeps what the role has).
 */
async function grant(roleName: string, actions: string[]) {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { name: roleName } });
  const existing = await app.strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
  const have = new Set(existing.map((p: any) => p.action));
  const missing = actions.filter((action) => !have.has(action));
  if (!missing.length) return;
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    ...existing.map((p: any) => ({ action: p.action, subject: p.subject, properties: p.properties, conditions: p.conditions })),
    ...missing.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ]);
}

async function paidOrder(item: string, paymentMode: 'full' | 'deposit', stage: 'full' | 'deposit', amount: number, scheduledAt: string): Promise<PaidOrder> {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: item, quantity: paymentMode === 'full' ? 2 : 1, address: w.address, scheduledAt, paymentMode })
    .expect(201);
  const { documentId } = await pay(app.strapi, res.body.data.documentId, stage, amount);
  const payment = await app.strapi.db.query('plugin::payments.payment').findOne({ where: { documentId } });
  return { documentId: res.body.data.documentId, orderNo: res.body.data.orderNo, payment };
}

const memberOrder = async (documentId: string) => (await app.http.get(`/api/orders/${documentId}`).set(w.member.auth).expect(200)).body.data;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const hz = await createCity(app.strapi, '330100', '杭州', [30.2741, 120.1551]);
  const sh = await app.strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } });
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  await app.strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-sh@test.shangmen', cities: [sh.documentId] } } as any);
  await grant('财务', ['plugin::payments.read', 'plugin::payments.refund']);
  await grant('客服', ['plugin::payments.read']);
  await grant('城市运营', ['plugin::payments.read']);
  caiwu = (await createAdminSession(app.strapi, app.http, 'caiwu@test.shangmen', '财务')).auth;
  kefu = (await createAdminSession(app.strapi, app.http, 'kefu@test.shangmen', '客服')).auth;
  opsHz = (await createAdminSession(app.strapi, app.http, 'ops-hz@test.shangmen', '城市运营')).auth;
  opsSh = (await createAdminSession(app.strapi, app.http, 'ops-sh@test.shangmen', '城市运营')).auth;
  full = await paidOrder(w.hourly, 'full', 'full', 9000, localAt(3, 9));
  deposit = await paidOrder(w.deposit, 'deposit', 'deposit', 9000, localAt(4, 9));
});
afterAll(async () => {
  await app?.close();
});

describe('支付流水 list and search', () => {
  it('lists paid payments with their order numbers, newest first', async () => {
    const res = await app.http.get('/payments/payments').set(kefu).expect(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 2 });
    expect(res.body.data.map((p: any) => p.outTradeNo)).toEqual([deposit.payment.outTradeNo, full.payment.outTradeNo]);
    expect(res.body.data[1]).toMatchObject({
      documentId: full.payment.documentId,
      channel: 'sandbox',
      stage: 'full',
      amount: 9000,
      status: 'paid',
      refundedAmount: 0,
      city: '310100',
      order: { documentId: full.documentId, orderNo: full.orderNo, status: 'pending_acceptance', statusLabel: '待接单' },
    });
    expect(res.body.data[0]).toMatchObject({ stage: 'deposit', order: { orderNo: deposit.orderNo } });
    expect(res.body.data[1].paidAt).toEqual(expect.any(String));
  });

  it('finds a payment by order number, merchant trade number or channel transaction id', async () => {
    const search = async (q: string) =>
      (await app.http.get('/payments/payments').query({ q }).set(kefu).expect(200)).body.data.map((p: any) => p.documentId);
    expect(await search(full.orderNo)).toEqual([full.payment.documentId]);
    expect(await search(full.payment.outTradeNo)).toEqual([full.payment.documentId]);
    expect(full.payment.transactionId).toMatch(/^SB/);
    expect(await search(full.payment.transactionId)).toEqual([full.payment.documentId]);
    expect(await search(deposit.orderNo.toLowerCase())).toEqual([deposit.payment.documentId]);
    expect(await search('SM1999')).toEqual([]);
  });

  it('filters by channel, status and payment day', async () => {
    const ids = async (query: Record<string, string>) =>
      (await app.http.get('/payments/payments').query(query).set(kefu).expect(200)).body.data.map((p: any) => p.documentId);
    expect(await ids({ channel: 'sandbox', status: 'paid' })).toHaveLength(2);
    expect(await ids({ channel: 'wechat' })).toEqual([]);
    expect(await ids({ status: 'refunded' })).toEqual([]);
    const now = Date.now();
    expect(await ids({ from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() })).toHaveLength(2);
    expect(await ids({ to: new Date(now - 3_600_000).toISOString() })).toEqual([]);
    await app.http.get('/payments/payments?status=nope').set(kefu).expect(400);
    await app.http.get('/payments/payments?channel=paypal').set(kefu).expect(400);
  });

  it('shows the detail with the order, the member and the channel notification', async () => {
    const res = await app.http.get(`/payments/payments/${full.payment.documentId}`).set(kefu).expect(200);
    expect(res.body.data).toMatchObject({
      outTradeNo: full.payment.outTradeNo,
      transactionId: full.payment.transactionId,
      order: { orderNo: full.orderNo, statusLabel: '待接单' },
      member: { id: w.member.id, phone: '13811110000' },
      refunds: [],
      refundable: 9000,
      rawNotification: expect.objectContaining({ outTradeNo: full.payment.outTradeNo, amount: 9000 }),
    });
    await app.http.get('/payments/payments/nope').set(kefu).expect(404);
  });
});

describe('支付流水 refunds', () => {
  it('lets finance refund part of a payment with a reason; payment, order and ledger agree', async () => {
    const res = await app.http
      .post(`/payments/payments/${full.payment.documentId}/refunds`)
      .set(caiwu)
      .send({ amount: 1000, reason: '服务时长缩短，退差价' })
      .expect(201);
    expect(res.body.data.refund).toMatchObject({ amount: 1000, reason: '服务时长缩短，退差价', status: 'success', requestedBy: 'operator' });
    expect(res.body.data.refund.operator).toMatchObject({ id: expect.any(Number) });
    expect(res.body.data.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 1000, refundable: 8000 });

    const order = await memberOrder(full.documentId);
    expect(order.amounts).toMatchObject({ paid: 9000, refunded: 1000 });
    await expectBooksMatchPayments(app.strapi);
    expect(await ledger().balance('cash:sandbox')).toBe(17000);

    const list = await app.http.get('/payments/payments?status=partially_refunded').set(kefu).expect(200);
    expect(list.body.data.map((p: any) => p.documentId)).toEqual([full.payment.documentId]);
  });

  it('refuses to refund more than is left, and refunds without a reason or in yuan', async () => {
    const url = `/payments/payments/${full.payment.documentId}/refunds`;
    const over = await app.http.post(url).set(caiwu).send({ amount: 8001, reason: '多退' }).expect(400);
    expect(over.body.error.message).toContain('80.00');
    await app.http.post(url).set(caiwu).send({ amount: 100 }).expect(400);
    await app.http.post(url).set(caiwu).send({ amount: 100, reason: '   ' }).expect(400);
    await app.http.post(url).set(caiwu).send({ amount: '1.00', reason: '按元填写' }).expect(400);
    await app.http.post(url).set(caiwu).send({ amount: 10.5, reason: '带小数' }).expect(400);
    const after = await app.http.get(`/payments/payments/${full.payment.documentId}`).set(caiwu).expect(200);
    expect(after.body.data).toMatchObject({ refundedAmount: 1000, refundable: 8000 });
    expect(after.body.data.refunds).toHaveLength(1);
  });

  it('does not let customer service refund', async () => {
    await app.http.post(`/payments/payments/${full.payment.documentId}/refunds`).set(kefu).send({ amount: 100, reason: '客服越权' }).expect(403);
    const after = await app.http.get(`/payments/payments/${full.payment.documentId}`).set(kefu).expect(200);
    expect(after.body.data.refundedAmount).toBe(1000);
  });

  it('keeps a refund the channel could not take as pending, and sends it again on retry', async () => {
    const sandbox = channels().provider('sandbox');
    channels().use({
      ...sandbox,
      refund: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.1:443');
      },
    });
    let pending: any;
    try {
      const res = await app.http
        .post(`/payments/payments/${deposit.payment.documentId}/refunds`)
        .set(caiwu)
        .send({ amount: 2000, reason: '定金部分退还' })
        .expect(201);
      pending = res.body.data.refund;
      expect(pending).toMatchObject({ status: 'pending', lastError: expect.stringContaining('ECONNREFUSED') });
      expect(res.body.data.payment).toMatchObject({ status: 'paid', refundedAmount: 0, refundable: 7000 });
      expect((await memberOrder(deposit.documentId)).amounts.refunded).toBe(0);
    } finally {
      channels().use(sandbox);
    }
    await app.http.post(`/payments/refunds/${pending.documentId}/retry`).set(kefu).expect(403);
    const retried = await app.http.post(`/payments/refunds/${pending.documentId}/retry`).set(caiwu).expect(200);
    expect(retried.body.data.refund).toMatchObject({ outRefundNo: pending.outRefundNo, status: 'success', lastError: null });
    expect(retried.body.data.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 2000, refundable: 7000 });
    expect((await memberOrder(deposit.documentId)).amounts.refunded).toBe(2000);
    await expectBooksMatchPayments(app.strapi);

    const again = await app.http.post(`/payments/refunds/${pending.documentId}/retry`).set(caiwu).expect(409);
    expect(again.body.error.message).toContain('已退款');
  });

  it('reopens a refund the channel turned down under a new refund number', async () => {
    const sandbox = channels().provider('sandbox');
    channels().use({ ...sandbox, refund: async () => ({ status: 'failed', raw: { message: '原支付卡已注销' } }) });
    let failed: any;
    try {
      const res = await app.http
        .post(`/payments/payments/${deposit.payment.documentId}/refunds`)
        .set(caiwu)
        .send({ amount: 500, reason: '补偿' })
        .expect(201);
      failed = res.body.data.refund;
      expect(failed).toMatchObject({ status: 'failed', lastError: '原支付卡已注销' });
      expect(res.body.data.payment).toMatchObject({ refundedAmount: 2000, refundable: 7000 });
    } finally {
      channels().use(sandbox);
    }
    const retried = await app.http.post(`/payments/refunds/${failed.documentId}/retry`).set(caiwu).expect(200);
    expect(retried.body.data.refund).toMatchObject({ documentId: failed.documentId, status: 'success' });
    expect(retried.body.data.refund.outRefundNo).not.toBe(failed.outRefundNo);
    expect(retried.body.data.payment).toMatchObject({ refundedAmount: 2500, refundable: 6500 });
    await expectBooksMatchPayments(app.strapi);
  });

  it('refunds the rest, then refuses any further refund', async () => {
    const url = `/payments/payments/${full.payment.documentId}/refunds`;
    const res = await app.http.post(url).set(caiwu).send({ amount: 8000, reason: '客户投诉，全额退款' }).expect(201);
    expect(res.body.data.payment).toMatchObject({ status: 'refunded', refundedAmount: 9000, refundable: 0 });
    expect(res.body.data.payment.refunds.map((r: any) => r.amount)).toEqual([1000, 8000]);
    const more = await app.http.post(url).set(caiwu).send({ amount: 1, reason: '再退' }).expect(409);
    expect(more.body.error.message).toContain('已退款');
    expect((await memberOrder(full.documentId)).amounts.refunded).toBe(9000);
    await expectBooksMatchPayments(app.strapi);
  });
});

describe('支付流水 access', () => {
  it('shows a 城市运营 only the payments of their cities', async () => {
    const mine = await app.http.get('/payments/payments').set(opsSh).expect(200);
    expect(mine.body.data).toHaveLength(2);

    const other = await app.http.get('/payments/payments').set(opsHz).expect(200);
    expect(other.body.data).toEqual([]);
    expect(other.body.meta.pagination.total).toBe(0);
    await app.http.get(`/payments/payments/${deposit.payment.documentId}`).set(opsHz).expect(404);
  });

  it('gives a 城市运营 of another city 404 on refunds too, even with the refund permission', async () => {
    await grant('城市运营', ['plugin::payments.refund']);
    await app.http.post(`/payments/payments/${deposit.payment.documentId}/refunds`).set(opsHz).send({ amount: 100, reason: '越权' }).expect(404);
    const refund = await app.strapi.db.query('plugin::payments.refund').findOne({ where: { paymentRef: deposit.payment.id } });
    await app.http.post(`/payments/refunds/${refund.documentId}/retry`).set(opsHz).expect(404);
    const after = await app.http.get(`/payments/payments/${deposit.payment.documentId}`).set(caiwu).expect(200);
    expect(after.body.data.refundedAmount).toBe(2500);
  });

  it('refuses members and anonymous callers', async () => {
    await app.http.get('/payments/payments').expect(401);
    await app.http.get('/payments/payments').set(w.member.auth).expect(401);
    await app.http.post(`/payments/payments/${deposit.payment.documentId}/refunds`).set(w.member.auth).send({ amount: 100, reason: '自己退' }).expect(401);
  });
});

describe('refunds completing together', () => {
  it('adds up every refund of one payment when their notifications land at the same moment', async () => {
    const order = await paidOrder(w.hourly, 'full', 'full', 9000, localAt(12, 15));
    const sandbox = channels().provider('sandbox');
    // The channel accepts each refund and reports the outcome later, as WeChat Pay and Alipay do.
    channels().use({ ...sandbox, refund: async () => ({ status: 'processing', raw: { accepted: true } }) });
    const refunds: any[] = [];
    try {
      for (const amount of [1000, 2000, 3000]) {
        const res = await app.http
          .post(`/payments/payments/${order.payment.documentId}/refunds`)
          .set(caiwu)
          .send({ amount, reason: `分批退款 ${amount}` })
          .expect(201);
        expect(res.body.data.refund.status).toBe('processing');
        refunds.push(await app.strapi.db.query('plugin::payments.refund').findOne({ where: { documentId: res.body.data.refund.documentId } }));
      }
    } finally {
      channels().use(sandbox);
    }

    const service = app.strapi.plugin('payments').service('refunds');
    await Promise.all(refunds.map((refund, i) => service.complete(refund.id, `SANDBOX-RF-${i}`, { at: 'same time' })));

    const after = await app.http.get(`/payments/payments/${order.payment.documentId}`).set(caiwu).expect(200);
    expect(after.body.data).toMatchObject({ status: 'partially_refunded', refundedAmount: 6000, refundable: 3000 });
    expect((await memberOrder(order.documentId)).amounts.refunded).toBe(6000);
    await expectBooksMatchPayments(app.strapi);
  });
});
