/**
 * Dispatch:
 * 1. batch mode's solver alone: the optimal assignment (Kuhn–Munkres, `munkres`) of pending orders
 *    to workers over a score matrix, in process, on random scores with a third of the pairs
 *    infeasible (as distance, skill and time filters leave them);
 * 2. 智能推荐 in process (the service behind POST /api/dispatch/recommend) over 1k / 10k / 50k
 *    workers of one city, seeded with plain inserts: geo index (Redis GEOSEARCH when REDIS_URL is
 *    set, else the embedded grid), cached profiles, then one batch of load queries;
 * 3. one whole batch round (`dispatcher.runBatch`) of 200 waiting orders against 500 workers, on
 *    the database: ranking each order, the solve, and writing the offers.
 * SQLite by default; DATABASE_CLIENT=mysql and/or REDIS_URL for MariaDB and Redis.
 * BENCH_DISPATCH_SIZES=1000,10000 limits the recommend sizes; BENCH_DISPATCH_PARTS=solver,recommend,batch.
 */
import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { optimalAssignment } from '../src/plugins/dispatch/server/src/domain/assignment';
import { bootStrapi, type TestApp } from '../tests/helpers/strapi';
import { buildDispatchWorld, paidOrder, saveDispatchSettings } from '../tests/helpers/dispatch';
import { localAt, type OrderWorld } from '../tests/helpers/orders';

