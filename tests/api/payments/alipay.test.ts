import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, placeOrder, type OrderWorld } from '../../helpers/orders';
import {
  alipayNotification,
  APP_ID,
  makeAlipayKeys,
  paidFields,
  pem,
  SELLER_ID,
  signedByApp,
  startAlipayGateway,
  type AlipayKeys,
  type NotificationOptions,
} from '../../unit/payments/alipay-fixtures';
import { expectBooksMatchPayments } from '../../helpers/books';

// Alipay end to end through the real HTTP API: keys made here, a local stand-in for
// openapi.alipay.com/gateway.do, notifications form-encoded and signed as Alipay does.
let app: TestApp;
let w: OrderWorld;
let keys: AlipayKeys;
let gateway: Awaited<ReturnType<typeof startAlipayGateway>>;

beforeAll(async () => {
  keys = makeAlipayKeys();
  gateway = await startAlipayGateway(keys);
  gateway.answer((method, { biz }) => {
    if (method === 'alipay.trade.refund') {
      return {
        node: {
          code: '10000',
          msg: 'Success',
          trade_no: `2026${biz.out_trade_no.slice(2)}`,
          out_trade_no: biz.out_trade_no,
          buyer_logon_id: '159****5620',
          fund_change: 'Y',
          refund_fee: biz.refund_amount,
          gmt_refund_pay: '2026-03-02 09:00:00',
        },
      };
    }
    // Page / wap trades exist at Alipay only once the member opens the cashier.
    return { node: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } };
  });
  app = await bootStrapi({
    env: {
      ALIPAY_APPID: APP_ID,
      ALIPAY_PRIVATE_KEY: pem(keys.app.privateKey, 'pkcs1'),
      ALIPAY_PUBLIC_KEY: pem(keys.alipay.publicKey, 'spki'),
      ALIPAY_SELLER_ID: SELLER_ID,
      ALIPAY_GATEWAY: gateway.gateway,
    },
  });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
  await gateway?.close();
});

const ledger = () => app.strapi.plugin('settlement').service('ledger');

const notify = (body: string) => app.http.post('/api/payments/notify/alipay').set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8').send(body);

/** Signed by Alipay for `payment`, 90.00 yuan unless told otherwise; values hold Chinese and '%'. */
function paidNotification(payment: { outTradeNo: string }, tradeNo: string, extra: Record<string, string> = {}, opts: NotificationOptions = {}) {
  return alipayNotification(
    keys,
    paidFields({
      out_trade_no: payment.outTradeNo,
      trade_no: tradeNo,
      total_amount: '90.00',
      receipt_amount: '90.00',
      invoice_amount: '90.00',
      buyer_pay_amount: '90.00',
      fund_bill_list: '[{"amount":"90.00","fundChannel":"ALIPAYACCOUNT"}]',
      subject: '日常保洁 100%满意',
      body: '%E4 不是编码 a+b=c&d',
      ...extra,
    }),
    opts,
  );
}

async function payWithAlipay(orderDocumentId: string, clientType?: 'page' | 'wap' | 'app') {
  const res = await app.http
    .post(`/api/orders/${orderDocumentId}/pay`)
    .set(w.member.auth)
    .send({ channel: 'alipay', ...(clientType ? { clientType } : {}) })
    .expect(201);
  return res.body.data as { payment: { documentId: string; outTradeNo: string; amount: number; status: string }; params: Record<string, string> };
}

const orderDetail = async (documentId: string) => (await app.http.get(`/api/orders/${documentId}`).set(w.member.auth).expect(200)).body.data;
const paymentStatus = async (documentId: string) => (await app.http.get(`/api/payments/${documentId}`).set(w.member.auth).expect(200)).body.data.status;
const payEvents = (detail: { events: Array<{ event: string }> }) => detail.events.filter((e) => e.event === 'pay');

