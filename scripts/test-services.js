#!/usr/bin/env node
/**
 * `npm run test:services`: the API suites plus the services-only suites against MariaDB/MySQL
 * and Redis; `npm run test:postgres`: the same against PostgreSQL and Redis. Each test file
 * creates its own database (shangmen_t_*) and drops it afterwards; this script checks the
 * services answer first and sweeps databases left by a killed run.
 * Extra arguments go to jest (test paths, -t …).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const client = process.env.DATABASE_CLIENT || 'mysql';
const defaults = {
  mysql: { port: '3306', user: 'root' },
  postgres: { port: '5432', user: 'postgres' },
}[client];
if (!defaults) {
  console.error(`test:services runs on mysql or postgres, not ${client}`);
  process.exit(1);
}

const env = {
  ...process.env,
  DATABASE_CLIENT: client,
  DATABASE_HOST: process.env.DATABASE_HOST || '127.0.0.1',
  DATABASE_PORT: process.env.DATABASE_PORT || defaults.port,
  DATABASE_USERNAME: process.env.DATABASE_USERNAME || defaults.user,
  DATABASE_PASSWORD: process.env.DATABASE_PASSWORD || '',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};

/** Only databases of processes that no longer exist: shangmen_t_<pid>_<random>. */
function abandoned(name) {
  const pid = Number(String(name).split('_')[2]);
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function sweepMysql() {
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
    if (abandoned(name)) await conn.query(`DROP DATABASE \`${name}\``);
  }
  await conn.end();
}

async function sweepPostgres() {
  const { Client } = require('pg');
  const conn = new Client({
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
    database: 'postgres',
  });
  await conn.connect();
  const { rows } = await conn.query("SELECT datname FROM pg_database WHERE datname LIKE 'shangmen\\_t\\_%'");
  for (const { datname } of rows) {
    if (abandoned(datname)) await conn.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await conn.end();
}

async function checkServices() {
  await (client === 'mysql' ? sweepMysql() : sweepPostgres());
  const Redis = require('ioredis');
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  await redis.ping();
  await redis.quit();
}

checkServices()
  .then(() => {
    const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
    // --selectProjects takes every word after it: test paths must come first.
    const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2), '--selectProjects', 'api', 'services'], {
      stdio: 'inherit',
      env,
    });
    process.exit(result.status ?? 1);
  })
  .catch((err) => {
    console.error(`test:services needs ${client} at ${env.DATABASE_HOST}:${env.DATABASE_PORT} and Redis at ${env.REDIS_URL}:`, err.message);
    process.exit(1);
  });
