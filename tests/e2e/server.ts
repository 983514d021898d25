import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

const appDir = path.resolve(__dirname, '..', '..');
const BOOT_TIMEOUT_MS = 60_000;

export interface RunningApp {
  url: string;
  /** Server output so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface AdminAccount {
  email: string;
  password: string;
  token: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Only what the app needs: the developer's .env, Redis or MariaDB settings must not leak in. */
function serverEnv(port: number, databaseFile: string, emptyEnvFile: string): NodeJS.ProcessEnv {
  const secret = () => crypto.randomBytes(16).toString('hex');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: os.tmpdir(),
    // Not production: the e2e pays through the sandbox, which is refused with NODE_ENV=production.
    NODE_ENV: 'test',
    ENV_PATH: emptyEnvFile,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    PAYMENTS_SANDBOX: 'true',
    SANDBOX_PAY_SECRET: secret(),
    // Production refuses the console provider; the e2e never sends an SMS.
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: 'e2e',
    ALIYUN_SMS_ACCESS_KEY_SECRET: secret(),
    ALIYUN_SMS_ENDPOINT: 'http://127.0.0.1:9',
    STRAPI_LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`strapi start not healthy after ${BOOT_TIMEOUT_MS} ms:\n${output()}`);
}

export interface StartOptions {
  /** Runs before the server starts, with the server's environment (e.g. to seed its SQLite file in-process). */
  prepare?: (env: NodeJS.ProcessEnv) => Promise<void>;
}

/** Starts the built app (`dist/`, admin in `dist/build`) on a fresh SQLite file and a free port. */
export async function startBuiltApp(options: StartOptions = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
    throw new Error('dist/build is missing: run `npm run build` first');
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmen-e2e-'));
  const emptyEnvFile = path.join(workDir, 'empty.env');
  fs.writeFileSync(emptyEnvFile, '');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const env = serverEnv(port, path.join(workDir, 'e2e.db'), emptyEnvFile);
  try {
    await options.prepare?.(env);
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const output = () => log.slice(-4000);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
}

/** The first super admin, created the way the admin's welcome page does it. */
export async function registerSuperAdmin(app: RunningApp): Promise<AdminAccount> {
  const account = { email: 'e2e-ops@example.com', password: `E2e${crypto.randomBytes(6).toString('hex')}` };
  const res = await fetch(`${app.url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...account, firstname: '运营', lastname: '王' }),
  });
  if (!res.ok) throw new Error(`register-admin: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { token: string } };
  return { ...account, token: body.data.token };
}

/** Creates an entry through the Content Manager API, as the admin's edit view does. */
export async function createEntry(
  app: RunningApp,
  admin: AdminAccount,
  uid: string,
  data: Record<string, unknown>,
): Promise<{ documentId: string }> {
  const res = await fetch(`${app.url}/content-manager/collection-types/${uid}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.token}` },
    body: JSON.stringify(data),
  });
  if (!res.ok) throw new Error(`create ${uid}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { documentId: string } };
  return body.data;
}
