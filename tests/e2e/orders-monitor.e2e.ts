import type { Page } from 'playwright-core';
import { localAt } from '../helpers/orders';
import { openAdminSession, shot as screenshot, type AdminSession } from './admin-session';
import { seedWorld, type PaidOrder } from './seed-world';

interface Seeded {
  onTime: PaidOrder;
  overdue: PaidOrder;
}

let session: AdminSession;
let page: Page;
let seeded: Seeded;

const shot = (name: string) => screenshot(page, name);

/** "YYYY-MM-DD" of an instant on the Shanghai calendar, computed independently of the admin code. */
const shanghaiDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

/** Two paid orders, one of them paid two hours ago and still not accepted. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  seeded = await seedWorld(env, async ({ strapi, placePaidOrder }) => {
    const onTime = await placePaidOrder(localAt(3, 10));
    const overdue = await placePaidOrder(localAt(3, 14));
    // Nobody accepted it for two hours (timeout 30 min): the monitor must flag it.
    await strapi.db.query('plugin::orders.order').update({
      where: { documentId: overdue.documentId },
      data: { paidAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    return { onTime, overdue };
  });
}

const row = (orderNo: string) => page.locator('tbody tr', { hasText: orderNo });

beforeAll(async () => {
  // An operator abroad: times must still read in Beijing time.
  session = await openAdminSession({ prepare: seed, timezoneId: 'America/New_York' });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('订单监控', () => {
  it('lists paid orders in Chinese with Beijing times and yuan amounts', async () => {
    await page.locator('nav').getByRole('link', { name: '订单监控' }).click();
    await page.getByRole('heading', { name: '订单监控' }).waitFor();
    const onTime = row(seeded.onTime.orderNo);
    await onTime.waitFor();
    const cells = (await onTime.locator('td').allInnerTexts()).map((text) => text.trim());
    expect(cells[0]).toBe(seeded.onTime.orderNo);
    expect(cells[1]).toContain('日常保洁');
    expect(cells[2]).toBe('上海');
    expect(cells[3]).toMatch(new RegExp(`^${shanghaiDay(seeded.onTime.scheduledAt)} 周. 10:00$`));
    expect(cells[4]).toBe('待接单');
    expect(cells[5]).toBe('未指派');
    expect(cells[6]).toBe('¥90.00');
    expect(cells[7]).toBe('');
    await page.getByText('共 2 个订单').waitFor();
    await shot('orders-01-list');
  });

  it('highlights the order nobody accepted and filters to exceptions only', async () => {
    const overdue = row(seeded.overdue.orderNo);
    await overdue.getByText('超时未接单').waitFor();
    const tint = await overdue.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(tint).not.toBe('rgba(0, 0, 0, 0)');
    expect(tint).not.toBe('rgb(255, 255, 255)');

    await page.getByRole('switch', { name: '只看异常' }).click();
    await page.waitForURL(/exceptions=true/);
    await page.getByText('共 1 个订单').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expect(row(seeded.onTime.orderNo).count()).resolves.toBe(0);
    await shot('orders-02-exceptions-only');

    await page.getByRole('button', { name: '清空筛选' }).click();
    await page.getByText('共 2 个订单').waitFor();
  });

  it('finds an order by its number', async () => {
    await page.getByPlaceholder('输入订单号搜索').fill(seeded.overdue.orderNo);
    await page.waitForURL(/q=/);
    await page.getByText('共 1 个订单').waitFor();
    await row(seeded.overdue.orderNo).waitFor();
    await page.getByRole('button', { name: '清空筛选' }).click();
    await page.getByText('共 2 个订单').waitFor();
  });

  it('assigns a worker to the overdue order from its detail', async () => {
    await row(seeded.overdue.orderNo).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`订单 ${seeded.overdue.orderNo}`).waitFor();
    await dialog.getByRole('button', { name: '指派师傅' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('combobox').click();
    await page.getByRole('option', { name: /王阿姨/ }).click();
    await confirm.getByRole('button', { name: '确认指派' }).click();
    await page.getByText('已指派师傅').first().waitFor();
    await dialog.locator('[data-status="accepted"]').waitFor();
    await dialog.locator('[data-event="accept"]').getByText('操作方：运营').waitFor();
    await shot('orders-03-assigned');
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await row(seeded.overdue.orderNo).getByText('已接单').waitFor();
  });

  it('shows the detail with its timeline and cancels it with a reason', async () => {
    await row(seeded.onTime.orderNo).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`订单 ${seeded.onTime.orderNo}`).waitFor();
    const events = dialog.locator('[data-event]');
    await events.first().waitFor();
    expect(await events.evaluateAll((els) => els.map((el) => el.getAttribute('data-event')))).toEqual(['create', 'pay']);
    await dialog.locator('[data-event="pay"]').getByText('支付', { exact: true }).waitFor();
    await dialog.locator('[data-event="pay"]').getByText('待支付 → 待接单').waitFor();
    await dialog.locator('[data-amount="amounts.paid"]').getByText('¥90.00').waitFor();
    await dialog.getByText('陈女士 13811110000').waitFor();
    await shot('orders-04-detail');

    await dialog.getByRole('button', { name: '取消订单' }).click();
    const confirm = page.getByRole('alertdialog');
    const submit = confirm.getByRole('button', { name: '确认取消' });
    expect(await submit.isDisabled()).toBe(true);
    await confirm.locator('textarea[name="reason"]').fill('客户临时有事');
    await confirm.getByRole('checkbox', { name: '免收取消费' }).click();
    await shot('orders-05-cancel-dialog');
    await submit.click();

    await page.getByText('订单已取消').first().waitFor();
    await dialog.locator('[data-status="cancelled"]').waitFor();
    const cancel = dialog.locator('[data-event="cancel"]');
    await cancel.getByText('取消订单').waitFor();
    await cancel.getByText('原因：客户临时有事').waitFor();
    await dialog.getByText('客户临时有事', { exact: true }).waitFor();
    await expect(dialog.getByRole('button', { name: '取消订单' }).count()).resolves.toBe(0);
    await shot('orders-06-cancelled');

    const detail = await session.adminGet(`/orders/orders/${seeded.onTime.documentId}`);
    expect(detail.data.status).toBe('cancelled');
    expect(detail.data.cancelReason).toBe('客户临时有事');

    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await row(seeded.onTime.orderNo).getByText('已取消').waitFor();
    await shot('orders-07-list-after');
  });
});
