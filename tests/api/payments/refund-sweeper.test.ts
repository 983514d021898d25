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