const WORKER_UID = 'api::people.worker';
const CENTRE = { lat: 31.19, lng: 121.43 }; // the member's address in the test world
const METERS_PER_DEG_LAT = 111_195;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const pct = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const load = (label: string) => console.log(`# load average ${label}: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);

// ---- 1. the solver ---------------------------------------------------------------------------

function matrix(rows: number, cols: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() < 0.33 ? 0 : Math.round(next() * 1000) / 10 + 0.1)));
}

function solver(): void {
  const time = (rows: number, cols: number, runs: number) => {
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const m = matrix(rows, cols, 42 + r);
      const t0 = process.hrtime.bigint();
      optimalAssignment(m);
      samples.push(ms(t0));
    }
    return { p50: pct(samples, 50), p95: pct(samples, 95) };
  };
  time(50, 100, 3); // warm-up
  for (const [rows, cols, runs] of [
    [200, 500, 10],
    [200, 1000, 5],
    [500, 500, 5],
    [1000, 2000, 3],
  ]) {
    const { p50, p95 } = time(rows, cols, runs);
    console.log(`dispatch_batch_${rows}x${cols}.p50 ${p50.toFixed(1)} ms`);
    console.log(`dispatch_batch_${rows}x${cols}.p95 ${p95.toFixed(1)} ms`);
  }
}

// ---- seeding workers with plain inserts --------------------------------------------------------

interface Template {
  row: Record<string, unknown>;
  cityTable: string;
  cityLink: Record<string, unknown>;
  cmpTable: string;
  skillLinks: Array<Record<string, unknown>>;
  skillTable: string;
  skillRows: Array<Record<string, unknown>>;
  skillLinkTable: string;
  skillLinkRows: Array<Record<string, unknown>>;
  skillLinkColumn: string;
}

/** The first cleaner of the test world, as rows to copy: the worker, its city link and its skills (shared component rows). */
async function templateOf(strapi: Core.Strapi, workerId: number): Promise<Template> {
  const knex = strapi.db.connection;
  const meta: any = strapi.db.metadata.get(WORKER_UID);
  const cityTable = meta.attributes.city.joinTable.name;
  const cmpTable = meta.attributes.skills.joinTable.name;
  const row = await knex('workers').where({ id: workerId }).first();
  const cityLink = await knex(cityTable).where({ [meta.attributes.city.joinTable.joinColumn.name]: workerId }).first();
  const skillLinks = await knex(cmpTable).where({ entity_id: workerId, field: 'skills' });
  if (!row || !cityLink || !skillLinks.length) throw new Error('bench: template worker incomplete');
  const skillMeta: any = strapi.db.metadata.get('people.worker-skill' as any);
  const skillTable = skillMeta.tableName;
  const skillLinkTable = skillMeta.attributes.skill.joinTable.name;
  const skillLinkColumn = skillMeta.attributes.skill.joinTable.joinColumn.name;
  const cmpIds = skillLinks.map((l: any) => l.cmp_id);
  const skillRows = await knex(skillTable).whereIn('id', cmpIds);
  const skillLinkRows = await knex(skillLinkTable).whereIn(skillLinkColumn, cmpIds);
  return { row, cityTable, cityLink, cmpTable, skillLinks, skillTable, skillRows, skillLinkTable, skillLinkRows, skillLinkColumn };
}

/**
 * `count` more workers of the template's city and skill, homes uniform in a disc of `radiusKm`
 * around the address, ratings 3.5–5, 0–20 years, business hours, no bookings.
 */
async function seedWorkers(strapi: Core.Strapi, t: Template, count: number, radiusKm: number, seed: number): Promise<number[]> {
  const knex = strapi.db.connection;
  const { max } = (await knex('workers').max({ max: 'id' }).first()) as { max: number };
  const random = prng(seed);
  const ids: number[] = [];
  const rows: Record<string, unknown>[] = [];
  const cityLinks: Record<string, unknown>[] = [];
  const cmps: Record<string, unknown>[] = [];
  const cityJoin = Object.keys(t.cityLink).find((k) => k.endsWith('worker_id')) ?? 'worker_id';
  // Each worker its own skill rows, as the admin would create them.
  const { max: maxCmp } = (await knex(t.skillTable).max({ max: 'id' }).first()) as { max: number };
  let nextCmp = Number(maxCmp) + 1;
  const skillRows: Record<string, unknown>[] = [];
  const skillLinkRows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const id = Number(max) + 1 + i;
    ids.push(id);
    const r = radiusKm * 1000 * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    const lat = CENTRE.lat + (r * Math.cos(a)) / METERS_PER_DEG_LAT;
    const lng = CENTRE.lng + (r * Math.sin(a)) / (METERS_PER_DEG_LAT * Math.cos((CENTRE.lat * Math.PI) / 180));
    const { id: _id, ...rest } = t.row as any;
    rows.push({
      ...rest,
      id,
      document_id: `bench${crypto.randomBytes(10).toString('hex').slice(0, 19)}`,
      real_name: `师傅${id}`,
      gender: i % 2 ? 'male' : 'female',
      home_lat: lat,
      home_lng: lng,
      rating: Math.round((3.5 + 1.5 * random()) * 10) / 10,
      experience_years: Math.floor(random() * 21),
      service_radius_meters: 10_000,
    });
    const { id: _l, ...link } = t.cityLink as any;
    cityLinks.push({ ...link, [cityJoin]: id });
    for (const s of t.skillLinks) {
      const { id: _c, ...cmp } = s as any;
      const cmpId = nextCmp++;
      const { id: _s, ...skillRow } = t.skillRows.find((r: any) => r.id === cmp.cmp_id) as any;
      skillRows.push({ ...skillRow, id: cmpId });
      for (const l of t.skillLinkRows.filter((r: any) => r[t.skillLinkColumn] === cmp.cmp_id)) {
        const { id: _k, ...link } = l as any;
        skillLinkRows.push({ ...link, [t.skillLinkColumn]: cmpId });
      }
      cmps.push({ ...cmp, entity_id: id, cmp_id: cmpId });
    }
  }
  const chunk = (_table: string, list: Record<string, unknown>[]) => Math.max(1, Math.floor(900 / Object.keys(list[0]).length));
  await knex.transaction(async (trx) => {
    await knex.batchInsert('workers', rows as any, chunk('workers', rows)).transacting(trx);
    await knex.batchInsert(t.cityTable, cityLinks as any, chunk(t.cityTable, cityLinks)).transacting(trx);
    await knex.batchInsert(t.cmpTable, cmps as any, chunk(t.cmpTable, cmps)).transacting(trx);
    await knex.batchInsert(t.skillTable, skillRows as any, chunk(t.skillTable, skillRows)).transacting(trx);
    await knex.batchInsert(t.skillLinkTable, skillLinkRows as any, chunk(t.skillLinkTable, skillLinkRows)).transacting(trx);
  });
  const directory = strapi.plugin('dispatch').service('worker-directory');
  directory.invalidate();
  await directory.syncGeoIndex();
  return ids;
}

/** BENCH_DISPATCH_SQL=1: time spent per statement shape while measuring (to find the hot spot). */
function watchSql(strapi: Core.Strapi) {
  const knex: any = strapi.db.connection;
  const started = new Map<string, bigint>();
  const totals = new Map<string, { n: number; ms: number }>();
  const onQuery = (q: any) => started.set(q.__knexQueryUid, process.hrtime.bigint());
  const onDone = (_r: unknown, q: any) => {
    const t0 = started.get(q.__knexQueryUid);
    if (t0 === undefined) return;
    started.delete(q.__knexQueryUid);
    const shape = String(q.sql).replace(/\?(, \?)*/g, '?').slice(0, 110);
    const entry = totals.get(shape) ?? { n: 0, ms: 0 };
    entry.n++;
    entry.ms += ms(t0);
    totals.set(shape, entry);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onDone);
  return {
    report(calls: number) {
      knex.off('query', onQuery);
      knex.off('query-response', onDone);
      for (const [shape, { n, ms: total }] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
        console.log(`#   sql ${(total / calls).toFixed(2)} ms/call ${(n / calls).toFixed(1)}×  ${shape}`);
      }
    },
  };
}

