import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, type OrderWorld, inDepartWindow } from '../../helpers/orders';
import { expectBooksMatchPayments } from '../../helpers/books';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  await app.strapi.db.query('api::settings.message-template').create({
    data: { code: 'order_paid', channel: 'in_app', name: '订单支付成功', content: '订单{orderNo}已支付{amount}元。', active: true },
  });
});
afterAll(async () => {
  await app?.close();
});

const ledger = () => app.strapi.plugin('settlement').service('ledger');

async function placeOrder(body: Record<string, unknown> = {}) {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(3, 9), paymentMode: 'full', ...body })
    .expect(201);
  return res.body.data;
}

function sandboxNotification(fields: Record<string, unknown>, tamper?: (h: Record<string, string>) => void) {
  const provider = app.strapi.plugin('payments').service('channels').provider('sandbox');
  const { body, headers } = provider.signedNotification({ kind: 'payment', status: 'paid', at: new Date().toISOString(), ...fields });
  tamper?.(headers);
  return app.http.post('/api/payments/notify/sandbox').set(headers).set('Content-Type', 'application/json').send(body);
}

describe('sandbox payment end to end', () => {
  it('pays an order through the notify pipeline and posts the ledger', async () => {
    const order = await placeOrder();
    const pay = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox' }).expect(201);
    const payment = pay.body.data.payment;
    expect(payment).toMatchObject({ channel: 'sandbox', stage: 'full', amount: 9000, status: 'created' });
    expect(pay.body.data.params).toMatchObject({ channel: 'sandbox', amount: 9000 });

    await app.http.post(`/api/payments/sandbox/${payment.documentId}/confirm`).set(w.other.auth).expect(404);
    const confirm = await app.http.post(`/api/payments/sandbox/${payment.documentId}/confirm`).set(w.member.auth).expect(200);
    expect(confirm.body.data).toMatchObject({ result: 'paid', status: 'paid' });

    const after = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(after.body.data).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
    expect(await ledger().balance('cash:sandbox')).toBe(9000);
    expect(await ledger().balance('customer-prepayments')).toBe(9000);
    await expectBooksMatchPayments(app.strapi);

    // A second confirm is a replay: nothing changes.
    const again = await app.http.post(`/api/payments/sandbox/${payment.documentId}/confirm`).set(w.member.auth).expect(200);
    expect(again.body.data.status).toBe('paid');
    expect(await ledger().balance('cash:sandbox')).toBe(9000);

    const notices = await app.http.get('/api/me/notifications').set(w.member.auth).expect(200);
    expect(notices.body.data[0]).toMatchObject({ code: 'order_paid' });
  });

  it('refuses paying an order that needs no payment, and someone else’s order', async () => {
    const order = await placeOrder();
    await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.other.auth).send({ channel: 'sandbox' }).expect(404);
    await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox', stage: 'final' }).expect(400);
    await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat' }).expect(400);
  });
});

