import crypto from 'crypto';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, placeOrder, type OrderWorld } from '../../helpers/orders';
import {
  CERT_ID,
  consumeFields,
  formInputs,
  makeUnionPayCerts,
  MER_ID,
  startUnionPayGateway,
  unionpayNotification,
  verifiesWith,
  type GatewayAnswer,
  type UnionPayCerts,
} from '../../unit/payments/unionpay-fixtures';
import { expectBooksMatchPayments } from '../../helpers/books';

// UnionPay 全渠道 end to end through the real HTTP API: a certificate chain and a merchant key
// made here, a local stand-in for gateway.95516.com, back notifications signed as UnionPay does.
let app: TestApp;
let w: OrderWorld;
let certs: UnionPayCerts;
let gateway: Awaited<ReturnType<typeof startUnionPayGateway>>;
const merchant = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
let serial = 0;
/** Runs before the gateway answers a refund request (a notification that overtakes the answer). */
let beforeRefundAnswer: ((request: Record<string, string>) => Promise<void>) | undefined;
/**
 * The refunds (退货) the stand-in gateway took, by orderId + txnTime: what a refund query finds.
 * `refundAnswer` lets a test lose the answer to one (HTTP 504 after or before taking it).
 */
const takenRefunds = new Map<string, Record<string, string>>();
let refundAnswer: ((request: Record<string, string>) => 'take-and-time-out' | 'time-out' | undefined) | undefined;
/** A fresh 21-digit UnionPay queryId. */
const queryId = () => `7826${String(Date.now()).slice(-10)}${String((serial += 1)).padStart(7, '0')}`;

