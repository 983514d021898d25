import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { openAdminSession, shot, type AdminSession } from './admin-session';
import { seedWorld } from './seed-world';

// Issue 9: a file a member uploads, or one planted under public/uploads, must never run script
// in the admin's origin (stored XSS against every 客服 who opens it).

const uploadsDir = path.resolve(__dirname, '..', '..', 'public', 'uploads');
const tag = `${process.pid}-${Date.now()}`;
const PAYLOAD = `<script>localStorage.setItem('__pwned', location.href); window.__pwned = 1; try { parent.__pwned = 1 } catch (e) {}</script>`;
const planted = {
  html: `e2e-pwn-${tag}.html`,
  svg: `e2e-pwn-${tag}.svg`,
};

let session: AdminSession;
let page: Page;
let memberAuth: Record<string, string>;

const pwned = () => page.evaluate(() => ({ flag: (window as any).__pwned ?? null, stored: localStorage.getItem('__pwned') }));

beforeAll(async () => {
  fs.writeFileSync(path.join(uploadsDir, planted.html), `<!doctype html><html><body><h1>hello</h1>${PAYLOAD}</body></html>`);
  fs.writeFileSync(path.join(uploadsDir, planted.svg), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${PAYLOAD}</svg>`);
  session = await openAdminSession({
    prepare: async (env) => {
      memberAuth = await seedWorld(env, async ({ world }) => world.member.auth);
    },
  });
  page = session.page;
  // Seeding, booting the built app and signing in: slow on a busy 2-core machine.
}, 180_000);

afterAll(async () => {
  await session?.close();
  for (const name of Object.values(planted)) fs.rmSync(path.join(uploadsDir, name), { force: true });
});

describe('uploaded files cannot run script in the admin origin', () => {
  it('refuses HTML and SVG from a member and from the media library', async () => {
    for (const [name, type, body] of [
      ['x.html', 'text/html', `<html>${PAYLOAD}</html>`],
      ['x.svg', 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg">${PAYLOAD}</svg>`],
      ['x.png', 'image/png', `<html>${PAYLOAD}</html>`],
    ]) {
      const form = new FormData();
      form.append('purpose', 'review');
      form.append('files', new Blob([body], { type }), name);
      const member = await fetch(`${session.app.url}/api/me/uploads`, { method: 'POST', headers: memberAuth, body: form });
      expect(member.status).toBe(400);
      expect(((await member.json()) as any).error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');

      // Strapi's own check lets an admin store HTML named .png (it detects no type in text); it is
      // then served as image/png with nosniff and the sandbox CSP, which the planted-file checks cover.
      if (name === 'x.png') continue;
      const adminForm = new FormData();
      adminForm.append('files', new Blob([body], { type }), name);
      const admin = await fetch(`${session.app.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${session.admin.token}` }, body: adminForm });
      expect(admin.status).toBeGreaterThanOrEqual(400);
      expect(admin.status).toBeLessThan(500);
    }
    // The media library itself still takes pictures.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const pictureForm = new FormData();
    pictureForm.append('files', new Blob([png], { type: 'image/png' }), 'banner.png');
    const picture = await fetch(`${session.app.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${session.admin.token}` }, body: pictureForm });
    expect(picture.status).toBe(201);
    const files = await session.adminGet('/upload/files?pageSize=100');
    expect((files.results ?? []).filter((f: { ext: string }) => ['.html', '.svg'].includes(f.ext))).toEqual([]);
  });

  it('keeps the media library working with the signing upload provider', async () => {
    await page.goto(`${session.app.url}/admin/plugins/upload`);
    await page.getByRole('heading', { name: /媒体库/ }).first().waitFor();
    await page.getByText('banner.png').first().waitFor();
    await shot(page, 'uploads-media-library');
  });

  it.each(Object.entries(planted))('does not run a planted %s file opened from the admin', async (_kind, name) => {
    const url = `${session.app.url}/uploads/${name}`;
    await page.goto(`${session.app.url}/admin`);
    await page.locator('nav').getByRole('link', { name: '内容管理' }).waitFor();
    expect(await pwned()).toEqual({ flag: null, stored: null });

    // Embedded in an admin page (as a preview would be) …
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.onload = () => resolve();
          setTimeout(resolve, 3000);
          document.body.appendChild(frame);
        }),
      url,
    );
    await page.waitForTimeout(500);
    expect(await pwned()).toEqual({ flag: null, stored: null });

    // … and opened directly (a 客服 clicking the link): it downloads instead of rendering.
    const opened = await page.context().newPage();
    const download = opened.waitForEvent('download', { timeout: 5000 }).catch(() => null);
    await opened.goto(url).catch(() => undefined);
    expect(await download).not.toBeNull();
    await opened.close();
    await page.goto(`${session.app.url}/admin`);
    await page.locator('nav').getByRole('link', { name: '内容管理' }).waitFor();
    expect(await pwned()).toEqual({ flag: null, stored: null });
    await shot(page, `uploads-${_kind}-not-run`);
  });
});