describe('notification checks', () => {
  let order: any;
  let payment: any;

  beforeAll(async () => {
    order = await placeOrder({ scheduledAt: localAt(4, 9) });
    payment = (await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox' }).expect(201)).body.data.payment;
  });

  it('rejects a forged signature with 401 and changes nothing', async () => {
    const res = await sandboxNotification({ outTradeNo: payment.outTradeNo, transactionId: 'T-FORGED', amount: 9000 }, (h) => {
      h['x-sandbox-signature'] = 'f'.repeat(64);
    });
    expect(res.status).toBe(401);
    expect((await app.http.get(`/api/payments/${payment.documentId}`).set(w.member.auth)).body.data.status).toBe('created');
  });

  it('rejects a stale timestamp', async () => {
    const provider = app.strapi.plugin('payments').service('channels').provider('sandbox');
    const { clock, fixedClock } = require(`${app.strapi.dirs.dist.src}/runtime/clock`);
    clock.use(fixedClock(new Date(Date.now() - 3_600_000)));
    const stale = provider.signedNotification({ kind: 'payment', status: 'paid', at: new Date().toISOString(), outTradeNo: payment.outTradeNo, transactionId: 'T-OLD', amount: 9000 });
    clock.reset();
    const res = await app.http.post('/api/payments/notify/sandbox').set(stale.headers).set('Content-Type', 'application/json').send(stale.body);
    expect(res.status).toBe(401);
  });

  it('answers 404 for an unknown trade number and changes nothing', async () => {
    const res = await sandboxNotification({ outTradeNo: 'PY20990101000000012345678', transactionId: 'T-NONE', amount: 9000 });
    expect(res.status).toBe(404);
  });

  it('flags a wrong amount for review and parks the money in suspense', async () => {
    const other = await placeOrder({ scheduledAt: localAt(4, 14) });
    const p = (await app.http.post(`/api/orders/${other.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox' }).expect(201)).body.data.payment;
    const res = await sandboxNotification({ outTradeNo: p.outTradeNo, transactionId: 'T-SHORT', amount: 100 });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'FAIL', message: 'PAYMENT_AMOUNT_MISMATCH' });
    expect((await app.http.get(`/api/payments/${p.documentId}`).set(w.member.auth)).body.data.status).toBe('review');
    expect((await app.http.get(`/api/orders/${other.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_payment');
    expect(await ledger().balance('suspense:payments')).toBe(100);
  });

  it('applies 10 concurrent copies of one notification exactly once', async () => {
    const before = await ledger().balance('cash:sandbox');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sandboxNotification({ outTradeNo: payment.outTradeNo, transactionId: 'T-REPLAY', amount: 9000 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await ledger().balance('cash:sandbox')).toBe(before + 9000);
    const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: order.documentId } });
    expect(await app.strapi.db.query('plugin::orders.order-event').count({ where: { orderRef: row.id, event: 'pay' } })).toBe(1);
    expect(row).toMatchObject({ orderStatus: 'pending_acceptance', paid: 9000 });
  });
});

describe('refunds on cancellation reconcile with the ledger', () => {
  it('keeps the fee as income and refunds the rest to the channel', async () => {
    const order = await placeOrder({ scheduledAt: localAt(5, 9) });
    const payment = (await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox' }).expect(201)).body.data.payment;
    await app.http.post(`/api/payments/sandbox/${payment.documentId}/confirm`).set(w.member.auth).expect(200);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(w.workers[0].auth).expect(200);
    await inDepartWindow(app.strapi, order.documentId, () => app.http.post(`/api/orders/${order.documentId}/depart`).set(w.workers[0].auth).expect(200));
    const cashBefore = await ledger().balance('cash:sandbox');
    const feesBefore = await ledger().balance('income:cancellation-fees');

    const res = await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '临时出差' }).expect(200);
    // On the way: 30% of 9000 = 2700, at least ¥30 → 3000 kept, 6000 back.
    expect(res.body.data.cancellationFee).toBe(3000);
    const after = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(after.body.data.amounts).toMatchObject({ paid: 9000, cancellationFee: 3000, refunded: 6000, refundPending: 0 });
    expect((await app.http.get(`/api/payments/${payment.documentId}`).set(w.member.auth)).body.data).toMatchObject({ status: 'partially_refunded', refundedAmount: 6000 });
    expect(await ledger().balance('cash:sandbox')).toBe(cashBefore - 6000);
    expect(await ledger().balance('income:cancellation-fees')).toBe(feesBefore + 3000);
    await expectBooksMatchPayments(app.strapi);
  });
});

describe('balance (wallet)', () => {
  it('pays from the wallet in one step, and refuses when the balance is short', async () => {
    const order = await placeOrder({ scheduledAt: localAt(6, 9) });
    const short = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'balance' }).expect(409);
    expect(short.body.error.details.code).toBe('INSUFFICIENT_BALANCE');

    // Top up 100 yuan through the sandbox channel.
    await app.http.post('/api/me/wallet/topup').set(w.member.auth).send({ amount: 50, channel: 'sandbox' }).expect(400);
    await app.http.post('/api/me/wallet/topup').set(w.member.auth).send({ amount: 10000, channel: 'balance' }).expect(400);
    const topUp = await app.http.post('/api/me/wallet/topup').set(w.member.auth).send({ amount: 10000, channel: 'sandbox' }).expect(201);
    expect(topUp.body.data.payment).toMatchObject({ stage: 'topup', amount: 10000, status: 'created' });
    await app.http.post(`/api/payments/sandbox/${topUp.body.data.payment.documentId}/confirm`).set(w.member.auth).expect(200);
    const wallet = await app.http.get('/api/me/wallet').set(w.member.auth).expect(200);
    expect(wallet.body.data.balance).toBe(10000);
    expect(wallet.body.data.entries[0]).toMatchObject({ amount: 10000, kind: 'topup' });

    const paid = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'balance' }).expect(201);
    expect(paid.body.data.payment).toMatchObject({ channel: 'balance', status: 'paid', amount: 9000 });
    expect((await app.http.get('/api/me/wallet').set(w.member.auth)).body.data.balance).toBe(1000);
    expect((await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_acceptance');

    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '不需要了' }).expect(200);
    expect((await app.http.get('/api/me/wallet').set(w.member.auth)).body.data.balance).toBe(10000);
    await expectBooksMatchPayments(app.strapi);
  });
});
