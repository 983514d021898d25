import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import { expectBooksMatchPayments } from '../../helpers/books';

// A refund whose row committed but whose send threw is sent later by the sweeper, once.
let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

const REFUND_UID = 'plugin::payments.refund';
const channels = () => app.strapi.plugin('payments').service('channels');
const sweeper = () => app.strapi.plugin('payments').service('refund-sweeper');

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

it('sends a cancellation refund whose first send threw after commit, under the same number, once', async () => {
  const placed = await placeOrder(app.http, w, 3);
  await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);

  const sandbox = channels().provider('sandbox');
  const sent: string[] = [];
  channels().use({
    ...sandbox,
    refund: async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:443');
    },
  });
  try {
    await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
  } finally {
    channels().use({
      ...sandbox,
      refund: async (input: any) => {
        sent.push(input.outRefundNo);
        return sandbox.refund(input);
      },
    });
  }
  const [refund] = await app.strapi.db.query(REFUND_UID).findMany({ where: { orderRef: { $notNull: true } }, orderBy: { id: 'desc' }, limit: 1 });
  expect(refund).toMatchObject({ refundStatus: 'pending', amount: placed.amounts.total });

  // Young refunds are left to their inline send; a minute later the sweeper takes them.
  expect(await sweeper().sweep(new Date())).toBe(0);
  expect(await sweeper().sweep(new Date(Date.now() + 2 * 60_000))).toBe(1);
  await until(async () => (await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus === 'success');

  expect(await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).toMatchObject({ refundStatus: 'success', outRefundNo: refund.outRefundNo });
  expect(sent).toEqual([refund.outRefundNo]);
  const order = (await app.http.get(`/api/orders/${placed.documentId}`).set(w.member.auth).expect(200)).body.data;
  expect(order.amounts).toMatchObject({ refunded: placed.amounts.total, refundPending: 0 });
  // A later sweep finds nothing left to send.
  expect(await sweeper().sweep(new Date(Date.now() + 5 * 60_000))).toBe(0);
  await expectBooksMatchPayments(app.strapi);
  channels().use(sandbox);
});

it('retries the send with backoff while the channel still fails', async () => {
  const placed = await placeOrder(app.http, w, 4);
  await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);
  const sandbox = channels().provider('sandbox');
  let calls = 0;
  channels().use({
    ...sandbox,
    refund: async (input: any) => {
      calls++;
      if (calls <= 2) throw new Error('channel busy');
      return sandbox.refund(input);
    },
  });
  try {
    await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
    const [refund] = await app.strapi.db.query(REFUND_UID).findMany({ orderBy: { id: 'desc' }, limit: 1 });
    expect(refund.refundStatus).toBe('pending');
    // Inline send was call 1; the job's first try (call 2) fails, its retry after the backoff succeeds.
    expect(await sweeper().sweep(new Date(Date.now() + 2 * 60_000))).toBe(1);
    await until(async () => (await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus === 'success', 20_000);
    expect((await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus).toBe('success');
    expect(calls).toBe(3);
  } finally {
    channels().use(sandbox);
  }
  await expectBooksMatchPayments(app.strapi);
});

const PAYMENT_UID = 'plugin::payments.payment';
const ORDER_UID = 'plugin::orders.order';
const orderRow = (documentId: string) => app.strapi.db.query(ORDER_UID).findOne({ where: { documentId } });
const refundsOf = async (documentId: string) => {
  const order = await orderRow(documentId);
  const payments = await app.strapi.db.query(PAYMENT_UID).findMany({ where: { orderRef: order.id }, select: ['id'] });
  return app.strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: { $in: payments.map((p: any) => p.id) } }, orderBy: { id: 'asc' } });
};

it('writes the refund with the cancellation: a process gone right after the commit leaves it pending for the sweeper', async () => {
  const placed = await placeOrder(app.http, w, 5);
  await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);
  const refunds = app.strapi.plugin('payments').service('refunds');
  const sendOwed = refunds.sendOwed;
  // Nothing runs after the cancelling transaction committed (the process died there).
  refunds.sendOwed = async () => {
    throw new Error('process killed');
  };
  try {
    await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
  } finally {
    refunds.sendOwed = sendOwed;
  }
  const order = await orderRow(placed.documentId);
  expect(order).toMatchObject({ orderStatus: 'cancelled', refundPending: placed.amounts.total, refunded: 0 });
  const [refund, ...more] = await refundsOf(placed.documentId);
  expect(more).toEqual([]);
  expect(refund).toMatchObject({ refundStatus: 'pending', amount: placed.amounts.total, orderRef: order.id, reason: '订单取消：临时有事' });

  expect(await sweeper().sweep(new Date(Date.now() + 2 * 60_000))).toBe(1);
  await until(async () => (await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus === 'success');
  expect(await orderRow(placed.documentId)).toMatchObject({ refunded: placed.amounts.total, refundPending: 0 });
  expect(await refundsOf(placed.documentId)).toHaveLength(1);
  await expectBooksMatchPayments(app.strapi);
});

