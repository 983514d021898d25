import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { registerSuperAdmin, startBuiltApp, type AdminAccount, type RunningApp, type StartOptions } from './server';

const ARTIFACTS = path.resolve(__dirname, '..', '.artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AdminSession {
  app: RunningApp;
  /** The first super admin (运营 王). */
  admin: AdminAccount;
  browser: Browser;
  page: Page;
  /** What the admin API says, read with the operator's token, to check the UI against the server. */
  adminGet(pathname: string): Promise<any>;
  close(): Promise<void>;
}

interface SessionOptions extends StartOptions {
  /** An operator abroad, e.g. 'America/New_York'; the machine's zone when left out. */
  timezoneId?: string;
  /** Sign in before the tests (false: the tests start on the login page themselves). */
  signIn?: boolean;
  /**
   * Sign the browser in as an operator with this shipped admin role (e.g. 客服) instead of the
   * super admin, invited and registered the way the admin's 用户 page does it. `adminGet` still
   * reads with the super admin's token.
   */
  operator?: { role: string; firstname: string; lastname: string; email: string };
}

/**
 * Debian's chromium, headless, on an English-speaking machine. The first super admin gets
 * Strapi's developer tour (schema, API tokens, deploy); it would cover the pages under test, and
 * operators with other roles never see it: it is off.
 */
async function launchBrowser(timezoneId: string | undefined): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId });
  await context.addInitScript(() => localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false })));
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { browser, page };
}

/** Signs in on the admin's login page and waits for the Chinese navigation. */
async function logIn(page: Page, app: RunningApp, admin: AdminAccount): Promise<void> {
  await page.goto(`${app.url}/admin`);
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('nav').getByRole('link', { name: '内容管理' }).waitFor();
}

/** An admin user with a shipped role, invited by the super admin and registered with a password. */
async function inviteOperator(app: RunningApp, admin: AdminAccount, operator: NonNullable<SessionOptions['operator']>): Promise<AdminAccount> {
  const call = async (method: string, pathname: string, body?: unknown, token: string | null = admin.token) => {
    const res = await fetch(`${app.url}${pathname}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const roles = (await call('GET', '/admin/roles')).data as Array<{ id: number; name: string }>;
  const role = roles.find((r) => r.name === operator.role);
  if (!role) throw new Error(`no admin role ${operator.role}: ${roles.map((r) => r.name).join(', ')}`);
  const invited = (await call('POST', '/admin/users', { firstname: operator.firstname, lastname: operator.lastname, email: operator.email, roles: [role.id] })).data;
  const password = `Op${crypto.randomBytes(6).toString('hex')}A1`;
  const registered = await call('POST', '/admin/register', { registrationToken: invited.registrationToken, userInfo: { firstname: operator.firstname, lastname: operator.lastname, password } }, null);
  return { email: operator.email, password, token: registered.data.token };
}

/** The built app on a fresh database (`prepare` seeds it first), its first super admin, and a browser. */
export async function openAdminSession({ prepare, timezoneId, signIn = true, operator }: SessionOptions = {}): Promise<AdminSession> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const app = await startBuiltApp({ prepare });
  let browser: Browser | undefined;
  try {
    const admin = await registerSuperAdmin(app);
    const launched = await launchBrowser(timezoneId);
    browser = launched.browser;
    if (signIn) await logIn(launched.page, app, operator ? await inviteOperator(app, admin, operator) : admin);
    return {
      app,
      admin,
      browser,
      page: launched.page,
      adminGet: async (pathname) => {
        const res = await fetch(`${app.url}${pathname}`, { headers: { Authorization: `Bearer ${admin.token}` } });
        if (!res.ok) throw new Error(`GET ${pathname}: ${res.status} ${await res.text()}`);
        return res.json();
      },
      close: async () => {
        await launched.browser.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.stop();
    throw error;
  }
}

/**
 * Saves tests/.artifacts/<name>.png. `settled` first waits for dialogs to finish fading in, so the
 * picture shows what the operator sees (it would wait forever on a page with a spinning loader).
 */
export async function shot(page: Page, name: string, { settled = false }: { settled?: boolean } = {}): Promise<void> {
  if (settled) await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}
