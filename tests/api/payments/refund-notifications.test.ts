import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, pay, placeOrder, type OrderWorld } from '../../helpers/orders';
import { expectBooksMatchPayments } from '../../helpers/books';

// A signed refund notification is checked against the refund we asked for before it books anything.
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
const pipeline = () => app.strapi.plugin('payments').service('notify-pipeline');

function notifyRefund(event: { outTradeNo: string; transactionId: string; amount: number; outRefundNo: string; refundAmount: number }) {
  const { body, headers } = channels().provider('sandbox').signedNotification({ kind: 'refund', status: 'refund_success', refundId: `SBR${event.outRefundNo}`, at: new Date().toISOString(), ...event });
  return pipeline().handle('sandbox', body, headers);
}

it('books a refund notification only when trade and amount are ours; others are kept for review', async () => {
  const placed = await placeOrder(app.http, w, 3);
  const payment = await pay(app.strapi, placed.documentId, 'full', placed.amounts.total);
  const paid = await app.strapi.db.query('plugin::payments.payment').findOne({ where: { documentId: payment.documentId } });
  const sandbox = channels().provider('sandbox');
  // The channel takes the refund and answers later, by notification.
  channels().use({ ...sandbox, refund: async (input: any) => ({ refundId: `SBR${input.outRefundNo}`, status: 'processing', raw: {} }) });
  try {
    await app.http.post(`/api/orders/${placed.documentId}/cancel`).set(w.member.auth).send({ reason: '临时有事' }).expect(200);
  } finally {
    channels().use(sandbox);
  }
  const [refund] = await app.strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paid.id } });
  expect(refund).toMatchObject({ refundStatus: 'processing', amount: placed.amounts.total });
  const ours = { outTradeNo: paid.outTradeNo, transactionId: paid.transactionId, amount: paid.amount, outRefundNo: refund.outRefundNo };

  const less = await notifyRefund({ ...ours, refundAmount: placed.amounts.total - 100 });
  expect(less.result).toBe('refund_review');
  const otherTrade = await notifyRefund({ ...ours, outTradeNo: 'PY00000000000000000000', refundAmount: placed.amounts.total });
  expect(otherTrade.result).toBe('refund_review');
  const held = await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } });
  expect(held.refundStatus).toBe('processing');
  expect(held.raw.reviews.map((r: any) => [r.mismatch, r.status])).toEqual([
    ['amount', 'refund_success'],
    ['trade', 'refund_success'],
  ]);
  let order = (await app.http.get(`/api/orders/${placed.documentId}`).set(w.member.auth).expect(200)).body.data;
  expect(order.amounts).toMatchObject({ refunded: 0, refundPending: placed.amounts.total });

  // A refund we never asked for: acknowledged, nothing changes.
  const before = await app.strapi.db.query(REFUND_UID).count();
  const unknown = await notifyRefund({ ...ours, outRefundNo: 'RF99999999999999999999', refundAmount: 100 });
  expect(unknown.result).toBe('refund_review');
  expect(await app.strapi.db.query(REFUND_UID).count()).toBe(before);
  // …but kept for finance to review, not dropped.
  const kept = await app.strapi.db.query('plugin::payments.channel-notice').findMany({ where: { outRefundNo: 'RF99999999999999999999' } });
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ channel: 'sandbox', kind: 'refund', outTradeNo: paid.outTradeNo, channelStatus: 'refund_success', amount: 100, reviewStatus: 'open', reviewReason: '没有对应的退款记录' });
  expect(kept[0].raw).toMatchObject({ outRefundNo: 'RF99999999999999999999', refundAmount: 100 });

  const right = await notifyRefund({ ...ours, refundAmount: placed.amounts.total });
  expect(right.result).toBe('refund');
  expect((await app.strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id } })).refundStatus).toBe('success');
  order = (await app.http.get(`/api/orders/${placed.documentId}`).set(w.member.auth).expect(200)).body.data;
  expect(order.amounts).toMatchObject({ refunded: placed.amounts.total, refundPending: 0 });
  await expectBooksMatchPayments(app.strapi);
});
