import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

export interface TestApp {
  strapi: Core.Strapi;
  http: ReturnType<typeof request>;
  /** Base URL when started with `listen: true` (socket.io tests need a real port). */
  url?: string;
  close(): Promise<void>;
}

interface BootOptions {
  listen?: boolean;
  env?: Record<string, string>;
  /** Runs after load, before the routes are mounted (benchmarks add a baseline route here). */
  beforeMount?: (strapi: Core.Strapi) => void | Promise<void>;
}

const client = () => process.env.DATABASE_CLIENT ?? 'sqlite';

/**
 * Each test file gets its own database: a temp SQLite file by default, or a fresh MariaDB /
 * PostgreSQL database when DATABASE_CLIENT says so (created here, dropped in close()).
 */
async function createDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (client() === 'sqlite') {
    const filename = path.join(os.tmpdir(), `shangmen-test-${id}.db`);
    return {
      env: { DATABASE_FILENAME: filename },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
      },
    };
  }
  const name = `shangmen_t_${id}`;
  if (client() === 'mysql') {
    const mysql = await import('mysql2/promise');
    const admin = await mysql.createConnection({
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 3306),
      user: process.env.DATABASE_USERNAME ?? 'root',
      password: process.env.DATABASE_PASSWORD ?? '',
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    return {
      env: { DATABASE_NAME: name },
      drop: async () => {
        const conn = await mysql.createConnection({
          host: process.env.DATABASE_HOST ?? '127.0.0.1',
          port: Number(process.env.DATABASE_PORT ?? 3306),
          user: process.env.DATABASE_USERNAME ?? 'root',
          password: process.env.DATABASE_PASSWORD ?? '',
        });
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      },
    };
  }
  if (client() === 'postgres') {
    const { Client } = await import('pg');
    const connect = async () => {
      const c = new Client({
        host: process.env.DATABASE_HOST ?? '127.0.0.1',
        port: Number(process.env.DATABASE_PORT ?? 5432),
        user: process.env.DATABASE_USERNAME ?? 'postgres',
        password: process.env.DATABASE_PASSWORD ?? '',
        database: 'postgres',
      });
      await c.connect();
      return c;
    };
    const admin = await connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
    await admin.end();
    return {
      env: { DATABASE_NAME: name },
      drop: async () => {
        const c = await connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  throw new Error(`unsupported DATABASE_CLIENT ${client()}`);
}

export async function bootStrapi(options: BootOptions = {}): Promise<TestApp> {
  const db = await createDatabase();
  const env = { ...db.env, REDIS_PREFIX: `t${process.pid}${crypto.randomBytes(3).toString('hex')}:`, ...options.env };
  const previous: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    previous[key] = process.env[key];
    process.env[key] = value;
  }

  const { createStrapi } = await import('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  await options.beforeMount?.(strapi);
  let url: string | undefined;
  if (options.listen) {
    await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve()));
    const address = strapi.server.httpServer.address();
    if (address && typeof address === 'object') url = `http://127.0.0.1:${address.port}`;
  } else {
    strapi.server.mount();
  }

  return {
    strapi,
    http: request(strapi.server.httpServer),
    url,
    async close() {
      await strapi.destroy();
      await db.drop();
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
