/**
 * Public reads (catalog tree, items, workers, search, cities, gifts) against a plain Strapi core
 * `find` of 25 service items on the same data, cached and cold (RESPONSE_CACHE=off), and the
 * framework's ceiling (`/_health`). The load comes from autocannon in a child process, so the
 * generator does not share the server's event loop. SQLite by default; DATABASE_CLIENT=mysql
 * (+ REDIS_URL) for MariaDB + Redis.
 *
 * BENCH_DURATION (seconds per route, default 5) and BENCH_CONNECTIONS (default 50).
 * Prints `name value unit` lines; `*.vs_baseline` is throughput over the baseline run made just
 * before that route's pair (BENCH_ROUTES=items,tree,… limits the routes).
 */
import { spawn } from 'node:child_process';
import { factories } from '@strapi/strapi';
import { bootStrapi } from '../tests/helpers/strapi';
import { seedDemo } from '../src/seed/seed-demo';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Result {
  throughput: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run in its own process; its JSON summary comes back on stdout. */
function autocannon(url: string, connections = CONNECTIONS, duration = DURATION): Promise<Result> {
  const cli = require.resolve('autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '-c', String(connections), '-d', String(duration), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out);
      resolve({
        throughput: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        // 304s never happen here (no If-None-Match), so non-2xx means failures.
        non2xx: r.non2xx ?? 0,
        errors: (r.errors ?? 0) + (r.timeouts ?? 0),
      });
    });
  });
}

function report(name: string, r: Result, baseline?: Result): void {
  console.log(`${name}.throughput ${r.throughput.toFixed(1)} req/s`);
  console.log(`${name}.p50 ${r.p50.toFixed(1)} ms`);
  console.log(`${name}.p99 ${r.p99.toFixed(1)} ms`);
  console.log(`${name}.failures ${r.non2xx + r.errors} count`);
  if (baseline) console.log(`${name}.vs_baseline ${(r.throughput / baseline.throughput).toFixed(2)} ratio`);
}

/**
 * The baseline: Strapi's own core controller `find`, no overrides, behind the same
 * users-permissions check a generated route has (public role, `find` permission).
 */
function addBaselineRoute(strapi: any): void {
  const core = factories.createCoreController('api::catalog.service-item')({ strapi }) as { find(ctx: unknown): Promise<unknown> };
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/bench-core/service-items',
        handler: (ctx: any) => core.find.call(core, ctx),
        config: { auth: { scope: ['api::catalog.service-item.find'] } },
      },
    ],
  });
}

export default async function run(): Promise<void> {
  const app = await bootStrapi({ listen: true, beforeMount: addBaselineRoute });
  const { strapi } = app;
  try {
    // The demo data, workers included (bench.js runs in production mode, where the seed skips accounts).
    const mode = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      await seedDemo(strapi, { accounts: true, images: false });
    } finally {
      process.env.NODE_ENV = mode;
    }

    const base = app.url!;
    const city = (await strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } }))?.adcode ?? '310100';
    const worker = await strapi.db.query('api::people.worker').findOne({ where: { auditStatus: 'approved', employment: 'active' }, select: ['documentId'] });
    const item = await strapi.db.query('api::catalog.service-item').findOne({ where: { active: true }, select: ['documentId'] });
    const routes: Array<[string, string]> = [
      ['items', '/api/service-items?pagination[pageSize]=25'],
      ['item_detail', `/api/service-items/${item.documentId}`],
      ['tree', '/api/service-categories'],
      ['workers', `/api/workers?filters[city][adcode][$eq]=${city}`],
      ['worker_profile', `/api/workers/${worker.documentId}`],
      ['search', `/api/search?q=${encodeURIComponent('保洁')}`],
      ['gifts', '/api/gifts'],
      ['cities', '/api/cities'],
    ];

    const only = process.env.BENCH_ROUTES?.split(',').filter(Boolean);
    if (only) routes.splice(0, routes.length, ...routes.filter(([name]) => only.includes(name)));
    const baselineUrl = `${base}/api/bench-core/service-items?pagination[pageSize]=25`;
    for (const [, path] of routes) {
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    }
    const probe = await fetch(baselineUrl);
    if (!probe.ok) throw new Error(`baseline route answered ${probe.status}: ${await probe.text()}`);

    // Warm-up (JIT, statement caches), not recorded.
    await autocannon(baselineUrl, 10, 1);

    console.log(`bench.connections ${CONNECTIONS} count`);
    console.log(`bench.duration ${DURATION} s`);
    report('health', await autocannon(`${base}/_health`));

    // The machine is shared: each route is measured right after its own baseline run, and its
    // ratios are taken against that run, so drift in the machine's load cancels out.
    for (const [name, path] of routes) {
      const baseline = await autocannon(baselineUrl);
      report(`${name}.baseline_core_find`, baseline);
      process.env.RESPONSE_CACHE = 'off';
      try {
        report(`${name}.cold`, await autocannon(base + path), baseline);
      } finally {
        delete process.env.RESPONSE_CACHE;
      }
      await fetch(base + path); // fills the entry
      report(`${name}.cached`, await autocannon(base + path), baseline);
    }
  } finally {
    await app.close();
  }
}