// ---- 2. recommend ---------------------------------------------------------------------------

async function recommend(app: TestApp, w: OrderWorld, t: Template): Promise<void> {
  const sizes = (process.env.BENCH_DISPATCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
  const service = app.strapi.plugin('dispatch').service('recommendations');
  const call = (i: number) =>
    service.recommend(w.member.id, { serviceItem: w.hourly, address: w.address, scheduledAt: localAt(2 + (i % 10), 9 + (i % 8)) });
  let seeded = 4; // the world's own workers
  for (const size of sizes) {
    const t0 = process.hrtime.bigint();
    await seedWorkers(app.strapi, t, size - seeded, 25, size);
    console.log(`# seeded ${size - seeded} workers in ${(ms(t0) / 1000).toFixed(1)} s`);
    seeded = size;
    // The first call after a change loads every nearby profile into the directory's cache.
    const c0 = process.hrtime.bigint();
    const first = await call(0);
    const cold = ms(c0);
    const rt = require(`${app.strapi.dirs.dist.src}/runtime`).runtime();
    const inSearch = (await rt.geo.near('worker-homes', CENTRE, 30_000)).length;
    const item = await app.strapi.db.query('api::catalog.service-item').findOne({ where: { documentId: w.hourly }, populate: { skills: { select: ['id'] } } });
    const fit = await app.strapi.plugin('dispatch').service('candidates').rank({ cityAdcode: '310100', location: CENTRE, skillIds: item.skills.map((s: any) => s.id), scheduledAt: new Date(localAt(3, 10)), durationMinutes: 120 });
    const runs = size >= 50_000 ? 60 : 150;
    for (let i = 0; i < 10; i++) await call(i); // warm-up
    const sql = process.env.BENCH_DISPATCH_SQL ? watchSql(app.strapi) : undefined;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s0 = process.hrtime.bigint();
      await call(i);
      samples.push(ms(s0));
    }
    sql?.report(runs);
    const tag = `dispatch_recommend_${size}`;
    console.log(`${tag}.returned ${first.length} workers`);
    console.log(`${tag}.in_search_radius ${inSearch} workers`);
    console.log(`${tag}.candidates ${fit.candidates.length} workers`);
    console.log(`${tag}.cold ${cold.toFixed(1)} ms`);
    console.log(`${tag}.p50 ${pct(samples, 50).toFixed(1)} ms`);
    console.log(`${tag}.p95 ${pct(samples, 95).toFixed(1)} ms`);
    load(`after ${size}`);
  }
}

