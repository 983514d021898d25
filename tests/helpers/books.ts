import type { Core } from '@strapi/strapi';

const PAYMENT_UID = 'plugin::payments.payment';
const REFUND_UID = 'plugin::payments.refund';
const ORDER_UID = 'plugin::orders.order';
/** Payment statuses where the channel (or the wallet) handed us the money. */
const RECEIVED = ['paid', 'partially_refunded', 'refunded'];
const CHANNELS = ['wechat', 'alipay', 'unionpay', 'sandbox'];

const sum = (rows: Array<{ amount: number }>) => rows.reduce((total, row) => total + row.amount, 0);

/**
 * The books against the money records, independently of the ledger's own arithmetic: what each
 * channel's cash account holds is what was paid through it minus what went back through it; the
 * prepayments are what members paid for orders minus refunds and the cancellation fees kept;
 * each wallet is top-ups minus wallet payments plus refunds to the wallet. Returns the figures.
 */
export async function expectBooksMatchPayments(strapi: Core.Strapi) {
  const service = strapi.plugin('settlement').service('ledger');
  // A liability read as "what it holds" is -0 when empty; 0 is meant.
  const ledger = { balance: async (account: string) => (await service.balance(account)) + 0 };
  const payments: any[] = await strapi.db.query(PAYMENT_UID).findMany({ where: { paymentStatus: { $in: RECEIVED } } });
  const review: any[] = await strapi.db.query(PAYMENT_UID).findMany({ where: { paymentStatus: 'review' }, select: ['id', 'channel'] });
  const refunds: any[] = await strapi.db.query(REFUND_UID).findMany({ where: { refundStatus: 'success' } });
  const paymentOf = new Map(payments.map((p) => [p.id, p]));
  const refundsOf = (filter: (payment: any) => boolean) => sum(refunds.filter((r) => paymentOf.has(r.paymentRef) && filter(paymentOf.get(r.paymentRef))));

  const figures: Record<string, number> = {};
  let cashHeld = 0;
  let cashExpected = await ledger.balance('suspense:payments');
  for (const channel of CHANNELS) {
    const expected = sum(payments.filter((p) => p.channel === channel)) - refundsOf((p) => p.channel === channel);
    const held = await ledger.balance(`cash:${channel}`);
    // A payment under review sits in suspense with the amount the channel reported.
    if (!review.some((p) => p.channel === channel)) expect({ account: `cash:${channel}`, balance: held }).toEqual({ account: `cash:${channel}`, balance: expected });
    figures[`cash:${channel}`] = held;
    cashHeld += held;
    cashExpected += expected;
  }
  expect({ cash: cashHeld }).toEqual({ cash: cashExpected });

  const orders: any[] = await strapi.db.query(ORDER_UID).findMany({ select: ['cancellationFee', 'orderStatus', 'paid', 'refunded', 'refundPending'] });
  const fees = orders.reduce((total, o) => total + (o.cancellationFee ?? 0), 0);
  // A completed order's prepayment was recognised (worker payable + commission); refunds still owed stay.
  const recognised = orders.filter((o) => o.orderStatus === 'completed').reduce((total, o) => total + Math.max(0, o.paid - o.refunded - o.refundPending), 0);
  const forOrders = (p: any) => p.stage !== 'topup';
  const prepayments = sum(payments.filter(forOrders)) - refundsOf(forOrders) - fees - recognised;
  expect({ account: 'customer-prepayments', balance: await ledger.balance('customer-prepayments') }).toEqual({ account: 'customer-prepayments', balance: prepayments });
  figures['customer-prepayments'] = prepayments;

  for (const memberId of new Set(payments.filter((p) => p.stage === 'topup' || p.channel === 'balance').map((p) => p.memberId))) {
    const mine = (p: any) => p.memberId === memberId;
    const wallet =
      sum(payments.filter((p) => mine(p) && p.stage === 'topup')) -
      refundsOf((p) => mine(p) && p.stage === 'topup') -
      sum(payments.filter((p) => mine(p) && p.channel === 'balance')) +
      refundsOf((p) => mine(p) && p.channel === 'balance');
    expect({ account: `wallet:${memberId}`, balance: await ledger.balance(`wallet:${memberId}`) }).toEqual({ account: `wallet:${memberId}`, balance: wallet });
  }
  return figures;
}

/**
 * Each completed order's recognition against the order itself: one entry under its ref, the
 * prepayment line equal to what the order holds, and its earning's net + commission = gross,
 * the net owed to the order's worker. The whole ledger's trial balance is zero.
 */
export async function expectRecognitionMatchesOrders(strapi: Core.Strapi) {
  const ledger = strapi.plugin('settlement').service('ledger');
  const completed: any[] = await strapi.db.query(ORDER_UID).findMany({ where: { orderStatus: 'completed' }, populate: { worker: { select: ['id'] } } });
  for (const order of completed) {
    const ref = `order:${order.orderNo}:completed`;
    expect({ ref, entries: await strapi.db.query('plugin::settlement.journal-entry').count({ where: { ref } }) }).toEqual({ ref, entries: 1 });
    const entry = await ledger.entries(ref);
    const amountOn = (account: string) => entry.lines.filter((l: any) => l.account === account).reduce((t: number, l: any) => t + l.amount, 0);
    expect({ ref, prepayment: amountOn('customer-prepayments') }).toEqual({ ref, prepayment: order.paid - order.refunded - order.refundPending });
    const earning = await strapi.db.query('plugin::settlement.worker-earning').findOne({ where: { ref } });
    expect(earning).toMatchObject({ orderDocumentId: order.documentId, workerId: order.worker.id });
    expect(earning.net + earning.commission).toBe(earning.gross);
    expect(0 - amountOn(`worker-payable:${order.worker.id}`)).toBe(earning.net);
    expect(0 - amountOn('income:commission')).toBe(earning.commission);
  }
  expect(await ledger.trialBalance()).toBe(0);
}
