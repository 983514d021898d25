#!/usr/bin/env node
/**
 * `npm run test:services`: the API suites plus the services-only suites against MariaDB/MySQL
 * and Redis. Each test file creates its own database (shangmen_t_*) and drops it afterwards;
 * this script checks the services answer first and sweeps databases left by a killed run.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const env = {
  ...process.env,
  DATABASE_CLIENT: process.env.DATABASE_CLIENT || 'mysql',
  DATABASE_HOST: process.env.DATABASE_HOST || '127.0.0.1',
  DATABASE_PORT: process.env.DATABASE_PORT || '3306',
  DATABASE_USERNAME: process.env.DATABASE_USERNAME || 'root',
  DATABASE_PASSWORD: process.env.DATABASE_PASSWORD || '',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};

async function checkServices() {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
  });
  const [rows] = await conn.query("SHOW DATABASES LIKE 'shangmen\\_t\\_%'");
  for (const row of rows) {
    const name = Object.values(row)[0];
    // Only databases of processes that no longer exist: shangmen_t_<pid>_<random>.
    const pid = Number(String(name).split('_')[2]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {}
    if (!alive) await conn.query(`DROP DATABASE \`${name}\``);
  }
  await conn.end();

  const Redis = require('ioredis');
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  await redis.ping();
  await redis.quit();
}

checkServices()
  .then(() => {
    const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
    const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2), '--selectProjects', 'api', 'services'], {
      stdio: 'inherit',
      env,
    });
    process.exit(result.status ?? 1);
  })
  .catch((err) => {
    console.error(`test:services needs MariaDB/MySQL at ${env.DATABASE_HOST}:${env.DATABASE_PORT} and Redis at ${env.REDIS_URL}:`, err.message);
    process.exit(1);
  });
