import type { Page } from 'playwright-core';
import { localAt } from '../helpers/orders';
import { openAdminSession, shot, type AdminSession } from './admin-session';
import { seedWorld, type PaidOrder } from './seed-world';

let session: AdminSession;
let page: Page;
let order: PaidOrder;

/** A paid order in manual mode, and the three cleaners living near the member. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  order = await seedWorld(env, async ({ strapi, world, placePaidOrder }) => {
    const homes = [
      { lat: 31.195, lng: 121.432 },
      { lat: 31.2, lng: 121.45 },
      { lat: 31.225, lng: 121.455 },
    ];
    for (const [i, w] of world.workers.entries()) {
      await strapi.documents('api::people.worker').update({ documentId: w.workerDocumentId, data: { homeLat: homes[i].lat, homeLng: homes[i].lng } } as any);
    }
    const settings = strapi.documents('api::settings.platform-setting');
    const current = await strapi.service('api::settings.platform-setting').current();
    await settings.create({ data: { dispatch: { ...current.dispatch, mode: 'manual' } } } as any);
    return placePaidOrder(localAt(3, 10));
  });
}

beforeAll(async () => {
  session = await openAdminSession({ prepare: seed });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('调度台', () => {
  it('lists the pending order, shows candidates with their score breakdown, and assigns in one click', async () => {
    await page.locator('nav').getByRole('link', { name: '调度台' }).click();
    await page.getByRole('heading', { name: '调度台' }).waitFor();
    const row = page.locator('tbody tr', { hasText: order.orderNo });
    await row.waitFor();
    await row.getByText('人工派单').waitFor();
    await row.getByText(/距上门/).waitFor();
    await page.getByText('待人工派单').first().waitFor();
    await shot(page, 'dispatch-01-board');

    await row.click();
    const candidate = page.locator('tr', { hasText: '王秀英' });
    await candidate.waitFor();
    await expect(candidate.innerText()).resolves.toMatch(/距离 \d/);
    await shot(page, 'dispatch-02-candidates');

    await candidate.getByRole('button', { name: '当日安排' }).click();
    await page.getByText('王秀英 的当日安排').waitFor();
    await candidate.getByRole('button', { name: '指派' }).click();
    await page.getByText('已指派给 王秀英').waitFor();
    await page.locator('tbody tr', { hasText: order.orderNo }).waitFor({ state: 'detached' });
    await shot(page, 'dispatch-03-assigned');
    const detail = await session.adminGet(`/orders/orders/${order.documentId}`);
    expect(detail.data.status).toBe('accepted');
    expect(detail.data.workerName).toBe('王秀英');
  });

  it('edits a worker\'s weekly windows in 师傅排班 and refuses a day off that would drop their order', async () => {
    const workers = (await session.adminGet('/dispatch/workers')).data as Array<{ documentId: string; realName: string }>;
    const li = workers.find((x) => x.realName === '李春花')!;
    const pick = async (name: string) => {
      await page.getByRole('combobox', { name: '选择师傅' }).click();
      await page.getByRole('option', { name: new RegExp(name) }).click();
    };

    await pick('李春花');
    await page.getByText('未设置时段：每天按平台营业时间接单').waitFor();
    await page.getByRole('button', { name: '周二添加时段' }).click();
    await page.getByRole('textbox', { name: '周二第1段结束' }).fill('12:30');
    await page.getByRole('button', { name: '周二添加时段' }).click();
    await page.getByRole('textbox', { name: '周二第2段开始' }).fill('12:00');
    await page.getByRole('button', { name: '保存排班' }).click();
    // Overlapping windows: the server's message, nothing saved.
    await page.getByRole('alert').filter({ hasText: /重叠|重合/ }).waitFor();
    expect((await session.adminGet(`/dispatch/workers/${li.documentId}/schedule`)).data.weekly).toEqual([]);
    await page.getByRole('button', { name: '删除周二第2段' }).click();
    await page.getByRole('textbox', { name: '每日接单上限' }).fill('3');
    await page.getByRole('button', { name: '保存排班' }).click();
    await page.getByText('排班已保存').waitFor();
    await shot(page, 'dispatch-04-schedule-saved');
    const saved = (await session.adminGet(`/dispatch/workers/${li.documentId}/schedule`)).data;
    expect(saved.weekly).toEqual([{ weekday: 2, start: '09:00', end: '12:30' }]);
    expect(saved.maxOrdersPerDay).toBe(3);

    // After a reload the page shows what was saved.
    await page.reload();
    await page.getByRole('heading', { name: '师傅排班' }).waitFor();
    await pick('李春花');
    await expect(page.getByRole('textbox', { name: '周二第1段结束' }).inputValue()).resolves.toBe('12:30');

    // 王秀英 has the order assigned above: a day off on its date is refused, naming the order.
    await pick('王秀英');
    await page.getByRole('button', { name: '添加休息日' }).waitFor();
    await page.getByRole('button', { name: '添加休息日' }).click();
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(order.scheduledAt));
    await page.getByRole('textbox', { name: '休息日1' }).fill(date);
    await page.getByRole('button', { name: '保存排班' }).click();
    await page.getByRole('alert').filter({ hasText: order.orderNo }).waitFor();
    await shot(page, 'dispatch-05-schedule-conflict');
    const wang = workers.find((x) => x.realName === '王秀英')!;
    expect((await session.adminGet(`/dispatch/workers/${wang.documentId}/schedule`)).data.daysOff).toEqual([]);
  });
});
