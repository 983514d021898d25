import type { Page } from 'playwright-core';
import { openAdminSession, shot as screenshot, type AdminSession } from './admin-session';
import { createEntry, type AdminAccount, type RunningApp } from './server';

const ITEM_LIST = '/admin/content-manager/collection-types/api::catalog.service-item';

let app: RunningApp;
let admin: AdminAccount;
let session: AdminSession;
let page: Page;

const shot = (name: string) => screenshot(page, name);

beforeAll(async () => {
  // A browser that never opened the admin: the language must come from our default, not the OS.
  session = await openAdminSession({ signIn: false });
  ({ app, admin, page } = session);
  // A few rows so the list shows real columns, created through the admin's own API.
  const category = await createEntry(app, admin, 'api::catalog.service-category', {
    name: '日常保洁',
    slug: 'daily-cleaning',
    sort: 1,
    active: true,
  });
  for (const [i, item] of [
    { name: '日常保洁（2 小时）', slug: 'daily-2h', price: 10000, unit: 'time' },
    { name: '深度保洁', slug: 'deep-cleaning', price: 4500, unit: 'hour' },
    { name: '开荒保洁', slug: 'move-in-cleaning', price: 800, unit: 'sqm' },
  ].entries()) {
    await createEntry(app, admin, 'api::catalog.service-item', {
      ...item,
      sort: i + 1,
      active: true,
      durationMinutes: 120,
      minQuantity: 1,
      category: { connect: [{ documentId: category.documentId }] },
    });
  }
});

afterAll(async () => {
  await session?.close();
});

describe('the admin in Chinese', () => {
  it('shows the login page in Chinese', async () => {
    await page.goto(`${app.url}/admin`);
    await page.locator('input[name="email"]').waitFor();
    await page.getByText('欢迎使用上门管理后台').waitFor();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('strapi-admin-language'))).toBe('zh-Hans');
    await shot('01-login');
  });

  it('logs an operator in to a Chinese home page and navigation', async () => {
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('nav').getByRole('link', { name: '内容管理' }).waitFor();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    expect(await page.title()).toContain('上门 管理后台');
    await shot('02-home');
  });

  it('lists service items with Chinese column headers in sort order', async () => {
    await page.goto(`${app.url}${ITEM_LIST}`);
    await page.locator('thead').getByText('服务名称').waitFor();
    await page.locator('tbody').getByText('开荒保洁').waitFor();
    const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['服务名称', '所属分类', '价格（分）', '计价单位', '排序', '上架']));
    const names = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.map((name) => name.trim())).toEqual(['日常保洁（2 小时）', '深度保洁', '开荒保洁']);
    await shot('03-service-items');
  });

  it('explains fen prices in the edit view', async () => {
    await page.locator('tbody').getByText('深度保洁').click();
    await page.getByText('价格（分）').first().waitFor();
    await page.getByText('单位：分（100 = ¥1.00）；每个计价单位的价格').waitFor();
    await page.getByText('time = 按次，hour = 按小时', { exact: false }).waitFor();
    await shot('04-service-item-edit');
  });

  it('shows the media library in Chinese', async () => {
    await page.goto(`${app.url}/admin/plugins/upload`);
    await page.getByRole('heading', { name: /媒体库/ }).first().waitFor();
    await shot('05-media-library');
  });
});
