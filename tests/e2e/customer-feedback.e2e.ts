import type { Page } from 'playwright-core';
import { inDepartWindow, localAt } from '../helpers/orders';
import { openAdminSession, shot, type AdminSession } from './admin-session';
import { seedWorld } from './seed-world';

let session: AdminSession;
let page: Page;
let seeded: { orderNo: string; review: string; ticket: string };

// Enum values the API carries beside their labels: none may reach the screen.
const RAW_ENUMS = /\b(submitted|processing|replied|closed|complaint|suggestion|pending|done|none|member|staff)\b/;

/** A member's cleaning done by 王秀英, reviewed 1/2/2 (a bad review), and a complaint about it. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  seeded = await seedWorld(env, async ({ strapi, http, world, placePaidOrder }) => {
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: world.member.id }, data: { nickname: '陈小姐' } });
    const order = await placePaidOrder(localAt(2, 9));
    const worker = world.workers[0];
    const step = async (name: string) => {
      const res = await http.post(`/api/orders/${order.documentId}/${name}`).set(worker.auth).send({});
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await step('accept');
    await inDepartWindow(strapi, order.documentId, async () => {
      for (const name of ['depart', 'arrive', 'start', 'complete']) await step(name);
    });
    const review = await http.post('/api/reviews').set(world.member.auth).send({ order: order.documentId, ratings: { quality: 1, attitude: 2, skill: 2 }, content: '迟到一小时，厨房没擦干净' });
    if (review.status !== 201) throw new Error(`review: ${review.status} ${JSON.stringify(review.body)}`);
    const ticket = await http.post('/api/tickets').set(world.member.auth).send({ type: 'complaint', order: order.documentId, content: '师傅迟到一小时，也没有提前打电话' });
    if (ticket.status !== 201) throw new Error(`ticket: ${ticket.status} ${JSON.stringify(ticket.body)}`);
    return { orderNo: order.orderNo, review: review.body.data.documentId, ticket: ticket.body.data.documentId };
  });
}

async function expectNoRawEnums(): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.match(RAW_ENUMS)?.[0] ?? null).toBeNull();
}

beforeAll(async () => {
  session = await openAdminSession({ prepare: seed, operator: { role: '客服', firstname: '小美', lastname: '李', email: 'kefu-e2e@example.com' } });
  page = session.page;
}, 240_000);

afterAll(async () => {
  await session?.close();
});

describe('客户反馈 as 客服', () => {
  it('answers a complaint: assign to me, reply, close', async () => {
    await page.locator('nav').getByRole('link', { name: '客户反馈' }).click();
    await page.getByRole('heading', { name: '客户反馈' }).waitFor();
    await page.getByRole('tab', { name: '投诉建议' }).waitFor();
    const row = page.locator('tbody tr', { hasText: '师傅迟到一小时' });
    await row.waitFor();
    await row.getByText('待处理').waitFor();
    await row.getByText('投诉').waitFor();
    await row.getByText(seeded.orderNo).waitFor();
    await expectNoRawEnums();
    await shot(page, 'feedback-01-tickets');

    await row.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`投诉：${seeded.orderNo}`).waitFor();
    await dialog.getByText('首次响应时限').first().waitFor();

    await dialog.getByRole('button', { name: '指派给我' }).click();
    let confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: '指派给我' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText('处理中').first().waitFor();
    await dialog.getByText('李小美').first().waitFor();

    await dialog.getByRole('button', { name: '回复' }).click();
    confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('非常抱歉，已提醒师傅，下次服务会提前联系您');
    await confirm.getByRole('button', { name: '回复' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByTestId('ticket-thread').getByText('非常抱歉，已提醒师傅').waitFor();
    await dialog.getByText('已回复').first().waitFor();
    await expectNoRawEnums();
    await shot(page, 'feedback-02-ticket-replied', { settled: true });

    await dialog.getByRole('button', { name: '关闭工单' }).click();
    confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('已致歉，会员表示理解');
    await confirm.getByRole('button', { name: '关闭工单' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText('已关闭').first().waitFor();
    await dialog.getByText('已致歉，会员表示理解').waitFor();
    await expect(dialog.getByRole('button', { name: '回复' }).count()).resolves.toBe(0);
    await expectNoRawEnums();

    const saved = (await session.adminGet(`/feedback/tickets/${seeded.ticket}`)).data;
    expect(saved).toMatchObject({ status: 'closed', assignee: { name: '李小美' }, resolution: '已致歉，会员表示理解' });
    expect(saved.replies.map((r: any) => r.author)).toContain('staff');
    await dialog.getByRole('button', { name: '关闭' }).first().click();
  });

  it('follows up a bad review with a note', async () => {
    await page.getByRole('tab', { name: '差评跟进' }).click();
    const row = page.locator('tbody tr', { hasText: seeded.orderNo });
    await row.waitFor();
    await row.getByText('待跟进').waitFor();
    await row.getByText('王秀英').waitFor();
    await row.getByText('陈** 138****0000').waitFor();
    await row.getByText('1.67 分').waitFor();
    await expectNoRawEnums();
    await shot(page, 'feedback-03-reviews');

    await row.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`订单 ${seeded.orderNo} 的评价`).waitFor();
    await dialog.getByText('迟到一小时，厨房没擦干净').waitFor();
    await dialog.getByText('尚未记录跟进').waitFor();
    await dialog.getByRole('button', { name: '记录跟进' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('已电话致歉，约明天返工');
    await confirm.getByRole('button', { name: '记录跟进' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText('已电话致歉，约明天返工').waitFor();
    await dialog.getByText('已跟进').first().waitFor();
    await dialog.getByText(/李小美/).first().waitFor();
    await expectNoRawEnums();
    await shot(page, 'feedback-04-review-followed-up', { settled: true });

    const saved = (await session.adminGet(`/feedback/reviews/${seeded.review}`)).data;
    expect(saved).toMatchObject({ followUp: 'done', followUpNote: '已电话致歉，约明天返工', followedUpBy: expect.stringContaining('李小美') });
  });
});
