#!/usr/bin/env node
/**
 * Browser checks of the built app: `npm run build` first, then `node scripts/e2e.js`.
 *
 * Runs tests/e2e/*.e2e.ts with jest (same swc transform as the other suites), one file at a
 * time. Each file starts `strapi start` on a temp SQLite database and a free port and drives
 * Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) with playwright-core. Screenshots go
 * to tests/.artifacts/. Extra arguments are passed to jest (e.g. a test name pattern with -t).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const appDir = path.resolve(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(chromium)) {
  fail(`${chromium} not found: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`);
}
if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
  fail('the admin is not built: run `npm run build` first');
}

const config = {
  rootDir: appDir,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 60000,
};

const started = Date.now();
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--runInBand', ...process.argv.slice(2)],
  { cwd: appDir, stdio: 'inherit' },
);
console.log(`e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in tests/.artifacts/`);
process.exit(result.status ?? 1);
