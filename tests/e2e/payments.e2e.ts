import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { buildOrderWorld, localAt, pay } from '../helpers/orders';
import { registerSuperAdmin, startBuiltApp, type AdminAccount, type RunningApp } from './server';

const ARTIFACTS = path.resolve(__dirname, '..', '.artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const appDir = path.resolve(__dirname, '..', '..');

interface SeededPayment {
  orderDocumentId: string;
  orderNo: string;
  paymentDocumentId: string;
  outTradeNo: string;
}

let app: RunningApp;
let admin: AdminAccount;
let browser: Browser;
let page: Page;
let seeded: SeededPayment[];

/** Screenshots wait for dialogs to finish fading in, so they show what the operator sees. */
async function shot(name: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

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

/** Two orders paid in full through the sandbox channel, seeded into the server's SQLite file before it starts. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  const saved = process.env;
  process.env = { ...env };
  const { createStrapi } = await import('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    strapi.server.mount();
    const http = request(strapi.server.httpServer);
    const world = await buildOrderWorld(strapi, http);
    const place = async (scheduledAt: string): Promise<SeededPayment> => {
      const res = await http
        .post('/api/orders')
        .set(world.member.auth)
        .send({ serviceItem: world.hourly, quantity: 2, address: world.address, scheduledAt, paymentMode: 'full' });
      if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
      const payment = await pay(strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
      return { orderDocumentId: res.body.data.documentId, orderNo: res.body.data.orderNo, paymentDocumentId: payment.documentId, outTradeNo: payment.outTradeNo };
    };
    seeded = [await place(localAt(3, 10)), await place(localAt(3, 14))];
  } finally {
    await strapi.destroy();
    process.env = saved;
  }
}

async function adminGet(pathname: string): Promise<any> {
  const res = await fetch(`${app.url}${pathname}`, { headers: { Authorization: `Bearer ${admin.token}` } });
  if (!res.ok) throw new Error(`GET ${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}

const row = (outTradeNo: string) => page.locator('tbody tr', { hasText: outTradeNo });

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startBuiltApp({ prepare: seed });
  admin = await registerSuperAdmin(app);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // An operator abroad: times must still read in Beijing time.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
  await context.addInitScript(() => localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false })));
  page = await context.newPage();
  page.setDefaultTimeout(20_000);

  await page.goto(`${app.url}/admin`);
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('nav').getByRole('link', { name: '内容管理' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('支付流水', () => {
  it('lists the payments in Chinese with yuan amounts and Beijing times', async () => {
    await page.locator('nav').getByRole('link', { name: '支付流水' }).click();
    await page.getByRole('heading', { name: '支付流水' }).waitFor();
    await page.getByText('共 2 笔支付').waitFor();
    const [first] = seeded;
    const listed = await adminGet(`/payments/payments?q=${first.outTradeNo}`);
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

    const detail = await adminGet(`/payments/payments/${second.paymentDocumentId}`);
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