beforeAll(async () => {
  certs = makeUnionPayCerts();
  gateway = await startUnionPayGateway({ merchantPublicKey: merchant.publicKey, signing: certs.signing, stranger: stranger.privateKey });
  gateway.answer(async (path, request): Promise<GatewayAnswer> => {
    if (path === '/gateway/api/appTransReq.do') {
      return {
        fields: { respCode: '00', respMsg: '成功[0000000]', tn: `7580${request.orderId.slice(-17)}`, orderId: request.orderId, txnTime: request.txnTime, txnType: '01', txnSubType: '01', bizType: '000201' },
      };
    }
    if (path === '/gateway/api/backTransReq.do') {
      await beforeRefundAnswer?.(request);
      const lost = refundAnswer?.(request);
      if (lost === 'time-out') return { status: 504, fields: {} };
      const key = `${request.orderId}@${request.txnTime}`;
      // UnionPay refuses a second 退货 under an orderId + txnTime it already has (12 重复交易).
      if (takenRefunds.has(key)) return { fields: { respCode: '12', respMsg: '重复交易' } };
      const fields = { queryId: queryId(), orderId: request.orderId, origQryId: request.origQryId, txnTime: request.txnTime, txnAmt: request.txnAmt, txnType: '04', txnSubType: '00', bizType: '000201' };
      takenRefunds.set(key, fields);
      if (lost === 'take-and-time-out') return { status: 504, fields: {} };
      // A refund accepted: the outcome follows by back notification.
      return { fields: { respCode: '00', respMsg: '成功[0000000]', ...fields } };
    }
    if (path === '/gateway/api/queryTrans.do' && takenRefunds.has(`${request.orderId}@${request.txnTime}`)) {
      // The query itself succeeded (respCode); origRespCode is the refund's own outcome.
      return { fields: { respCode: '00', respMsg: '成功[0000000]', origRespCode: '00', origRespMsg: '成功[0000000]', ...takenRefunds.get(`${request.orderId}@${request.txnTime}`)! } };
    }
    return { fields: { respCode: '34', respMsg: '查无此交易' } };
  });
  app = await bootStrapi({
    env: {
      UNIONPAY_MER_ID: MER_ID,
      UNIONPAY_SIGN_KEY: String(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' })),
      UNIONPAY_SIGN_CERT_ID: CERT_ID,
      UNIONPAY_VERIFY_CERT: certs.bundle,
      UNIONPAY_GATEWAY: gateway.base,
    },
  });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
  await gateway?.close();
  certs?.cleanup();
});

const ledger = () => app.strapi.plugin('settlement').service('ledger');

const notify = (body: string) => app.http.post('/api/payments/notify/unionpay').set('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8').send(body);

const genuine = (fields: Record<string, string>) => unionpayNotification(fields, certs.signing.key, certs.signing.cert);

/** UnionPay's consume notification for `payment`: 9000 fen unless told otherwise, a message in Chinese with '%'. */
const consumed = (payment: { outTradeNo: string }, txnTime: string, qid: string, extra: Record<string, string> = {}) =>
  consumeFields({
    orderId: payment.outTradeNo,
    txnTime,
    queryId: qid,
    txnAmt: '9000',
    settleAmt: '9000',
    respMsg: '交易成功 100%[0000000]',
    ...extra,
  });

/** UnionPay's back notification that the refund asked for in `request` (a 退货 on `paidQueryId`) succeeded. */
const refunded = (request: Record<string, string>, paidQueryId: string) =>
  consumeFields({
    txnType: '04',
    txnSubType: '00',
    orderId: request.orderId,
    origQryId: paidQueryId,
    queryId: queryId(),
    txnTime: request.txnTime,
    txnAmt: request.txnAmt,
    settleAmt: request.txnAmt,
    reqReserved: request.reqReserved,
    respMsg: '退货成功 100%[0000000]',
  });

async function payWithUnionPay(orderDocumentId: string, clientType?: 'page' | 'wap' | 'app') {
  const res = await app.http
    .post(`/api/orders/${orderDocumentId}/pay`)
    .set(w.member.auth)
    .send({ channel: 'unionpay', ...(clientType ? { clientType } : {}) })
    .expect(201);
  return res.body.data as { payment: { documentId: string; outTradeNo: string; amount: number; status: string }; params: Record<string, any> };
}

const orderDetail = async (documentId: string) => (await app.http.get(`/api/orders/${documentId}`).set(w.member.auth).expect(200)).body.data;
const paymentStatus = async (documentId: string) => (await app.http.get(`/api/payments/${documentId}`).set(w.member.auth).expect(200)).body.data.status;
const eventsOf = (detail: { events: Array<{ event: string }> }, event: string) => detail.events.filter((e) => e.event === event);

/** yyyyMMddHHmmss read as Beijing time. */
const fromBeijing = (t: string) => Date.parse(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}+08:00`);

it('hands a browser a form of signed consume fields and the app a tn from the gateway', async () => {
  const order = await placeOrder(app.http, w, 2);

  const page = await payWithUnionPay(order.documentId, 'page');
  expect(page.payment).toMatchObject({ channel: 'unionpay', stage: 'full', amount: 9000, status: 'created' });
  const { form, action, fields, txnTime } = page.params as { form: string; action: string; fields: Record<string, string>; txnTime: string };
  expect(action).toBe(`${gateway.base}/gateway/api/frontTransReq.do`);
  expect(form).toContain(`action="${action}"`);
  expect(formInputs(form)).toEqual(fields);
  expect(verifiesWith(fields, merchant.publicKey)).toBe(true);
  expect(verifiesWith({ ...fields, txnAmt: '1' }, merchant.publicKey)).toBe(false);
  expect(fields).toMatchObject({
    version: '5.1.0',
    encoding: 'UTF-8',
    signMethod: '01',
    certId: CERT_ID,
    txnType: '01',
    txnSubType: '01',
    bizType: '000201',
    channelType: '07',
    accessType: '0',
    merId: MER_ID,
    orderId: page.payment.outTradeNo,
    txnTime,
    txnAmt: '9000',
    currencyCode: '156',
  });
  expect(fields.backUrl).toMatch(/\/api\/payments\/notify\/unionpay$/);
  // payTimeout is the payment's own window, read at second precision; the gateway's txnTime is
  // stamped a moment later, so the two can straddle a second boundary.
  expect(fromBeijing(fields.payTimeout)).toBe(Math.floor(Date.parse(page.payment.expiresAt) / 1000) * 1000);
  expect(30 * 60_000 - (fromBeijing(fields.payTimeout) - fromBeijing(txnTime))).toBeGreaterThanOrEqual(0);
  expect(30 * 60_000 - (fromBeijing(fields.payTimeout) - fromBeijing(txnTime))).toBeLessThanOrEqual(1000);
  // UnionPay sends the member back with a POST to frontUrl; it lands on the order page.
  const frontUrl = new URL(fields.frontUrl);
  expect(frontUrl.pathname).toBe('/api/payments/return/unionpay');
  expect(frontUrl.searchParams.get('order')).toBe(order.documentId);
  const back = await app.http.post(`${frontUrl.pathname}${frontUrl.search}`).type('form').send('orderId=x');
  expect(back.status).toBe(303);
  expect(back.headers.location).toMatch(new RegExp(`/h5/#/orders/${order.documentId}$`));

  const wap = await payWithUnionPay(order.documentId);
  expect(verifiesWith(wap.params.fields, merchant.publicKey)).toBe(true);
  expect(wap.params.fields).toMatchObject({ channelType: '08', orderId: wap.payment.outTradeNo, txnAmt: '9000' });

  const appPay = await payWithUnionPay(order.documentId, 'app');
  const request = gateway.requests.find((r) => r.path === '/gateway/api/appTransReq.do' && r.fields.orderId === appPay.payment.outTradeNo);
  expect(request).toBeDefined();
  expect(request!.signedByMerchant).toBe(true);
  expect(request!.fields).toMatchObject({ merId: MER_ID, certId: CERT_ID, txnType: '01', channelType: '08', txnAmt: '9000' });
  expect(request!.fields.frontUrl).toBeUndefined();
  expect(appPay.params).toEqual({ tn: `7580${appPay.payment.outTradeNo.slice(-17)}`, txnTime: request!.fields.txnTime });
});