it('writes no refund when the cancelling transaction rolls back', async () => {
  const placed = await placeOrder(app.http, w, 6);
  await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);
  const cancellation = app.strapi.plugin('orders').service('cancellation');
  const returnBenefits = cancellation.returnBenefits;
  // Fails after the refund rows were written in the same transaction.
  cancellation.returnBenefits = async () => {
    throw new Error('disk full');
  };
  const order = await orderRow(placed.documentId);
  try {
    await expect(cancellation.cancel(order.id, { actor: { type: 'member', id: order.memberId }, reason: '临时有事' })).rejects.toThrow('disk full');
  } finally {
    cancellation.returnBenefits = returnBenefits;
  }
  expect(await orderRow(placed.documentId)).toMatchObject({ orderStatus: order.orderStatus, refundPending: 0, refunded: 0 });
  expect(await refundsOf(placed.documentId)).toEqual([]);
  expect(await sweeper().sweep(new Date(Date.now() + 2 * 60_000))).toBe(0);
});

it('allocates a cancellation refund over the order’s own payment, not over a duplicate still being returned', async () => {
  const placed = await placeOrder(app.http, w, 7);
  const member = (await orderRow(placed.documentId)).memberId;
  const payments = app.strapi.plugin('payments');
  // Two cashier sessions open; both get paid.
  const first = (await payments.service('checkout').payOrder(member, placed.documentId, { channel: 'sandbox' })).payment;
  const second = (await payments.service('checkout').payOrder(member, placed.documentId, { channel: 'sandbox' })).payment;
  expect((await payments.service('sandbox').confirm(member, first.documentId)).status).toBe('paid');

  const sandbox = channels().provider('sandbox');
  channels().use({
    ...sandbox,
    refund: async () => {
      throw new Error('channel busy');
    },
  });
  let cancelled: any;
  try {
    // The duplicate's return is written with it and stays in flight while the channel is down.
    expect((await payments.service('sandbox').confirm(member, second.documentId)).status).toBe('paid');
    cancelled = (await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200)).body.data;
  } finally {
    channels().use(sandbox);
  }
  expect(cancelled).toMatchObject({ status: 'cancelled', amounts: { refunded: 0, refundPending: placed.amounts.total } });
  const order = await orderRow(placed.documentId);
  const firstRow = await app.strapi.db.query(PAYMENT_UID).findOne({ where: { documentId: first.documentId } });
  const secondRow = await app.strapi.db.query(PAYMENT_UID).findOne({ where: { documentId: second.documentId } });
  const pending = await refundsOf(placed.documentId);
  expect(pending.map((r: any) => [r.paymentRef, r.orderRef, r.amount, r.refundStatus])).toEqual([
    [secondRow.id, null, placed.amounts.total, 'pending'],
    [firstRow.id, order.id, placed.amounts.total, 'pending'],
  ]);
  const events = await app.strapi.db.query('plugin::orders.order-event').findMany({ where: { orderRef: order.id, event: 'refund_owed' } });
  expect(events).toEqual([]);

  // Both go out once the channel is back: each payment refunded once, the order whole.
  expect(await sweeper().sweep(new Date(Date.now() + 2 * 60_000))).toBe(2);
  await until(async () => (await refundsOf(placed.documentId)).every((r: any) => r.refundStatus === 'success'));
  expect((await refundsOf(placed.documentId)).map((r: any) => r.refundStatus)).toEqual(['success', 'success']);
  expect(await app.strapi.db.query(PAYMENT_UID).findOne({ where: { id: firstRow.id } })).toMatchObject({ paymentStatus: 'refunded', refundedAmount: placed.amounts.total });
  expect(await app.strapi.db.query(PAYMENT_UID).findOne({ where: { id: secondRow.id } })).toMatchObject({ paymentStatus: 'refunded', refundedAmount: placed.amounts.total });
  expect(await orderRow(placed.documentId)).toMatchObject({ paid: placed.amounts.total, refunded: placed.amounts.total, refundPending: 0 });
  await expectBooksMatchPayments(app.strapi);
});

it('gives a processing refund whose follow-up queries were lost (restart) its chain back at the step its age says', async () => {
  const placed = await placeOrder(app.http, w, 5);
  await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);
  const sandbox = channels().provider('sandbox');
  // The channel takes the refund and keeps it processing; no notification will come.
  channels().use({ ...sandbox, refund: async () => ({ status: 'processing', raw: {} }) });
  try {
    await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '计划有变' }).expect(200);
  } finally {
    channels().use(sandbox);
  }
  const [refund] = await app.strapi.db.query(REFUND_UID).findMany({ where: { orderRef: { $notNull: true } }, orderBy: { id: 'desc' }, limit: 1 });
  expect(refund).toMatchObject({ refundStatus: 'processing' });
  const sentAt = new Date(refund.sentAt ?? refund.createdAt).getTime();

  const followUp = app.strapi.plugin('payments').service('refund-follow-up');
  const scheduled = jest.spyOn(followUp, 'schedule');
  try {
    // Ten minutes after the send: queries 0 (1 min) and 1 (+5 min) are past, query 2 (+15 min) is due next.
    await sweeper().sweep(new Date(sentAt + 10 * 60_000));
    expect(scheduled.mock.calls.filter(([id]) => id === refund.id)).toEqual([[refund.id, 2]]);
    // Once settled, nothing is asked again.
    await app.strapi.db.query(REFUND_UID).update({ where: { id: refund.id }, data: { refundStatus: 'success' } });
    scheduled.mockClear();
    await sweeper().sweep(new Date(sentAt + 20 * 60_000));
    expect(scheduled.mock.calls.filter(([id]) => id === refund.id)).toEqual([]);
  } finally {
    scheduled.mockRestore();
  }
});
