import type { Page } from 'playwright-core';
import { localAt } from '../helpers/orders';
import { openAdminSession, shot as screenshot, type AdminSession } from './admin-session';
import { seedWorld } from './seed-world';

interface SeededPayment {
  orderDocumentId: string;
  orderNo: string;
  paymentDocumentId: string;
  outTradeNo: string;
}

let session: AdminSession;
let page: Page;
let seeded: SeededPayment[];

/** Screenshots wait for dialogs to finish fading in, so they show what the operator sees. */
const shot = (name: string) => screenshot(page, name, { settled: true });

/** "YYYY-MM-DD HH:mm:ss" of an instant in Beijing time, computed independently of the admin code. */
const beijing = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));

/** Two orders paid in full through the sandbox channel. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  seeded = await seedWorld(env, async ({ placePaidOrder }) => {
    const paid = [await placePaidOrder(localAt(3, 10)), await placePaidOrder(localAt(3, 14))];
    return paid.map((order) => ({
      orderDocumentId: order.documentId,
      orderNo: order.orderNo,
      paymentDocumentId: order.payment.documentId,
      outTradeNo: order.payment.outTradeNo,
    }));
  });
}

const row = (outTradeNo: string) => page.locator('tbody tr', { hasText: outTradeNo });

beforeAll(async () => {
  // An operator abroad: times must still read in Beijing time.
  session = await openAdminSession({ prepare: seed, timezoneId: 'America/New_York' });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('支付流水', () => {
  it('lists the payments in Chinese with yuan amounts and Beijing times', async () => {
    await page.locator('nav').getByRole('link', { name: '支付流水' }).click();
    await page.getByRole('heading', { name: '支付流水' }).waitFor();
    await page.getByText('共 2 笔支付').waitFor();
    const [first] = seeded;
    const listed = await session.adminGet(`/payments/payments?q=${first.outTradeNo}`);
    const cells = (await row(first.outTradeNo).locator('td').allInnerTexts()).map((text) => text.trim());
    expect(cells).toEqual([first.outTradeNo, first.orderNo, '沙箱', '全款', '¥90.00', '已支付', '¥0.00', beijing(listed.data[0].paidAt)]);
    await shot('payments-01-list');
  });

  it('finds a payment by its order number', async () => {
    const [, second] = seeded;
    await page.getByPlaceholder('订单号 / 交易号 / 商户单号').fill(second.orderNo);
    await page.waitForURL(/q=SM/);
    await page.getByText('共 1 笔支付').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await row(second.outTradeNo).waitFor();
    await shot('payments-02-search');
  });

  it('refunds ¥10.00 with a reason from the detail and shows 部分退款', async () => {
    const [, second] = seeded;
    await row(second.outTradeNo).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`支付 ${second.outTradeNo}`).waitFor();
    await dialog.getByText(`${second.orderNo}（待接单）`).waitFor();
    await dialog.locator('[data-fact="refundable"]').getByText('¥90.00').waitFor();
    await dialog.getByText('暂无退款').waitFor();
    await shot('payments-03-detail');

    await dialog.getByRole('button', { name: '退款', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    const submit = confirm.getByRole('button', { name: '确认退款' });
    const amount = confirm.locator('input[name="amount"]');
    await amount.fill('100');
    await amount.blur();
    await confirm.getByText('超过可退金额 ¥90.00').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await shot('payments-04-refund-too-much');
    await amount.fill('10.00');
    await confirm.locator('textarea[name="reason"]').fill('服务时长缩短，退差价');
    await shot('payments-05-refund-dialog');
    await submit.click();

    await page.getByText('退款成功').first().waitFor();
    await dialog.locator('[data-status="partially_refunded"]').getByText('部分退款').waitFor();
    const refundRow = dialog.locator('[data-refund]');
    await refundRow.getByText('¥10.00').waitFor();
    await refundRow.getByText('服务时长缩短，退差价').waitFor();
    await refundRow.locator('[data-refund-status="success"]').waitFor();
    await dialog.locator('[data-fact="refunded"]').getByText('¥10.00').waitFor();
    await dialog.locator('[data-fact="refundable"]').getByText('¥80.00').waitFor();
    await shot('payments-06-refunded');

    const detail = await session.adminGet(`/payments/payments/${second.paymentDocumentId}`);
    expect(detail.data).toMatchObject({ status: 'partially_refunded', refundedAmount: 1000 });
    expect(detail.data.refunds).toEqual([expect.objectContaining({ amount: 1000, reason: '服务时长缩短，退差价', status: 'success', requestedBy: 'operator' })]);

    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await row(second.outTradeNo).getByText('部分退款').waitFor();
    const after = (await row(second.outTradeNo).locator('td').allInnerTexts()).map((text) => text.trim());
    expect(after[5]).toBe('部分退款');
    expect(after[6]).toBe('¥10.00');
    await shot('payments-07-list-after');
  });
});