it('rejects forged and misaddressed notifications without changing anything, then takes the genuine one once', async () => {
  const order = await placeOrder(app.http, w, 3);
  const { payment, params } = await payWithUnionPay(order.documentId, 'page');
  const cashBefore = await ledger().balance('cash:unionpay');
  const qid = queryId();
  const fields = consumed(payment, params.txnTime, qid);

  // Signed with another key though it carries UnionPay's certificate.
  const forged = await notify(unionpayNotification(fields, stranger.privateKey, certs.signing.cert));
  expect([forged.status, forged.text]).toEqual([401, 'fail']);
  // A certificate in UnionPay's name from the forger's own root.
  expect((await notify(unionpayNotification(fields, certs.rogue.key, certs.rogue.cert))).status).toBe(401);
  // Genuinely signed, then the amount changed on the way.
  expect((await notify(genuine(fields).replace('txnAmt=9000', 'txnAmt=1'))).status).toBe(401);
  // Genuine, but for another merchant.
  expect((await notify(genuine({ ...fields, merId: '777290058110099' }))).status).toBe(401);

  let detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_payment', amounts: { paid: 0 } });
  expect(eventsOf(detail, 'pay')).toHaveLength(0);
  expect(await paymentStatus(payment.documentId)).toBe('created');
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);

  const body = genuine(fields);
  expect(body).toContain('100%25');
  const res = await notify(body);
  expect([res.status, res.text]).toEqual([200, 'ok']);
  detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
  expect(await paymentStatus(payment.documentId)).toBe('paid');
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore + 9000);

  // UnionPay retries until it gets a 200: ten copies at once change nothing and each gets "ok".
  const replays = await Promise.all(Array.from({ length: 10 }, () => notify(body)));
  expect(replays.map((r) => [r.status, r.text])).toEqual(Array.from({ length: 10 }, () => [200, 'ok']));
  detail = await orderDetail(order.documentId);
  expect(eventsOf(detail, 'pay')).toHaveLength(1);
  expect(detail.amounts.paid).toBe(9000);
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore + 9000);
  await expectBooksMatchPayments(app.strapi);
});

