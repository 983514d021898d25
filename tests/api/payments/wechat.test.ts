import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, placeOrder, type OrderWorld } from '../../helpers/orders';
import { createAdminSession } from '../../helpers/fixtures';
import {
  API_V3_KEY,
  APPID,
  buildNotification,
  makeWechatKeys,
  MCHID,
  MERCHANT_SERIAL,
  paidTransaction,
  PLATFORM_SERIAL,
  refundResult,
  startWechatPayServer,
  type WechatKeys,
} from '../../unit/payments/wechat-fixtures';
import { expectBooksMatchPayments } from '../../helpers/books';

// WeChat Pay end to end through the real HTTP API: keys and a platform certificate made here,
// a local stand-in for api.mch.weixin.qq.com, notifications built and signed as WeChat does.
let app: TestApp;
let w: OrderWorld;
let keys: WechatKeys;
let wechat: Awaited<ReturnType<typeof startWechatPayServer>>;
const nowSeconds = () => Math.floor(Date.now() / 1000);
// One merchant, three front ends: the mini-program (default), the 开放平台 app and a 公众号.
const APP_APPID = 'wx8888888888888888';
// How many close calls the stand-in fails before it succeeds (the close job must retry).
let failingCloses = 0;
const closedAtWechat = new Set<string>();
const OFFICIAL_ACCOUNT_APPID = 'wx7777777777777777';
// Refunds the stand-in took, by out_refund_no: what its refund query answers (a test moves them on).
const wechatRefunds = new Map<string, { state: string; refund: Record<string, unknown> }>();

beforeAll(async () => {
  keys = makeWechatKeys();
  wechat = await startWechatPayServer(keys, (req) => {
    const sign = { privateKeyPem: keys.platform.privateKeyPem, serial: PLATFORM_SERIAL, timestamp: nowSeconds() };
    if (req.url.startsWith('/v3/pay/transactions/jsapi')) return { status: 200, body: { prepay_id: 'wx201410272009395522657a690389285100' }, sign };
    if (req.url.startsWith('/v3/pay/transactions/app')) return { status: 200, body: { prepay_id: 'wx26112610000012345678901234567890' }, sign };
    // Native (QR) orders fail upstream with WeChat's own text, which must not reach the member.
    if (req.url.startsWith('/v3/pay/transactions/native')) return { status: 500, body: { code: 'SYSTEM_ERROR', message: 'MCH_INTERNAL_7788 merchant risk control' }, sign };
    const abnormalMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)\/apply-abnormal-refund$/.exec(req.url);
    if (abnormalMatch && req.method === 'POST') {
      const taken = wechatRefunds.get(JSON.parse(req.body).out_refund_no);
      if (!taken || taken.state !== 'ABNORMAL' || taken.refund.refund_id !== abnormalMatch[1]) return { status: 400, body: { code: 'INVALID_REQUEST', message: '退款单状态不正确' }, sign };
      taken.state = 'PROCESSING';
      return { status: 200, body: { ...taken.refund, status: taken.state }, sign };
    }
    const refundQuery = /^\/v3\/refund\/domestic\/refunds\/([^/?]+)$/.exec(req.url);
    if (refundQuery && req.method === 'GET') {
      const taken = wechatRefunds.get(decodeURIComponent(refundQuery[1]));
      if (!taken) return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' }, sign };
      return { status: 200, body: { ...taken.refund, status: taken.state, ...(taken.state === 'SUCCESS' ? { success_time: '2026-03-01T17:00:00+08:00' } : {}) }, sign };
    }
    if (req.url.startsWith('/v3/refund/domestic/refunds')) {
      const body = JSON.parse(req.body);
      // The refund API answers `status`; `refund_status` is the notification's name for it.
      const { refund_status: state, ...refund } = refundResult('PROCESSING', {
        out_trade_no: body.out_trade_no,
        out_refund_no: body.out_refund_no,
        amount: { total: body.amount.total, refund: body.amount.refund, payer_total: body.amount.total, payer_refund: body.amount.refund },
      });
      if (!wechatRefunds.has(body.out_refund_no)) wechatRefunds.set(body.out_refund_no, { state, refund: { ...refund, channel: 'ORIGINAL', create_time: '2026-03-01T16:40:00+08:00' } });
      return { status: 200, body: { ...refund, status: state, channel: 'ORIGINAL', create_time: '2026-03-01T16:40:00+08:00' }, sign };
    }
    // Open orders answer NOTPAY until closed; close answers the signed 204.
    const closeMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/?]+)\/close$/.exec(req.url);
    if (closeMatch && failingCloses > 0) {
      failingCloses--;
      return { status: 500, body: { code: 'SYSTEM_ERROR', message: '系统繁忙' }, sign };
    }
    if (closeMatch) {
      closedAtWechat.add(closeMatch[1]);
      return { status: 204, sign };
    }
    const queryMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/?]+)\?mchid=/.exec(req.url);
    if (queryMatch && req.method === 'GET') {
      return { status: 200, body: { out_trade_no: queryMatch[1], trade_state: closedAtWechat.has(queryMatch[1]) ? 'CLOSED' : 'NOTPAY', amount: { total: 9000 } }, sign };
    }
    return { status: 404, body: { code: 'NOT_FOUND', message: 'no' }, sign };
  });
  app = await bootStrapi({
    env: {
      WECHATPAY_MCHID: MCHID,
      WECHATPAY_APPID: APPID,
      WECHATPAY_APP_APPID: APP_APPID,
      WECHATPAY_EXTRA_APPIDS: ` ${OFFICIAL_ACCOUNT_APPID} `,
      WECHATPAY_SERIAL: MERCHANT_SERIAL,
      WECHATPAY_PRIVATE_KEY: keys.files.merchantKey,
      WECHATPAY_APIV3_KEY: API_V3_KEY,
      WECHATPAY_PLATFORM_CERT: keys.files.platformCert,
      WECHATPAY_API_BASE: wechat.url,
    },
  });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
  await wechat?.close();
  keys?.cleanup();
});

