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
});