it('records a first notification delivered ten times at once exactly once', async () => {
  const order = await placeOrder(app.http, w, 4);
  const { payment, params } = await payWithUnionPay(order.documentId);
  const cashBefore = await ledger().balance('cash:unionpay');
  const body = genuine(consumed(payment, params.txnTime, queryId()));

  const results = await Promise.all(Array.from({ length: 10 }, () => notify(body)));
  expect(results.map((r) => [r.status, r.text])).toEqual(Array.from({ length: 10 }, () => [200, 'ok']));
  const detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_acceptance', amounts: { paid: 9000 } });
  expect(eventsOf(detail, 'pay')).toHaveLength(1);
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore + 9000);
});

it('flags a payment whose notified amount differs for review and leaves the order unpaid', async () => {
  const order = await placeOrder(app.http, w, 5);
  const { payment, params } = await payWithUnionPay(order.documentId);
  const suspenseBefore = await ledger().balance('suspense:payments');

  const res = await notify(genuine(consumed(payment, params.txnTime, queryId(), { txnAmt: '900', settleAmt: '900' })));
  expect([res.status, res.text]).toEqual([400, 'fail']);
  expect(await paymentStatus(payment.documentId)).toBe('review');
  const detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'pending_payment', amounts: { paid: 0 } });
  expect(eventsOf(detail, 'pay')).toHaveLength(0);
  expect(await ledger().balance('suspense:payments')).toBe(suspenseBefore + 900);
  await expectBooksMatchPayments(app.strapi);
});

it('answers 404 to a notification for an order it never sent, changing nothing', async () => {
  const cashBefore = await ledger().balance('cash:unionpay');
  const paymentsBefore = await app.strapi.db.query('plugin::payments.payment').count();
  const res = await notify(genuine(consumed({ outTradeNo: 'PY2026030110000099999999' }, '20260301100000', queryId())));
  expect([res.status, res.text]).toEqual([404, 'fail']);
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);
  expect(await app.strapi.db.query('plugin::payments.payment').count()).toBe(paymentsBefore);
});

it('refunds a cancellation through UnionPay and completes it on the refund notification', async () => {
  const order = await placeOrder(app.http, w, 6);
  const { payment, params } = await payWithUnionPay(order.documentId, 'app');
  const cashBefore = await ledger().balance('cash:unionpay');
  const paidQueryId = queryId();
  expect((await notify(genuine(consumed(payment, params.txnTime, paidQueryId)))).text).toBe('ok');

  await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  const refundRequests = gateway.requests.filter((r) => r.path === '/gateway/api/backTransReq.do' && r.fields.reqReserved === payment.outTradeNo);
  expect(refundRequests).toHaveLength(1);
  const [request] = refundRequests;
  expect(request.signedByMerchant).toBe(true);
  expect(request.fields).toMatchObject({
    version: '5.1.0',
    signMethod: '01',
    certId: CERT_ID,
    merId: MER_ID,
    txnType: '04',
    txnSubType: '00',
    bizType: '000201',
    origQryId: paidQueryId,
    txnAmt: '9000',
    currencyCode: '156',
    reqReserved: payment.outTradeNo,
  });
  expect(request.fields.orderId).toMatch(/^RF\d{22}$/);
  expect(request.fields.backUrl).toMatch(/\/api\/payments\/notify\/unionpay$/);

  let detail = await orderDetail(order.documentId);
  expect(detail).toMatchObject({ status: 'cancelled', amounts: { refunded: 0, refundPending: 9000 } });

  const refundFields = refunded(request.fields, paidQueryId);
  // A forged refund success changes nothing.
  expect((await notify(unionpayNotification(refundFields, stranger.privateKey, certs.signing.cert))).status).toBe(401);
  expect((await orderDetail(order.documentId)).amounts).toMatchObject({ refunded: 0, refundPending: 9000 });

  const refundNote = genuine(refundFields);
  expect([(await notify(refundNote)).text, (await notify(refundNote)).text]).toEqual(['ok', 'ok']);
  detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ paid: 9000, refunded: 9000, refundPending: 0 });
  expect(eventsOf(detail, 'refund')).toHaveLength(1);
  expect(await paymentStatus(payment.documentId)).toBe('refunded');
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);
});