it('creates page, wap and app payments signed with the application key', async () => {
  const order = await placeOrder(app.http, w, 2);

  const page = await payWithAlipay(order.documentId, 'page');
  expect(page.payment).toMatchObject({ channel: 'alipay', stage: 'full', amount: 9000, status: 'created' });
  const url = new URL(page.params.url);
  expect(`${url.origin}${url.pathname}`).toBe(gateway.gateway);
  const query = Object.fromEntries(url.searchParams);
  expect(signedByApp(keys, query)).toBe(true);
  expect(query).toMatchObject({ app_id: APP_ID, method: 'alipay.trade.page.pay', sign_type: 'RSA2', charset: 'utf-8' });
  expect(query.notify_url).toMatch(/\/api\/payments\/notify\/alipay$/);
  expect(query.return_url).toContain(order.documentId);
  expect(JSON.parse(query.biz_content)).toMatchObject({ out_trade_no: page.payment.outTradeNo, total_amount: '90.00', product_code: 'FAST_INSTANT_TRADE_PAY' });
  // A signature over the page URL is worthless once anything in it changes.
  expect(signedByApp(keys, { ...query, biz_content: query.biz_content.replace('90.00', '0.01') })).toBe(false);

  const wap = await payWithAlipay(order.documentId);
  const wapQuery = Object.fromEntries(new URL(wap.params.url).searchParams);
  expect(signedByApp(keys, wapQuery)).toBe(true);
  expect(wapQuery.method).toBe('alipay.trade.wap.pay');
  expect(JSON.parse(wapQuery.biz_content)).toMatchObject({ out_trade_no: wap.payment.outTradeNo, total_amount: '90.00', product_code: 'QUICK_WAP_WAY' });

  const appPay = await payWithAlipay(order.documentId, 'app');
  const fields = Object.fromEntries(new URLSearchParams(appPay.params.orderString));
  expect(signedByApp(keys, fields)).toBe(true);
  expect(fields).toMatchObject({ app_id: APP_ID, method: 'alipay.trade.app.pay' });
  expect(JSON.parse(fields.biz_content)).toMatchObject({ out_trade_no: appPay.payment.outTradeNo, total_amount: '90.00', product_code: 'QUICK_MSECURITY_PAY' });

  expect(new Set([page, wap, appPay].map((p) => p.payment.outTradeNo)).size).toBe(3);
});

it('rejects forged and misaddressed notifications without changing anything, then takes the genuine one once', async () => {
  const order = await placeOrder(app.http, w, 3);
  const { payment } = await payWithAlipay(order.documentId, 'page');
  const cashBefore = await ledger().balance('cash:alipay');

  const forged = await notify(paidNotification(payment, '2026030122001400000000000101', {}, { key: keys.stranger.privateKey }));
  expect(forged.status).toBe(401);
  expect(forged.text).toBe('fail');
  const tampered = await notify(paidNotification(payment, '2026030122001400000000000101', {}, { after: (f) => (f.total_amount = '0.01') }));
  expect(tampered.status).toBe(401);
  const otherApp = await notify(paidNotification(payment, '2026030122001400000000000101', { app_id: '2021000000000999', auth_app_id: '2021000000000999' }));
  expect(otherApp.status).toBe(401);
  const otherSeller = await notify(paidNotification(payment, '2026030122001400000000000101', { seller_id: '2088000000000999' }));
  expect(otherSeller.status).toBe(401);

  let detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_payment', amounts: { paid: 0 } });
  expect(payEvents(detail)).toHaveLength(0);
  expect(await paymentStatus(payment.documentId)).toBe('created');
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore);

  const genuine = paidNotification(payment, '2026030122001400000000000101');
  expect(genuine).toContain('100%25');
  const res = await notify(genuine);
  expect(res.status).toBe(200);
  expect(res.text).toBe('success');
  detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
  expect(await paymentStatus(payment.documentId)).toBe('paid');
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore + 9000);

  // Alipay retries until it reads "success": ten copies at once change nothing and each gets it.
  const replays = await Promise.all(Array.from({ length: 10 }, () => notify(genuine)));
  expect(replays.map((r) => [r.status, r.text])).toEqual(Array.from({ length: 10 }, () => [200, 'success']));
  detail = await orderDetail(order.documentId);
  expect(payEvents(detail)).toHaveLength(1);
  expect(detail.amounts.paid).toBe(9000);
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore + 9000);
  await expectBooksMatchPayments(app.strapi);
});

it('records a first notification delivered ten times at once exactly once', async () => {
  const order = await placeOrder(app.http, w, 4);
  const { payment } = await payWithAlipay(order.documentId);
  const cashBefore = await ledger().balance('cash:alipay');
  const genuine = paidNotification(payment, '2026030122001400000000000102');

  const results = await Promise.all(Array.from({ length: 10 }, () => notify(genuine)));
  expect(results.map((r) => [r.status, r.text])).toEqual(Array.from({ length: 10 }, () => [200, 'success']));
  const detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
  expect(payEvents(detail)).toHaveLength(1);
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore + 9000);
});