const notify = (n: { body: string; headers: Record<string, string> }) =>
  app.http.post('/api/payments/notify/wechat').set(n.headers).set('Content-Type', 'application/json').send(n.body);

async function orderWithWechatPayment(day: number) {
  const order = await placeOrder(app.http, w, day);
  const pay = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }).expect(201);
  return { order, payment: pay.body.data.payment, params: pay.body.data.params };
}

it('creates a JSAPI payment with the params wx.requestPayment needs', async () => {
  const { params } = await orderWithWechatPayment(2);
  expect(params).toMatchObject({ appId: APPID, package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
  expect(params.paySign).toEqual(expect.any(String));
});

it('accepts a genuine notification, once, and rejects forgeries without changing anything', async () => {
  const { order, payment } = await orderWithWechatPayment(3);
  const genuine = buildNotification(keys, {
    payload: paidTransaction({ out_trade_no: payment.outTradeNo, transaction_id: '4200000001202611260000000001', amount: { total: 9000, payer_total: 9000, currency: 'CNY', payer_currency: 'CNY' } }),
    timestamp: nowSeconds(),
  });

  const forged = buildNotification(keys, { payload: paidTransaction({ out_trade_no: payment.outTradeNo, amount: { total: 9000 } }), signingKeyPem: keys.attacker.privateKeyPem, timestamp: nowSeconds() });
  const res = await notify(forged);
  expect(res.status).toBe(401);
  expect(JSON.parse(res.text)).toMatchObject({ code: 'FAIL' });
  const wrongSerial = buildNotification(keys, { payload: paidTransaction({ out_trade_no: payment.outTradeNo }), serial: 'ABCDEF', timestamp: nowSeconds() });
  expect((await notify(wrongSerial)).status).toBe(401);
  const stale = buildNotification(keys, { payload: paidTransaction({ out_trade_no: payment.outTradeNo }), timestamp: nowSeconds() - 3600 });
  expect((await notify(stale)).status).toBe(401);
  expect((await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_payment');

  const results = await Promise.all(Array.from({ length: 10 }, () => notify(genuine)));
  expect(results.map((r) => r.status).every((s) => s === 204 || s === 200)).toBe(true);
  const after = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth);
  expect(after.body.data).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
  expect(await app.strapi.plugin('settlement').service('ledger').balance('cash:wechat')).toBe(9000);
});

it('refunds a cancellation through WeChat and completes it on the refund notification', async () => {
  const { order, payment } = await orderWithWechatPayment(4);
  await notify(
    buildNotification(keys, {
      payload: paidTransaction({ out_trade_no: payment.outTradeNo, transaction_id: '4200000001202611260000000002', amount: { total: 9000, payer_total: 9000, currency: 'CNY', payer_currency: 'CNY' } }),
      timestamp: nowSeconds(),
    }),
  ).expect((r) => expect([200, 204]).toContain(r.status));

  await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  const refundRequest = wechat.received.find((r) => r.url.startsWith('/v3/refund/domestic/refunds') && JSON.parse(r.body).out_trade_no === payment.outTradeNo);
  expect(refundRequest).toBeDefined();
  const { out_refund_no } = JSON.parse(refundRequest!.body);
  let detail = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data;
  expect(detail.amounts).toMatchObject({ refunded: 0, refundPending: 9000 });

  const refundNote = buildNotification(keys, {
    eventType: 'REFUND.SUCCESS',
    // The refund names the payment's own WeChat transaction: refund notifications are checked against it.
    payload: refundResult('SUCCESS', {
      out_trade_no: payment.outTradeNo,
      transaction_id: '4200000001202611260000000002',
      out_refund_no,
      amount: { total: 9000, refund: 9000, payer_total: 9000, payer_refund: 9000 },
    }),
    timestamp: nowSeconds(),
  });
  await notify(refundNote).expect((r) => expect([200, 204]).toContain(r.status));
  await notify(refundNote); // a replayed refund notification changes nothing
  detail = (await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data;
  expect(detail.amounts).toMatchObject({ refunded: 9000, refundPending: 0 });
  const ledger = app.strapi.plugin('settlement').service('ledger');
  expect(await ledger.balance('cash:wechat')).toBe(9000);
  await expectBooksMatchPayments(app.strapi);
});

describe('one merchant behind the mini-program, the app and the 公众号', () => {
  const lastRequestBody = () => JSON.parse(wechat.received.at(-1)!.body);

  it('pays in the app under the app’s own appid, signed for it', async () => {
    const order = await placeOrder(app.http, w, 5, 14);
    const res = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', clientType: 'app' }).expect(201);
    expect(lastRequestBody()).toMatchObject({ appid: APP_APPID, mchid: MCHID });
    expect(res.body.data.params).toMatchObject({ appid: APP_APPID, partnerid: MCHID, prepayid: 'wx26112610000012345678901234567890', package: 'Sign=WXPay' });
  });

  it('pays inside the 公众号 under its appid when the page names it, and takes its notification', async () => {
    const order = await placeOrder(app.http, w, 6, 14);
    const res = await app.http
      .post(`/api/orders/${order.documentId}/pay`)
      .set(w.member.auth)
      .send({ channel: 'wechat', openid: 'o-official-account-openid', appid: OFFICIAL_ACCOUNT_APPID })
      .expect(201);
    expect(lastRequestBody()).toMatchObject({ appid: OFFICIAL_ACCOUNT_APPID, payer: { openid: 'o-official-account-openid' } });
    expect(res.body.data.params).toMatchObject({ appId: OFFICIAL_ACCOUNT_APPID });

    const paid = paidTransaction({
      appid: OFFICIAL_ACCOUNT_APPID,
      out_trade_no: res.body.data.payment.outTradeNo,
      transaction_id: '4200000001202611260000000601',
      amount: { total: 9000, payer_total: 9000, currency: 'CNY', payer_currency: 'CNY' },
    });
    expect((await notify(buildNotification(keys, { payload: paid, timestamp: nowSeconds() }))).status).toBe(204);
    expect((await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_acceptance');
  });

  it('refuses a notification for an appid that is not ours, even signed by WeChat', async () => {
    const order = await placeOrder(app.http, w, 7, 14);
    const pay = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }).expect(201);
    const foreign = paidTransaction({ appid: 'wx1234567890abcdef', out_trade_no: pay.body.data.payment.outTradeNo, amount: { total: 9000 } });
    expect((await notify(buildNotification(keys, { payload: foreign, timestamp: nowSeconds() }))).status).toBe(401);
    expect((await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth)).body.data.status).toBe('pending_payment');
  });

  it('answers what the member’s app must change with a 400, not a channel failure', async () => {
    const order = await placeOrder(app.http, w, 8, 14);
    const before = wechat.received.length;
    const url = `/api/orders/${order.documentId}/pay`;
    const noOpenid = await app.http.post(url).set(w.member.auth).send({ channel: 'wechat' }).expect(400);
    expect(noOpenid.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'openid' });
    const notOurs = await app.http.post(url).set(w.member.auth).send({ channel: 'wechat', openid: 'o1', appid: 'wx1234567890abcdef' }).expect(400);
    expect(notOurs.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'appid' });
    expect(notOurs.body.error.message).toContain('未绑定');
    await app.http.post(url).set(w.member.auth).send({ channel: 'wechat', openid: 'o1', appid: 'not-an-appid' }).expect(400);
    const page = await app.http.post(url).set(w.member.auth).send({ channel: 'wechat', clientType: 'page' }).expect(400);
    expect(page.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'clientType' });
    expect(wechat.received.length).toBe(before);
  });

  it('keeps the channel’s own error text in the log and gives the member a Chinese 502', async () => {
    const order = await placeOrder(app.http, w, 9, 14);
    const warn = jest.spyOn(app.strapi.log, 'warn');
    try {
      const res = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', clientType: 'native' }).expect(502);
      expect(res.body.error.details).toEqual({ code: 'UPSTREAM_UNAVAILABLE', channel: 'wechat' });
      expect(res.body.error.message).toBe('支付渠道暂时不可用，请稍后重试');
      expect(JSON.stringify(res.body)).not.toContain('MCH_INTERNAL_7788');
      expect(warn.mock.calls.flat().join('\n')).toContain('MCH_INTERNAL_7788');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('open channel orders close with the order', () => {
  const PAYMENT_UID = 'plugin::payments.payment';
  const closeCalls = (outTradeNo: string) => wechat.received.filter((r) => r.method === 'POST' && r.url === `/v3/pay/transactions/out-trade-no/${outTradeNo}/close`);
  async function until(check: () => Promise<boolean>, ms = 5_000) {
    const deadline = Date.now() + ms;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }
  const paymentRow = (documentId: string) => app.strapi.db.query(PAYMENT_UID).findOne({ where: { documentId } });

  it('closes the WeChat order after the member cancels the unpaid order', async () => {
    const { order, payment } = await orderWithWechatPayment(10);
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '不需要了' }).expect(200);
    await until(async () => (await paymentRow(payment.documentId)).paymentStatus === 'closed');
    const row = await paymentRow(payment.documentId);
    expect(row).toMatchObject({ paymentStatus: 'closed' });
    expect(row.closeRequestedAt).toBeTruthy();
    expect(closeCalls(payment.outTradeNo)).toHaveLength(1);
    expect(closeCalls(payment.outTradeNo)[0].signatureValid).toBe(true);
  });

  it('closes the WeChat order opened for the old amount when the member changes the price', async () => {
    const { order, payment } = await orderWithWechatPayment(11);
    await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ quantity: 3 }).expect(200);
    await until(async () => (await paymentRow(payment.documentId)).paymentStatus === 'closed');
    expect((await paymentRow(payment.documentId)).paymentStatus).toBe('closed');
    expect(closeCalls(payment.outTradeNo)).toHaveLength(1);
    // The member pays the new amount with a new channel order.
    const again = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }).expect(201);
    expect(again.body.data.payment.amount).toBe(13500);
  });

  it('keeps the channel’s payment window inside the order’s unpaid deadline', async () => {
    const order = await placeOrder(app.http, w, 12);
    const created = new Date(Date.now() - 20 * 60_000);
    await app.strapi.db.query('plugin::orders.order').update({ where: { documentId: order.documentId }, data: { createdAt: created } });
    const pay = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'wechat', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }).expect(201);
    const row = await paymentRow(pay.body.data.payment.documentId);
    // 30 minutes unpaid timeout from creation, not 30 minutes from now.
    expect(new Date(row.expiresAt).getTime()).toBeLessThanOrEqual(created.getTime() + 30 * 60_000);
    const sent = JSON.parse(wechat.received.filter((r) => r.url.startsWith('/v3/pay/transactions/jsapi')).at(-1)!.body);
    expect(new Date(sent.time_expire).getTime()).toBeLessThanOrEqual(created.getTime() + 30 * 60_000);
  });

  it('retries the close after commit when WeChat fails it at first', async () => {
    const { order, payment } = await orderWithWechatPayment(13);
    failingCloses = 1;
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '不需要了' }).expect(200);
    await until(async () => (await paymentRow(payment.documentId)).paymentStatus === 'closed', 10_000);
    expect((await paymentRow(payment.documentId)).paymentStatus).toBe('closed');
    expect(closeCalls(payment.outTradeNo)).toHaveLength(2);
    expect(failingCloses).toBe(0);
  });
});