it('counts a refund once when its notification overtakes the gateway answer and is then replayed', async () => {
  const order = await placeOrder(app.http, w, 7);
  const { payment, params } = await payWithUnionPay(order.documentId);
  const cashBefore = await ledger().balance('cash:unionpay');
  const paidQueryId = queryId();
  expect((await notify(genuine(consumed(payment, params.txnTime, paidQueryId)))).text).toBe('ok');

  let early: { body: string; status: number; text: string } | undefined;
  beforeRefundAnswer = async (request) => {
    const body = genuine(refunded(request, paidQueryId));
    const res = await notify(body);
    early = { body, status: res.status, text: res.text };
  };
  try {
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  } finally {
    beforeRefundAnswer = undefined;
  }
  expect(early).toMatchObject({ status: 200, text: 'ok' });
  let detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ paid: 9000, refunded: 9000, refundPending: 0 });

  // UnionPay delivers again (or anyone replays the captured body): nothing more is refunded.
  expect((await notify(early!.body)).text).toBe('ok');
  detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ refunded: 9000, refundPending: 0 });
  expect(eventsOf(detail, 'refund')).toHaveLength(1);
  expect(await paymentStatus(payment.documentId)).toBe('refunded');
  const request = gateway.requests.find((r) => r.path === '/gateway/api/backTransReq.do' && r.fields.reqReserved === payment.outTradeNo);
  const refund = await app.strapi.db.query('plugin::payments.refund').findOne({ where: { outRefundNo: request!.fields.orderId } });
  expect(refund).toMatchObject({ refundStatus: 'success', amount: 9000 });
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);
});

const REFUND_UID = 'plugin::payments.refund';
const refundSends = (orderId: string) => gateway.requests.filter((r) => r.path === '/gateway/api/backTransReq.do' && r.fields.orderId === orderId);
const refundOf = async (outTradeNo: string) => {
  const payment = await app.strapi.db.query('plugin::payments.payment').findOne({ where: { outTradeNo } });
  return app.strapi.db.query(REFUND_UID).findOne({ where: { paymentRef: payment.id } });
};
async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

it('resolves a processing refund by querying UnionPay with its own orderId and txnTime, with no notification; a late one changes nothing', async () => {
  const order = await placeOrder(app.http, w, 8);
  const { payment, params } = await payWithUnionPay(order.documentId, 'app');
  const cashBefore = await ledger().balance('cash:unionpay');
  const paidQueryId = queryId();
  expect((await notify(genuine(consumed(payment, params.txnTime, paidQueryId)))).text).toBe('ok');
  await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);

  const refund = await refundOf(payment.outTradeNo);
  const [sent] = refundSends(refund.outRefundNo);
  // The identity UnionPay knows the refund by is on the row from the first send.
  expect(refund).toMatchObject({ refundStatus: 'processing', channelReference: sent.fields.txnTime });
  expect(refund.sentAt).toBeTruthy();

  const followUp = app.strapi.plugin('payments').service('refund-follow-up');
  expect(await followUp.reconcile(refund.id)).toBe('success');
  const query = gateway.requests.filter((r) => r.path === '/gateway/api/queryTrans.do' && r.fields.orderId === refund.outRefundNo);
  expect(query).toHaveLength(1);
  expect(query[0].signedByMerchant).toBe(true);
  expect(query[0].fields).toMatchObject({ txnType: '00', txnSubType: '00', bizType: '000000', orderId: refund.outRefundNo, txnTime: sent.fields.txnTime, merId: MER_ID });

  let detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ paid: 9000, refunded: 9000, refundPending: 0 });
  expect(eventsOf(detail, 'refund')).toHaveLength(1);
  expect(await paymentStatus(payment.documentId)).toBe('refunded');

  // UnionPay's notification arrives after all: acknowledged, booked nothing more.
  expect((await notify(genuine(refunded(sent.fields, paidQueryId)))).text).toBe('ok');
  expect(await followUp.reconcile(refund.id)).toBe('success');
  detail = await orderDetail(order.documentId);
  expect(detail.amounts).toMatchObject({ refunded: 9000, refundPending: 0 });
  expect(eventsOf(detail, 'refund')).toHaveLength(1);
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);
});