it('flags a payment whose notified amount differs for review and leaves the order unpaid', async () => {
  const order = await placeOrder(app.http, w, 5);
  const { payment } = await payWithAlipay(order.documentId);
  const suspenseBefore = await ledger().balance('suspense:payments');

  const res = await notify(paidNotification(payment, '2026030122001400000000000103', { total_amount: '0.01', receipt_amount: '0.01', buyer_pay_amount: '0.01', invoice_amount: '0.01' }));
  expect(res.status).toBe(400);
  expect(res.text).toBe('fail');
  expect(await paymentStatus(payment.documentId)).toBe('review');
  const detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_payment', amounts: { paid: 0 } });
  expect(payEvents(detail)).toHaveLength(0);
  // The fen that did arrive is held, not lost and not counted as the order's payment.
  expect(await ledger().balance('suspense:payments')).toBe(suspenseBefore + 1);
  await expectBooksMatchPayments(app.strapi);
});

it('answers 404 to a notification for a trade it never created, changing nothing', async () => {
  const cashBefore = await ledger().balance('cash:alipay');
  const paymentsBefore = await app.strapi.db.query('plugin::payments.payment').count();
  const res = await notify(paidNotification({ outTradeNo: 'PY2026030110000099999999' }, '2026030122001400000000000104'));
  expect(res.status).toBe(404);
  expect(res.text).toBe('fail');
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore);
  expect(await app.strapi.db.query('plugin::payments.payment').count()).toBe(paymentsBefore);
});

it('refunds a cancellation through Alipay at once and reconciles the ledger to the fen', async () => {
  const order = await placeOrder(app.http, w, 6);
  const { payment } = await payWithAlipay(order.documentId, 'app');
  const cashBefore = await ledger().balance('cash:alipay');
  expect((await notify(paidNotification(payment, '2026030122001400000000000105'))).text).toBe('success');
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore + 9000);

  await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  const refundRequests = gateway.requests.filter((r) => r.params.method === 'alipay.trade.refund' && r.biz.out_trade_no === payment.outTradeNo);
  expect(refundRequests).toHaveLength(1);
  const [request] = refundRequests;
  expect(request.signedByApp).toBe(true);
  expect(request.params).toMatchObject({ app_id: APP_ID, sign_type: 'RSA2', charset: 'utf-8' });
  expect(request.biz).toEqual({ out_trade_no: payment.outTradeNo, refund_amount: '90.00', out_request_no: expect.stringMatching(/^RF\d{22}$/), refund_reason: '订单取消：改期' });

  let detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'cancelled', amounts: { paid: 9000, refunded: 9000, refundPending: 0, cancellationFee: 0 } });
  expect(await paymentStatus(payment.documentId)).toBe('refunded');
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);

  // Alipay then notifies the refund (a full refund closes the trade): acknowledged, counted once.
  const refundNote = paidNotification(payment, '2026030122001400000000000105', {
    trade_status: 'TRADE_CLOSED',
    gmt_close: '2026-03-02 09:00:00',
    out_biz_no: request.biz.out_request_no,
    refund_fee: '90.00',
    gmt_refund: '2026-03-02 09:00:00.320',
  });
  const res = await notify(refundNote);
  expect([res.status, res.text]).toEqual([200, 'success']);
  detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ refunded: 9000, refundPending: 0 });
  expect(detail.events.filter((e: { event: string }) => e.event === 'refund')).toHaveLength(1);
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);
});

it('sends back a second payment of an order already paid, leaving the order paid', async () => {
  const order = await placeOrder(app.http, w, 7);
  // The member opened the cashier on the computer, then paid on the phone as well.
  const first = await payWithAlipay(order.documentId, 'page');
  const second = await payWithAlipay(order.documentId, 'wap');
  const cashBefore = await ledger().balance('cash:alipay');
  expect((await notify(paidNotification(first.payment, '2026030122001400000000000106'))).text).toBe('success');
  expect((await notify(paidNotification(second.payment, '2026030122001400000000000107'))).text).toBe('success');

  const refundRequests = gateway.requests.filter((r) => r.params.method === 'alipay.trade.refund' && r.biz.out_trade_no === second.payment.outTradeNo);
  expect(refundRequests).toHaveLength(1);
  expect(refundRequests[0].biz).toMatchObject({ refund_amount: '90.00', refund_reason: '重复支付，自动退款' });
  expect(await paymentStatus(second.payment.documentId)).toBe('refunded');
  expect(await paymentStatus(first.payment.documentId)).toBe('paid');
  const detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000, refunded: 0, refundPending: 0 } });
  expect(payEvents(detail)).toHaveLength(1);
  expect(await ledger().balance('cash:alipay')).toBe(cashBefore + 9000);
  await expectBooksMatchPayments(app.strapi);
});
