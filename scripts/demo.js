#!/usr/bin/env node
/**
 * npm run demo — one command from a fresh checkout to a running, seeded platform:
 *   1. writes .env with random dev secrets (or adds only the keys it lacks),
 *   2. builds the admin when dist/build is missing or older than src/ or config/,
 *   3. seeds the demo data (node scripts/seed.js),
 *   4. starts Strapi, waits for GET /_health and prints the URLs and demo accounts.
 * Ctrl+C / SIGTERM stop the server. Every failing step stops the demo with a non-zero exit.
 *
 *   npm run demo                 # as above
 *   npm run demo -- --no-build   # reuse the existing admin build even if sources changed
 *
 * PORT, HOST, DATABASE_* and ENV_PATH (the .env location) work as for the app.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const appDir = path.resolve(__dirname, '..');
const envPath = process.env.ENV_PATH || path.join(appDir, '.env');
const HEALTH_TIMEOUT_MS = 180_000;

class StepError extends Error {}

const secret = () => crypto.randomBytes(16).toString('base64');

/** Keys Strapi needs; generated once per checkout and kept in .env. */
const ENV_DEFAULTS = {
  HOST: () => '0.0.0.0',
  PORT: () => '1337',
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
  // The demo pays through the sandbox channel; a plain `npm start` without this keeps it off.
  PAYMENTS_SANDBOX: () => 'true',
};