// ---- 3. a whole batch round ---------------------------------------------------------------------

async function batchRound(): Promise<void> {
  // The sandbox payment channel signs its notifications with this secret.
  process.env.SANDBOX_PAY_SECRET ??= 'bench-sandbox-secret';
  const app = await bootStrapi();
  try {
    const w = await buildDispatchWorld(app.strapi, app.http);
    await saveDispatchSettings(app.strapi, { mode: 'batch', batchIntervalSeconds: 3600, offerTimeoutSeconds: 3600 });
    const t = await templateOf(app.strapi, w.workers[0].workerId);
    await seedWorkers(app.strapi, t, 496, 8, 7);
    const t0 = process.hrtime.bigint();
    const orders: string[] = [];
    // 200 orders over 10 days × 10 start hours, two per hour: every worker is free for most of them.
    for (let i = 0; i < 200; i++) orders.push((await paidOrder(app.strapi, app.http, w, localAt(2 + (i % 10), 8 + (Math.floor(i / 10) % 10)))).documentId);
    const tasks = app.strapi.db.query('plugin::dispatch.dispatch-task');
    for (let i = 0; i < 400 && (await tasks.count({ where: { taskState: 'waiting_batch' } })) < 200; i++) await new Promise((r) => setTimeout(r, 50));
    console.log(`# placed 200 paid orders in ${(ms(t0) / 1000).toFixed(1)} s; waiting: ${await tasks.count({ where: { taskState: 'waiting_batch' } })}`);
    app.strapi.plugin('dispatch').service('worker-directory').invalidate();
    const r0 = process.hrtime.bigint();
    const offered = await app.strapi.plugin('dispatch').service('dispatcher').runBatch();
    const round = ms(r0);
    console.log(`dispatch_batch_round_200x500.offered ${offered} offers`);
    console.log(`dispatch_batch_round_200x500.time ${round.toFixed(0)} ms`);
    await cleanRedis(app);
  } finally {
    await app.close();
  }
}

async function cleanRedis(app: TestApp): Promise<void> {
  const rt = require(`${app.strapi.dirs.dist.src}/runtime`).runtime();
  if (rt.mode !== 'redis') return;
  const client = rt.redis.client;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${rt.prefix}*`, 'COUNT', 1000);
    if (keys.length) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export default async function run(): Promise<void> {
  const parts = (process.env.BENCH_DISPATCH_PARTS ?? 'solver,recommend,batch').split(',');
  // Our own Redis keys: others' tests share the server.
  if (process.env.REDIS_URL && !process.env.REDIS_PREFIX) process.env.REDIS_PREFIX = `shangmen-bench-${process.pid}:`;
  load('start');
  if (parts.includes('solver')) solver();
  if (parts.includes('recommend')) {
    const app = await bootStrapi();
    try {
      const w = await buildDispatchWorld(app.strapi, app.http);
      await saveDispatchSettings(app.strapi, { mode: 'manual' });
      const rt = require(`${app.strapi.dirs.dist.src}/runtime`).runtime();
      console.log(`# recommend: geo ${rt.mode === 'redis' ? 'Redis GEOSEARCH' : 'embedded grid'}, database ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
      await recommend(app, w, await templateOf(app.strapi, w.workers[0].workerId));
      await cleanRedis(app);
    } finally {
      await app.close();
    }
  }
  if (parts.includes('batch')) await batchRound();
  load('end');
}

if (require.main === module) void run();