it('sends one refund when the first send times out after UnionPay took it and the sweeper retries', async () => {
  const order = await placeOrder(app.http, w, 9);
  const { payment, params } = await payWithUnionPay(order.documentId, 'app');
  const cashBefore = await ledger().balance('cash:unionpay');
  expect((await notify(genuine(consumed(payment, params.txnTime, queryId())))).text).toBe('ok');
  refundAnswer = () => 'take-and-time-out';
  try {
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  } finally {
    refundAnswer = undefined;
  }
  const refund = await refundOf(payment.outTradeNo);
  expect(refund.refundStatus).toBe('pending');
  expect(refundSends(refund.outRefundNo)).toHaveLength(1);

  expect(await app.strapi.plugin('payments').service('refund-sweeper').sweep(new Date(Date.now() + 2 * 60_000))).toBeGreaterThanOrEqual(1);
  await until(async () => (await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus === 'success');

  expect(await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).toMatchObject({ refundStatus: 'success', outRefundNo: refund.outRefundNo });
  // The retry asked first and found it: the gateway saw one 退货, not two.
  expect(refundSends(refund.outRefundNo)).toHaveLength(1);
  expect([...takenRefunds.keys()].filter((k) => k.startsWith(`${refund.outRefundNo}@`))).toHaveLength(1);
  expect((await orderDetail(order.documentId)).amounts).toMatchObject({ refunded: 9000, refundPending: 0 });
  expect(await ledger().balance('cash:unionpay')).toBe(cashBefore);
  await expectBooksMatchPayments(app.strapi);
});

it('resends a refund UnionPay never got under its first orderId and txnTime, once', async () => {
  const order = await placeOrder(app.http, w, 10);
  const { payment, params } = await payWithUnionPay(order.documentId, 'app');
  expect((await notify(genuine(consumed(payment, params.txnTime, queryId())))).text).toBe('ok');
  refundAnswer = () => 'time-out';
  try {
    await app.http.post(`/api/orders/${order.documentId}/cancel`).set(w.member.auth).send({ reason: '改期' }).expect(200);
  } finally {
    refundAnswer = undefined;
  }
  const refund = await refundOf(payment.outTradeNo);
  expect(refund.refundStatus).toBe('pending');

  expect(await app.strapi.plugin('payments').service('refund-sweeper').sweep(new Date(Date.now() + 2 * 60_000))).toBeGreaterThanOrEqual(1);
  await until(async () => (await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus === 'processing');

  const sends = refundSends(refund.outRefundNo);
  expect(sends.map((r) => r.fields.txnTime)).toEqual([refund.channelReference, refund.channelReference]);
  expect([...takenRefunds.keys()].filter((k) => k.startsWith(`${refund.outRefundNo}@`))).toEqual([`${refund.outRefundNo}@${refund.channelReference}`]);
  expect((await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus).toBe('processing');
});