function parseEnv(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    values[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

function ensureEnvFile() {
  const existing = fs.existsSync(envPath) ? fs.readFileSync(envPath, 'utf8') : null;
  const values = existing === null ? {} : parseEnv(existing);
  const missing = Object.keys(ENV_DEFAULTS).filter((key) => !values[key]);
  if (missing.length === 0) {
    console.log(`[demo] ${path.relative(appDir, envPath) || envPath} has every required key`);
    return values;
  }
  const added = missing.map((key) => `${key}=${ENV_DEFAULTS[key]()}`);
  const prefix =
    existing === null
      ? '# Development settings written by npm run demo; keep this file out of git.\n'
      : existing.endsWith('\n') || existing === ''
        ? ''
        : '\n';
  fs.writeFileSync(envPath, `${existing ?? ''}${prefix}${added.join('\n')}\n`, { mode: 0o600 });
  console.log(`[demo] ${existing === null ? 'created' : 'updated'} ${envPath}: ${missing.join(', ')}`);
  return { ...values, ...parseEnv(added.join('\n')) };
}

// Written by the documentation plugin on every boot, so it is always newer than the build.
const GENERATED = new Set([path.join(appDir, 'src', 'extensions', 'documentation')]);

/** The newest file under a directory, skipping dependency, output and generated folders. */
function newestFile(dir) {
  let newest = { mtimeMs: 0, file: null };
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'build') continue;
    const full = path.join(dir, entry.name);
    if (GENERATED.has(full)) continue;
    const candidate = entry.isDirectory() ? newestFile(full) : { mtimeMs: fs.statSync(full).mtimeMs, file: full };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

function buildReason() {
  const index = path.join(appDir, 'dist', 'build', 'index.html');
  if (!fs.existsSync(index)) return 'dist/build/index.html is missing';
  const builtAt = fs.statSync(index).mtimeMs;
  for (const dir of ['src', 'config']) {
    const newest = newestFile(path.join(appDir, dir));
    if (newest.mtimeMs > builtAt) return `${path.relative(appDir, newest.file)} is newer than the admin build`;
  }
  return null;
}

function run(label, command, args, env) {
  return new Promise((resolve, reject) => {
    console.log(`[demo] ${label}: ${[command, ...args].join(' ')}`);
    const child = spawn(command, args, { cwd: appDir, env, stdio: 'inherit' });
    child.on('error', (error) => reject(new StepError(`${label} could not start: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new StepError(`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StepError(`strapi start exited before it served (${child.signalCode ?? `exit code ${child.exitCode}`})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 204) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new StepError(`${url} did not answer 204 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/** Pads to a terminal width where CJK characters take two columns. */
function padDisplay(text, width) {
  const columns = [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - columns));
}

function banner(env) {
  const port = env.PORT || '1337';
  const base = `http://localhost:${port}`;
  const production = env.NODE_ENV === 'production';
  const adminEmail = env.ADMIN_EMAIL || 'admin@demo.shangmen';
  const adminPassword = env.ADMIN_PASSWORD || 'Admin12345!';
  const rule = '='.repeat(72);
  const lines = [
    '',
    rule,
    ' 上门 Shangmen 演示环境已启动 / the demo is running',
    '',
    ` 管理后台 Admin panel   ${base}/admin`,
    ` 接口地址 API base      ${base}/api`,
    ` 健康检查 Health        ${base}/_health`,
    '',
  ];
  if (production) {
    lines.push(' NODE_ENV=production：未创建演示账号 / no demo accounts in production');
  } else {
    const { DEMO_PASSWORD, MEMBER, OPERATORS } = require(path.join(appDir, 'dist', 'src', 'seed', 'accounts.js'));
    const { WORKERS, workerEmail } = require(path.join(appDir, 'dist', 'src', 'seed', 'workers.js'));
    const cities = [
      ['310100', '上海'],
      ['110100', '北京'],
      ['330100', '杭州'],
    ];
    const row = (label, account, password) => ` ${padDisplay(label, 26)}${account} / ${password}`;
    lines.push(' 演示账号 Demo accounts');
    lines.push(row('超级管理员 Super admin', adminEmail, adminPassword));
    for (const op of OPERATORS) lines.push(row(`${op.roleName} (admin)`, op.email, adminPassword));
    lines.push(row('会员 Member', MEMBER.email, DEMO_PASSWORD));
    lines.push(row('师傅 Workers', `${workerEmail(1)} … ${workerEmail(WORKERS.length)}`, DEMO_PASSWORD));
    for (const [adcode, name] of cities) {
      const numbers = WORKERS.filter((w) => w.city === adcode).map((w) => w.n);
      lines.push(` ${padDisplay('', 26)}${name} worker${Math.min(...numbers)}–${Math.max(...numbers)}`);
    }
    lines.push(` 会员与师傅登录 Member/worker sign-in: POST ${base}/api/auth/local { identifier, password }`);
  }
  lines.push('', ' 按 Ctrl+C 停止 / press Ctrl+C to stop', rule, '');
  return lines.join('\n');
}

async function main() {
  const noBuild = process.argv.includes('--no-build');
  const fileEnv = ensureEnvFile();
  // Like dotenv: variables already set in the shell win over .env.
  const env = { ...fileEnv, ...process.env, ENV_PATH: envPath };

  const reason = buildReason();
  if (reason && noBuild) console.log(`[demo] --no-build: keeping the existing admin build (${reason})`);
  else if (reason) await run(`admin build (${reason})`, process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], env);
  else console.log('[demo] admin build is up to date');

  await run('seed', process.execPath, [path.join(appDir, 'scripts', 'seed.js')], env);

  const strapiBin = path.join(
    path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [appDir] })),
    'bin',
    'strapi.js',
  );
  console.log('[demo] starting: strapi start');
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: appDir, env, stdio: 'inherit' });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // A terminal's Ctrl+C reaches the child too; forward once so it shuts down cleanly.
      if (stopping) return;
      stopping = true;
      if (child.exitCode === null) child.kill(signal);
    });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // Never leave a server behind if this script dies first.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`[demo] strapi start could not start: ${error.message}`);
    process.exit(1);
  });

  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  try {
    await waitForHealth(`http://${host}:${env.PORT || '1337'}/_health`, child);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGTERM');
    throw error;
  }
  console.log(banner(env));

  const { code, signal } = await exited;
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  console.error(`[demo] ${error instanceof StepError ? error.message : error.stack || error}`);
  process.exit(1);
});