describe('refunds WeChat cannot pay back (ABNORMAL)', () => {
  const REFUND_UID = 'plugin::payments.refund';
  const ledger = () => app.strapi.plugin('settlement').service('ledger');
  const followUp = () => app.strapi.plugin('payments').service('refund-follow-up');
  let admin: { Authorization: string };
  beforeAll(async () => {
    // 财务 refunds from 支付流水 (granted here as tests/api/payments/admin.test.ts does).
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: '财务' } });
    const existing = await app.strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
    const have = new Set(existing.map((p: any) => p.action));
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      ...existing.map((p: any) => ({ action: p.action, subject: p.subject, properties: p.properties, conditions: p.conditions })),
      ...['plugin::payments.read', 'plugin::payments.refund'].filter((a) => !have.has(a)).map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    ]);
    admin = (await createAdminSession(app.strapi, app.http, 'caiwu-refunds@test.shangmen', '财务')).auth;
  });

  /** A WeChat-paid order cancelled: its refund is processing at the stand-in. */
  async function cancelledWithRefund(day: number, transactionId: string) {
    const { order, payment } = await orderWithWechatPayment(day);
    await notify(
      buildNotification(keys, {
        payload: paidTransaction({ out_trade_no: payment.outTradeNo, transaction_id: transactionId, amount: { total: 9000, payer_total: 9000, currency: 'CNY', payer_currency: 'CNY' } }),
        timestamp: nowSeconds(),
      }),
    ).expect((r) => expect([200, 204]).toContain(r.status));
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
    const paymentRow = await app.strapi.db.query('plugin::payments.payment').findOne({ where: { outTradeNo: payment.outTradeNo } });
    const refund = await app.strapi.db.query(REFUND_UID).findOne({ where: { paymentRef: paymentRow.id } });
    expect(refund.refundStatus).toBe('processing');
    return { order, payment, refund };
  }
  const refundRow = (id: number) => app.strapi.db.query(REFUND_UID).findOne({ where: { id } });
  const amounts = async (documentId: string) => (await app.http.get(`/api/orders/${documentId}`).set(w.member.auth).expect(200)).body.data.amounts;

  it('finds an abnormal refund by query, holds it for an operator, and pays it to the member’s bank card through WeChat', async () => {
    const cashBefore = await ledger().balance('cash:wechat');
    const { order, refund } = await cancelledWithRefund(20, '4200000001202611260000000020');
    wechatRefunds.get(refund.outRefundNo)!.state = 'ABNORMAL';

    expect(await followUp().reconcile(refund.id)).toBe('abnormal');
    const query = wechat.received.filter((r) => r.method === 'GET' && r.url === `/v3/refund/domestic/refunds/${refund.outRefundNo}`);
    expect(query).toHaveLength(1);
    expect(query[0].signatureValid).toBe(true);
    expect(await amounts(order.documentId)).toMatchObject({ refunded: 0, refundPending: 9000 });
    // Not retried silently: the sweeper leaves it, and a retry is refused.
    expect(await app.strapi.plugin('payments').service('refund-sweeper').sweep(new Date(Date.now() + 2 * 60_000))).toBe(0);
    const retry = await app.http.post(`/payments/refunds/${refund.documentId}/retry`).set(admin).expect(409);
    expect(retry.body.error.details.code).toBe('CONFLICT');
    const bad = await app.http.post(`/payments/refunds/${refund.documentId}/abnormal-refund`).set(admin).send({ type: 'ALIPAY' }).expect(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');

    // WeChat refusing the request is a 502 with our own text, and the refund stays abnormal.
    const abnormalRefundId = wechatRefunds.get(refund.outRefundNo)!.refund.refund_id;
    wechatRefunds.get(refund.outRefundNo)!.refund.refund_id = 'someone-else';
    const refused = await app.http.post(`/payments/refunds/${refund.documentId}/abnormal-refund`).set(admin).send({ type: 'USER_BANK_CARD' }).expect(502);
    wechatRefunds.get(refund.outRefundNo)!.refund.refund_id = abnormalRefundId;
    expect(refused.body.error).toMatchObject({ message: '微信支付暂未受理改退银行卡，请稍后重试或登记线下转账', details: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect((await refundRow(refund.id)).refundStatus).toBe('abnormal');

    const applied = await app.http.post(`/payments/refunds/${refund.documentId}/abnormal-refund`).set(admin).send({ type: 'USER_BANK_CARD' }).expect(200);
    expect(applied.body.data.refund).toMatchObject({ status: 'processing' });
    const call = wechat.received.filter((r) => r.method === 'POST' && r.url.endsWith('/apply-abnormal-refund'));
    expect(call).toHaveLength(2);
    call.shift();
    expect(call[0].url).toBe(`/v3/refund/domestic/refunds/${refund.channelRefundId}/apply-abnormal-refund`);
    expect(JSON.parse(call[0].body)).toEqual({ out_refund_no: refund.outRefundNo, type: 'USER_BANK_CARD' });
    expect((await refundRow(refund.id)).raw.operatorActions).toEqual([expect.objectContaining({ action: 'apply_abnormal_refund', type: 'USER_BANK_CARD' })]);

    wechatRefunds.get(refund.outRefundNo)!.state = 'SUCCESS';
    expect(await followUp().reconcile(refund.id)).toBe('success');
    expect(await amounts(order.documentId)).toMatchObject({ refunded: 9000, refundPending: 0 });
    expect(await ledger().balance('cash:wechat')).toBe(cashBefore);
    await expectBooksMatchPayments(app.strapi);
  });

  it('records an offline transfer for an abnormal refund once, audited and booked; a late success notification changes nothing', async () => {
    const cashBefore = await ledger().balance('cash:wechat');
    const { order, payment, refund } = await cancelledWithRefund(21, '4200000001202611260000000021');
    const note = (state: string) =>
      buildNotification(keys, {
        eventType: `REFUND.${state}`,
        payload: refundResult(state, { out_trade_no: payment.outTradeNo, transaction_id: '4200000001202611260000000021', out_refund_no: refund.outRefundNo, amount: { total: 9000, refund: 9000, payer_total: 9000, payer_refund: 9000 } }),
        timestamp: nowSeconds(),
      });
    // WeChat's ABNORMAL notification is its own status, not a failure.
    await notify(note('ABNORMAL')).expect((r) => expect([200, 204]).toContain(r.status));
    expect((await refundRow(refund.id)).refundStatus).toBe('abnormal');

    const missing = await app.http.post(`/payments/refunds/${refund.documentId}/offline-transfer`).set(admin).send({ reason: '银行卡已注销，已线下转账' }).expect(400);
    expect(missing.body.error.details.code).toBe('VALIDATION_FAILED');
    const done = await app.http
      .post(`/payments/refunds/${refund.documentId}/offline-transfer`)
      .set(admin)
      .send({ reference: 'BANK20261203001', reason: '银行卡已注销，已线下转账' })
      .expect(200);
    expect(done.body.data.refund).toMatchObject({ status: 'success' });
    const row = await refundRow(refund.id);
    expect(row.raw.offlineTransfer).toMatchObject({ reference: 'BANK20261203001', reason: '银行卡已注销，已线下转账', operatorId: expect.any(Number) });
    expect(await amounts(order.documentId)).toMatchObject({ refunded: 9000, refundPending: 0 });

    const again = await app.http.post(`/payments/refunds/${refund.documentId}/offline-transfer`).set(admin).send({ reference: 'BANK20261203002', reason: '重复登记' }).expect(409);
    expect(again.body.error.details.code).toBe('CONFLICT');
    await notify(note('SUCCESS')).expect((r) => expect([200, 204]).toContain(r.status));
    expect(await amounts(order.documentId)).toMatchObject({ refunded: 9000, refundPending: 0 });
    expect(await ledger().balance('cash:wechat')).toBe(cashBefore);
    await expectBooksMatchPayments(app.strapi);
  });
});
